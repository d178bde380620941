package dev.apprentice.il.algorithms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One progress report.
 *
 * @param algorithm e.g. {@code "bc"}
 * @param iteration 1-based iteration just finished (an epoch for BC)
 * @param maxIterations the configured maximum (training may stop earlier)
 * @param metrics named values such as {@code train_loss}, {@code validation_loss}, {@code validation_accuracy}
 * @param elapsedSeconds wall time since training started
 */
public record TrainingProgress(String algorithm, int iteration, int maxIterations, Map<String, Double> metrics,
        double elapsedSeconds) {

    public TrainingProgress {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
