package dev.apprentice.service.domain;

import java.util.Map;

/**
 * A reference driver's metrics under an evaluation protocol, e.g. the expert or the random policy.
 *
 * @param name row label, e.g. {@code expert (normal)}
 * @param metrics metric values by {@link MetricSpec#name()}
 */
public record Baseline(String name, Map<String, Double> metrics) {

    public Baseline {
        metrics = Map.copyOf(metrics);
    }
}
