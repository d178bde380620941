package dev.apprentice.service.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.service.domain.EvaluationProtocol;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A policy's evaluation: its metrics and the protocol they were measured under, stored in the
 * model card's {@code evaluation} as {@code {"protocol": {...}, "metrics": {...}}}.
 *
 * @param protocol how it was evaluated
 * @param metrics values by metric name
 */
public record EvaluationSummary(EvaluationProtocol protocol, Map<String, Double> metrics) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public EvaluationSummary {
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** As the model card stores it. */
    public Map<String, Object> toCard() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", JSON.convertValue(protocol, Map.class));
        m.put("metrics", metrics);
        return m;
    }

    /** The summary a card holds, if it holds one in this form. */
    public static Optional<EvaluationSummary> of(ModelCard card) {
        Map<String, Object> e = card.evaluation();
        if (e == null || !(e.get("protocol") instanceof Map<?, ?> p) || !(e.get("metrics") instanceof Map<?, ?> m)) {
            return Optional.empty();
        }
        try {
            EvaluationProtocol protocol = JSON.convertValue(p, EvaluationProtocol.class);
            Map<String, Double> metrics = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (v instanceof Number n) {
                    metrics.put(String.valueOf(k), n.doubleValue());
                }
            });
            return Optional.of(new EvaluationSummary(protocol, metrics));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
