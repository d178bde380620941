package dev.apprentice.il.algorithms;

import dev.apprentice.il.eval.Evaluator;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * How a training run is watched and controlled, as opposed to what it computes (the
 * {@link TrainerConfig}): progress listener, checkpointing, periodic evaluation and a stop signal.
 * None of these change the trained parameters.
 *
 * <pre>{@code
 * TrainingOptions options = TrainingOptions.listener(progress -> log(progress))
 *         .withCheckpointing(Path.of("runs/gail-1"), 10)
 *         .withEvaluation(evaluator, 5)
 *         .withStopSignal(job::cancelled);
 * }</pre>
 *
 * @param listener receives a report after every iteration
 * @param checkpointing where to save and resume from; null for none
 * @param evaluator evaluates the current policy when due; null for none
 * @param evaluateEvery evaluation interval in iterations (ignored without an evaluator)
 * @param stopSignal polled after every iteration; when it returns true the run saves a checkpoint
 *     (if configured) and throws {@link TrainingStoppedException}
 */
public record TrainingOptions(TrainingListener listener, Checkpointing checkpointing, Evaluator evaluator,
        int evaluateEvery, BooleanSupplier stopSignal) {

    public TrainingOptions {
        if (listener == null) {
            throw new IllegalArgumentException("training listener is required (use TrainingListener.NONE)");
        }
        if (evaluator != null && evaluateEvery < 1) {
            throw new IllegalArgumentException("evaluation interval: expected at least 1 iteration, found " + evaluateEvery);
        }
        if (stopSignal == null) {
            throw new IllegalArgumentException("stop signal is required (use () -> false)");
        }
    }

    /** Only a listener: no checkpoints, no evaluation, never stopped. */
    public static TrainingOptions listener(TrainingListener listener) {
        return new TrainingOptions(listener, null, null, 0, () -> false);
    }

    public TrainingOptions withCheckpointing(Path directory, int everyIterations) {
        return new TrainingOptions(listener, new Checkpointing(directory, everyIterations), evaluator, evaluateEvery,
                stopSignal);
    }

    public TrainingOptions withEvaluation(Evaluator policyEvaluator, int everyIterations) {
        return new TrainingOptions(listener, checkpointing, policyEvaluator, everyIterations, stopSignal);
    }

    public TrainingOptions withStopSignal(BooleanSupplier signal) {
        return new TrainingOptions(listener, checkpointing, evaluator, evaluateEvery, signal);
    }

    public Optional<Checkpointing> checkpointingOption() {
        return Optional.ofNullable(checkpointing);
    }
}
