package dev.apprentice.il.algorithms;

import dev.apprentice.il.eval.EvaluationResult;
import dev.apprentice.il.policy.Policy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The bookkeeping every trainer's iteration loop shares: resuming from a checkpoint, evaluating
 * when due, reporting progress, saving checkpoints when due, and stopping on request. Trainers
 * keep only their algorithm in their loop.
 *
 * <pre>{@code
 * TrainingRun run = new TrainingRun(this, task, options);
 * int first = run.resume().map(c -> restore(c)).orElse(1);
 * for (int it = first; it <= max; it++) {
 *     Map<String, Double> metrics = iterate(it);
 *     run.evaluateIfDue(it, () -> currentPolicy(), metrics);
 *     run.endIteration(it, max, metrics, () -> checkpointOf(it));
 * }
 * }</pre>
 */
public final class TrainingRun {

    private final String algorithm;
    private final TrainerConfig config;
    private final String dataFingerprint;
    private final TrainingOptions options;
    private final long start = System.nanoTime();

    public TrainingRun(Trainer trainer, ImitationTask task, TrainingOptions options) {
        this.algorithm = trainer.algorithm();
        this.config = trainer.config();
        this.dataFingerprint = task.dataFingerprint();
        this.options = options;
    }

    /** The saved state to continue from, if checkpointing is on and a checkpoint exists. */
    public Optional<Checkpoint> resume() {
        return options.checkpointingOption()
                .flatMap(c -> Checkpoint.load(c.directory(), algorithm, config, dataFingerprint));
    }

    /** An empty checkpoint for this run at the end of {@code iteration}, for the trainer to fill. */
    public Checkpoint checkpoint(int iteration) {
        return Checkpoint.of(algorithm, iteration, config, dataFingerprint);
    }

    /**
     * Adds {@code eval_normalized_return} and {@code eval_mean_return} to {@code metrics} when an
     * evaluator is configured and {@code iteration} is a multiple of its interval (or the last).
     */
    public void evaluateIfDue(int iteration, int maxIterations, Supplier<Policy> policy, Map<String, Double> metrics) {
        if (options.evaluator() == null
                || (iteration % options.evaluateEvery() != 0 && iteration != maxIterations)) {
            return;
        }
        EvaluationResult result = options.evaluator().evaluate(algorithm, policy.get());
        metrics.put("eval_normalized_return", result.normalizedReturn());
        metrics.put("eval_mean_return", result.episodes().meanReturn());
    }

    /**
     * Reports the iteration, saves a checkpoint when due, and stops the run when the stop signal
     * is raised.
     *
     * @param state builds the checkpoint of the state after this iteration (called only when needed)
     * @throws TrainingStoppedException when the stop signal is raised
     */
    public void endIteration(int iteration, int maxIterations, Map<String, Double> metrics, Supplier<Checkpoint> state) {
        options.listener().onProgress(new TrainingProgress(algorithm, iteration, maxIterations,
                new LinkedHashMap<>(metrics), elapsedSeconds()));
        boolean stop = options.stopSignal().getAsBoolean();
        Path saved = null;
        Checkpointing checkpointing = options.checkpointing();
        if (checkpointing != null && (stop || iteration % checkpointing.everyIterations() == 0)
                && iteration < maxIterations) {
            saved = state.get().save(checkpointing.directory());
        }
        if (stop && iteration < maxIterations) {
            throw new TrainingStoppedException(algorithm, iteration, saved);
        }
    }

    /** Wall time since this run object was created. */
    public double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
