package dev.apprentice.il.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluation results for one environment, printable as an aligned table for people and as JSON
 * for programs (services, CI dashboards).
 *
 * @param environment the environment's name
 * @param episodes evaluation episodes per policy
 * @param results one row per policy, expert and random first
 */
public record EvaluationReport(String environment, int episodes, List<EvaluationResult> results) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public EvaluationReport {
        results = List.copyOf(results);
    }

    /** An aligned text table. */
    public String toTable() {
        String[] header = {"policy", "normalised return", "return (mean ± sd)", "min", "max", "mean length",
            "action agreement"};
        List<String[]> rows = new ArrayList<>();
        rows.add(header);
        for (EvaluationResult r : results) {
            EpisodeStatistics e = r.episodes();
            rows.add(new String[] {r.policy(), fmt(r.normalizedReturn(), 3),
                fmt(e.meanReturn(), 1) + " ± " + fmt(e.sdReturn(), 1), fmt(e.minReturn(), 1), fmt(e.maxReturn(), 1),
                fmt(e.meanLength(), 1), Double.isNaN(r.actionAgreement()) ? "-" : fmt(r.actionAgreement(), 3)});
        }
        int[] widths = new int[header.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(environment).append(" — ").append(episodes).append(" evaluation episodes per policy, same seeds\n");
        for (int k = 0; k < rows.size(); k++) {
            String[] row = rows.get(k);
            for (int i = 0; i < row.length; i++) {
                String cell = i == 0 ? String.format("%-" + widths[i] + "s", row[i])
                        : String.format("%" + widths[i] + "s", row[i]);
                sb.append(i == 0 ? "" : "  ").append(cell);
            }
            sb.append('\n');
            if (k == 0) {
                int total = 0;
                for (int w : widths) {
                    total += w;
                }
                sb.append("-".repeat(total + 2 * (widths.length - 1))).append('\n');
            }
        }
        return sb.toString();
    }

    /** The report as a map ready for JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("environment", environment);
        m.put("episodes", episodes);
        m.put("results", results.stream().map(EvaluationResult::toMap).toList());
        return m;
    }

    /** The report as indented JSON. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evaluation report could not be written as JSON", e);
        }
    }

    private static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
