/** Telling an owner's samples from other people's: the verification methods, the baselines, error rates and the evaluation protocol. */
package dev.apprentice.phonesecurity.verification;
