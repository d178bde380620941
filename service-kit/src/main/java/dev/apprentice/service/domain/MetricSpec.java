package dev.apprentice.service.domain;

/**
 * One evaluation metric as the page shows it and the promotion rule reads it.
 *
 * @param name key in evaluation results, e.g. {@code collisionRate}
 * @param label column heading, e.g. {@code collision rate}
 * @param unit unit shown after values ({@code %}: a share in [0, 1] shown as a percentage), or null
 * @param decimals decimals shown
 * @param direction which way is better
 * @param safety a safety metric: a candidate may not be worse than the best promoted version by more than {@code tolerance}
 * @param tolerance allowed worsening of a safety metric, in the metric's own scale
 */
public record MetricSpec(String name, String label, String unit, int decimals, Direction direction, boolean safety,
        double tolerance) {

    /** Which way a metric is better. */
    public enum Direction {
        /** Larger is better. */
        HIGHER_IS_BETTER,
        /** Smaller is better. */
        LOWER_IS_BETTER,
        /** Descriptive only. */
        NEUTRAL
    }

    public MetricSpec {
        if (safety && direction == Direction.NEUTRAL) {
            throw new IllegalArgumentException(name + ": a safety metric needs a direction");
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException(name + ": expected a tolerance >= 0, found " + tolerance);
        }
    }

    /** A descriptive or quality metric. */
    public static MetricSpec of(String name, String label, String unit, int decimals, Direction direction) {
        return new MetricSpec(name, label, unit, decimals, direction, false, 0);
    }

    /** A safety metric: smaller is safer, at most {@code tolerance} worse than the safest promoted version. */
    public static MetricSpec safetyLowerIsBetter(String name, String label, String unit, int decimals, double tolerance) {
        return new MetricSpec(name, label, unit, decimals, Direction.LOWER_IS_BETTER, true, tolerance);
    }

    /** How much worse {@code candidate} is than {@code reference} (positive: worse). */
    public double worsening(double candidate, double reference) {
        return direction == Direction.LOWER_IS_BETTER ? candidate - reference : reference - candidate;
    }
}
