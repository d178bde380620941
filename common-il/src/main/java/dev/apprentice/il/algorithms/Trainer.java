package dev.apprentice.il.algorithms;

/**
 * The one training contract every imitation algorithm implements, so that services, the CLI,
 * the evaluator and the contract tests treat BC, DAgger, GAIL and RAIL alike.
 *
 * <pre>{@code
 * Trainer trainer = new BehaviorCloningTrainer(BcConfig.builder().epochs(50).seed(1).build());
 * TrainingOutcome outcome = trainer.train(ImitationTask.of(demonstrations), progress ->
 *         System.out.println(progress.iteration() + " " + progress.metrics()));
 * Policy policy = outcome.policy();
 * }</pre>
 */
public interface Trainer {

    /** Short algorithm name recorded in model cards, e.g. {@code "bc"}. */
    String algorithm();

    /** The validated configuration this trainer runs with. */
    TrainerConfig config();

    /**
     * Trains a policy, reporting to a listener.
     *
     * @param task the demonstrations and, for algorithms that need them, environments and an expert
     * @param listener receives progress after every iteration (epoch for BC)
     * @throws IllegalArgumentException when the task lacks something this algorithm needs
     */
    default TrainingOutcome train(ImitationTask task, TrainingListener listener) {
        return train(task, TrainingOptions.listener(listener));
    }

    /**
     * Trains a policy under the given options: with checkpointing, a run that finds a checkpoint
     * of the same algorithm, configuration and data resumes from it and ends with the same
     * parameters as an uninterrupted run.
     *
     * @throws IllegalArgumentException when the task lacks something this algorithm needs, or the
     *     checkpoint directory holds another run's checkpoint
     * @throws TrainingStoppedException when the options' stop signal was raised
     */
    TrainingOutcome train(ImitationTask task, TrainingOptions options);
}
