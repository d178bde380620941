/**
 * Meta-learning (Finn, Abbeel and Levine 2017; Nichol, Achiam and Schulman 2018; Yang et al. 2019):
 * learning an initialisation from many tasks (people, drivers, patients, dynamics) that a few
 * steps on a new task's small data adapt well.
 */
package dev.apprentice.il.algorithms.meta;
