/** DAgger (Ross, Gordon and Bagnell, AISTATS 2011): behaviour cloning on a dataset that grows with the expert's labels for the states the learner's own rollouts visit. */
package dev.apprentice.il.algorithms.dagger;
