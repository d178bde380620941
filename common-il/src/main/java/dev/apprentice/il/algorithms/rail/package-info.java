/** Randomised adversarial imitation learning (RAIL; Shin and Kim 2019): augmented random search over policy parameters with a GAIL-style discriminator as the only reward. */
package dev.apprentice.il.algorithms.rail;
