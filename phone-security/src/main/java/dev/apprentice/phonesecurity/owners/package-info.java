/** The life of an owner in the service: the population model, enrolment, session scoring and erasure. */
package dev.apprentice.phonesecurity.owners;
