package dev.apprentice.il.algorithms;

import java.nio.file.Path;

/**
 * Where and how often a trainer saves its complete state, so that a stopped or crashed run can be
 * resumed and end with exactly the parameters an uninterrupted run would have reached.
 *
 * @param directory holds the run's {@value Checkpoint#FILE}; one directory per training run
 * @param everyIterations save after every this many iterations (and always when stopped)
 */
public record Checkpointing(Path directory, int everyIterations) {

    public Checkpointing {
        if (directory == null) {
            throw new IllegalArgumentException("checkpoint directory is required");
        }
        if (everyIterations < 1) {
            throw new IllegalArgumentException("checkpoint interval: expected at least 1 iteration, found "
                    + everyIterations);
        }
    }
}
