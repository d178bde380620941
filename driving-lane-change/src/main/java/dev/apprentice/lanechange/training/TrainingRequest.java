package dev.apprentice.lanechange.training;

import java.util.List;

/**
 * What to train: the body of {@code POST /api/v1/lane-change/training/jobs}.
 *
 * @param algorithm {@code bc}, {@code gail} or {@code rail}
 * @param drivers driver ids whose episodes to learn from; null or empty: every driver in the store
 * @param maxEpisodes use at most this many stored episodes (the earliest ones); null: all
 * @param seed training seed; null: 1
 * @param iterations GAIL/RAIL iterations; null: the configured default
 * @param promote override of the configured promotion rule for this job: {@code manual}, {@code always} or {@code if-better}
 */
public record TrainingRequest(String algorithm, List<String> drivers, Integer maxEpisodes, Long seed, Integer iterations,
        String promote) {

    /** Promotion rules. */
    public static final List<String> PROMOTION_RULES = List.of("manual", "always", "if-better");

    /** A request for one algorithm with every default. */
    public static TrainingRequest of(String algorithm) {
        return new TrainingRequest(algorithm, null, null, null, null, null);
    }

    /**
     * Checks the request; messages name the field.
     *
     * @throws IllegalArgumentException when a field is invalid
     */
    public void validate() {
        if (algorithm == null || !LaneChangeImitation.ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("algorithm: expected one of " + LaneChangeImitation.ALGORITHMS + ", found "
                    + (algorithm == null ? "nothing" : "'" + algorithm + "'"));
        }
        if (drivers != null) {
            for (int i = 0; i < drivers.size(); i++) {
                String d = drivers.get(i);
                if (d == null || d.isBlank()) {
                    throw new IllegalArgumentException("drivers[" + i + "]: expected a driver id, found an empty one");
                }
            }
        }
        if (maxEpisodes != null && (maxEpisodes < 1 || maxEpisodes > 1_000_000)) {
            throw new IllegalArgumentException("maxEpisodes: expected a count in [1, 1000000], found " + maxEpisodes);
        }
        if (iterations != null && (iterations < 1 || iterations > 10_000)) {
            throw new IllegalArgumentException("iterations: expected a count in [1, 10000], found " + iterations);
        }
        if (promote != null && !PROMOTION_RULES.contains(promote)) {
            throw new IllegalArgumentException("promote: expected one of " + PROMOTION_RULES + ", found '" + promote + "'");
        }
    }
}
