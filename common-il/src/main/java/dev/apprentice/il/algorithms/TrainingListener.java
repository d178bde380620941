package dev.apprentice.il.algorithms;

/** Receives a trainer's progress, for CLI progress bars, service dashboards and logs. */
@FunctionalInterface
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = progress -> { };

    /** Called on the training thread after every iteration; must return quickly. */
    void onProgress(TrainingProgress progress);
}
