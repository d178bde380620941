package dev.apprentice.il.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints a JMH JSON result file as a Markdown table, with the DL4J/plain-Java forward-pass ratio. */
public final class Summary {

    private Summary() {
    }

    /** Usage: {@code Summary <jmh-result.json>}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Summary <jmh-result.json>");
            System.exit(2);
        }
        JsonNode results = new ObjectMapper().readTree(Files.readString(Path.of(args[0])));
        JsonNode plain = null;
        JsonNode dl4j = null;
        System.out.println();
        System.out.println("| Benchmark | Params | Score | ± Error (99.9%) | Median | Iterations min–max | Unit |");
        System.out.println("|---|---|---:|---:|---:|---:|---|");
        for (JsonNode r : results) {
            String name = r.get("benchmark").asText();
            String shortName = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            JsonNode m = r.get("primaryMetric");
            String unit = m.get("scoreUnit").asText();
            if (name.endsWith("BcTrainingBenchmark.epoch") && unit.equals("ops/s")) {
                unit = "samples/s";
            }
            double[] raw = iterations(m);
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s–%s | %s |%n", shortName, params(r),
                    format(m.get("score").asDouble()), format(m.get("scoreError").asDouble()), format(median(raw)),
                    format(raw[0]), format(raw[raw.length - 1]), unit);
            if (name.endsWith("ForwardPassBenchmark.plainJava")) {
                plain = m;
            } else if (name.endsWith("ForwardPassBenchmark.dl4j")) {
                dl4j = m;
            }
        }
        if (plain != null && dl4j != null && plain.get("scoreUnit").asText().equals(dl4j.get("scoreUnit").asText())) {
            double ratio = dl4j.get("score").asDouble() / plain.get("score").asDouble();
            double medianRatio = median(iterations(dl4j)) / median(iterations(plain));
            double low = dl4j.get("scoreConfidence").get(0).asDouble() / plain.get("scoreConfidence").get(1).asDouble();
            double high = dl4j.get("scoreConfidence").get(1).asDouble() / plain.get("scoreConfidence").get(0).asDouble();
            System.out.println();
            System.out.printf(Locale.ROOT, "Single-sample forward pass, DL4J output() / plain-Java forward: %.1fx on the "
                    + "means, %.1fx on the iteration medians", ratio, medianRatio);
            if (low > 0 && high > 0 && Double.isFinite(low) && Double.isFinite(high)) {
                System.out.printf(Locale.ROOT, ", %.1fx to %.1fx from the error bars", low, high);
            }
            System.out.println(".");
        }
    }

    /** The per-iteration scores of a metric, sorted ascending. */
    private static double[] iterations(JsonNode metric) {
        List<Double> values = new ArrayList<>();
        JsonNode forks = metric.get("rawData");
        if (forks != null) {
            for (JsonNode fork : forks) {
                for (JsonNode v : fork) {
                    values.add(v.asDouble());
                }
            }
        }
        if (values.isEmpty()) {
            values.add(metric.get("score").asDouble());
        }
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String params(JsonNode result) {
        JsonNode params = result.get("params");
        if (params == null || params.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, JsonNode> e : params.properties()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue().asText());
        }
        return sb.toString();
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
