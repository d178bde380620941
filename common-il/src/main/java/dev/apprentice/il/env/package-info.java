/** Environments: the {@link dev.apprentice.il.env.Environment} contract, a checker for user environments and a parallel, reproducible rollout collector. */
package dev.apprentice.il.env;
