/** GAIL: generative adversarial imitation learning with a PPO generator and the shared discriminator as reward. */
package dev.apprentice.il.algorithms.gail;
