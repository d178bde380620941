package dev.apprentice.service.training;

import dev.apprentice.service.domain.Algorithm;
import dev.apprentice.service.domain.PromotionRule;
import java.util.List;

/**
 * What to train: the body of {@code POST .../training/jobs}, already checked field by field.
 *
 * @param algorithm the algorithm
 * @param sources source ids (drivers, users, ...) whose episodes to learn from; null or empty: every source
 * @param maxEpisodes use at most this many stored episodes (the earliest ones); null: all
 * @param seed training seed; null: 1
 * @param iterations iterations of an iterative algorithm; null: the configured default
 * @param promote override of the configured promotion rule for this job; null: the configured one
 */
public record TrainingRequest(Algorithm algorithm, List<String> sources, Integer maxEpisodes, Long seed,
        Integer iterations, PromotionRule promote) {

    /** A request for one algorithm with every default. */
    public static TrainingRequest of(Algorithm algorithm) {
        return new TrainingRequest(algorithm, null, null, null, null, null);
    }
}
