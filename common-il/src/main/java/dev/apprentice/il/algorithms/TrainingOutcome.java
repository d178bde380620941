package dev.apprentice.il.algorithms;

import dev.apprentice.il.policy.Policy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What training produced: the policy and how it got there.
 *
 * @param policy the trained policy
 * @param algorithm the algorithm's name
 * @param config the trainer's settings
 * @param iterations iterations actually run
 * @param stoppedEarly whether early stopping ended training before the maximum
 * @param metrics final metrics (those of the kept parameters when early stopping restored the best)
 * @param seconds wall time
 */
public record TrainingOutcome(Policy policy, String algorithm, TrainerConfig config, int iterations, boolean stoppedEarly,
        Map<String, Double> metrics, double seconds) {

    public TrainingOutcome {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
