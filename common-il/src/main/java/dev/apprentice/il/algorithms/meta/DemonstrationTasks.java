package dev.apprentice.il.algorithms.meta;

import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import java.util.SplittableRandom;

/**
 * Supervised imitation tasks, typically one per person (a phone's owner, a driver, a patient):
 * each draw takes one task and from it a support set, which the inner loop adapts on, and a
 * disjoint query set, which scores the adapted parameters. MAML's and Reptile's meta-training
 * read nothing else.
 */
public interface DemonstrationTasks extends MetaTasks {

    /** The space every task's states belong to. */
    Box stateSpace();

    /** The space every task's actions belong to. */
    Space actionSpace();

    /**
     * Per-dimension mean and standard deviation of the states over all tasks: the normaliser a
     * meta-learned policy keeps, so that adapting to a new person changes only its network.
     */
    float[][] stateMoments();

    /** The fewest samples any task holds; a draw asks for at most this many. */
    int smallestTaskSize();

    /**
     * Draws a task uniformly and {@code supportSize + querySize} distinct samples from it.
     *
     * @throws IllegalArgumentException when the sizes are below 1 or together exceed {@link #smallestTaskSize()}
     */
    TaskBatch sample(SplittableRandom rng, int supportSize, int querySize);

    /** Samples of one task as row-major arrays, the layout networks train on. */
    record Shots(float[] states, float[] actions, int rows) {

        public Shots {
            if (rows < 1 || states.length % rows != 0 || actions.length % rows != 0) {
                throw new IllegalArgumentException("shots: expected " + rows + " rows, found " + states.length
                        + " state values and " + actions.length + " action values");
            }
        }
    }

    /** One draw: which task, its support set and its query set. */
    record TaskBatch(String task, Shots support, Shots query) {
    }
}
