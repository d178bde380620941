/** The contract every imitation algorithm implements ({@link dev.apprentice.il.algorithms.Trainer}), the task it is given and the progress it reports; one sub-package per algorithm. */
package dev.apprentice.il.algorithms;
