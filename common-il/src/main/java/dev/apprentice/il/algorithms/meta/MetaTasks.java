package dev.apprentice.il.algorithms.meta;

/**
 * A distribution of tasks a meta-learner draws from: the "many related tasks" of meta-learning,
 * given to a {@link dev.apprentice.il.algorithms.Trainer} through
 * {@link dev.apprentice.il.algorithms.ImitationTask#ofTasks(MetaTasks)}.
 */
public interface MetaTasks {

    /**
     * A stable fingerprint of the distribution (its data's SHA-256, or its generator's name and
     * parameters): what checkpoints are matched against and model cards record.
     */
    String fingerprint();
}
