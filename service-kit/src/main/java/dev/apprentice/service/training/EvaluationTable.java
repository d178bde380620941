package dev.apprentice.service.training;

import dev.apprentice.service.domain.Baseline;
import dev.apprentice.service.domain.EvaluationProtocol;
import dev.apprentice.service.domain.MetricSpec;
import java.util.List;
import java.util.Map;

/**
 * The page's evaluation table: the metrics' descriptions, the baselines under the configured
 * protocol (null until computed), and every registered version of the served model, newest first.
 *
 * @param metrics the columns
 * @param protocol the configured evaluation protocol
 * @param baselines expert and random rows, or null while they are being computed
 * @param versions one row per version
 */
public record EvaluationTable(List<MetricSpec> metrics, EvaluationProtocol protocol, List<Baseline> baselines,
        List<Row> versions) {

    /**
     * One registered version.
     *
     * @param version its number
     * @param promoted whether it is served
     * @param algorithm its algorithm id, or null when its card cannot be read
     * @param createdAt when it was registered
     * @param episodes stored episodes it was trained on
     * @param protocol the protocol its metrics were measured under
     * @param metrics its evaluation
     * @param error why the version cannot be used, or null
     */
    public record Row(int version, boolean promoted, String algorithm, String createdAt, Integer episodes,
            EvaluationProtocol protocol, Map<String, Double> metrics, String error) {
    }
}
