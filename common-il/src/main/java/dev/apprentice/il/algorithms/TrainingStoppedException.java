package dev.apprentice.il.algorithms;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Thrown by a trainer that stopped because its stop signal was raised; when checkpointing was on,
 * the run's state was saved first and training the same task again with the same options resumes.
 */
public final class TrainingStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int iteration;
    private final transient Path checkpoint;

    public TrainingStoppedException(String algorithm, int iteration, Path checkpoint) {
        super(algorithm + " training stopped on request after iteration " + iteration
                + (checkpoint == null ? " (no checkpointing configured: progress is lost)"
                        : "; resume from " + checkpoint));
        this.iteration = iteration;
        this.checkpoint = checkpoint;
    }

    /** The last iteration completed. */
    public int iteration() {
        return iteration;
    }

    /** The checkpoint written on stopping, if checkpointing was configured. */
    public Optional<Path> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }
}
