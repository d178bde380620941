/** Reproducible comparisons of the imitation algorithms on the reference environments, as in the GAIL paper's tables. */
package dev.apprentice.il.report;
