package dev.apprentice.service.training;

import java.util.Map;

/**
 * One point of a job's training curve.
 *
 * @param iteration iteration (or epoch) reached
 * @param maxIterations the budget
 * @param seconds wall time so far
 * @param metrics finite metric values at this point, e.g. {@code disc_expert_accuracy}
 */
public record ProgressPoint(int iteration, int maxIterations, double seconds, Map<String, Double> metrics) {
}
