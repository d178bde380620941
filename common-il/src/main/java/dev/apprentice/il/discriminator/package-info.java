/** The adversarial discriminator D(s, a) of GAIL and RAIL, trained on expert against generated data and used as their reward. */
package dev.apprentice.il.discriminator;
