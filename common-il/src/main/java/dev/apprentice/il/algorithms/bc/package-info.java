/** Behaviour cloning (Pomerleau 1991; Bain and Sammut 1995): supervised maximum likelihood of the expert's actions. */
package dev.apprentice.il.algorithms.bc;
