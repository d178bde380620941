/** Policies: the {@link dev.apprentice.il.policy.Policy} contract, action distributions, MLP and linear policies with a plain-Java forward pass, observation normalisation. */
package dev.apprentice.il.policy;
