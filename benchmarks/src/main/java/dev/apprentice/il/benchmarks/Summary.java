package dev.apprentice.il.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints a JMH JSON result file as Markdown tables, with the ratios the README quotes: DL4J over
 * plain-Java forward pass, adversarial training over its rollout baseline, thread speed-ups, simulated
 * anaesthesia seconds per wall-clock second, and, given the PyTorch peer's results, BC training in
 * Java over PyTorch at the same batch size.
 */
public final class Summary {

    /** The auxiliary counter of {@link AdversarialTrainingBenchmark}. */
    private static final String ENV_STEPS = "envSteps";

    private Summary() {
    }

    /**
     * Usage: {@code Summary <jmh-result.json> [pytorch-bc.json]}, the second file written by
     * {@code benchmarks/pytorch/bc_training.py --json}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: Summary <jmh-result.json> [pytorch-bc.json]");
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode results = json.readTree(Files.readString(Path.of(args[0])));
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
            printRow(shortName, params(r), m, unit);
            JsonNode steps = r.path("secondaryMetrics").get(ENV_STEPS);
            if (steps != null) {
                printRow(shortName + ":" + ENV_STEPS, params(r), steps,
                        steps.get("scoreUnit").asText().replace("ops/", "steps/"));
            }
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
        printAdversarialTraining(results);
        printSimulatedSecondsPerSecond(results);
        if (args.length == 2) {
            printBcTrainingAgainstPyTorch(results, json.readTree(Files.readString(Path.of(args[1]))));
        }
    }

    private static void printRow(String benchmark, String params, JsonNode metric, String unit) {
        double[] raw = iterations(metric);
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s–%s | %s |%n", benchmark, params,
                format(metric.get("score").asDouble()), format(metric.get("scoreError").asDouble()), format(median(raw)),
                format(raw[0]), format(raw[raw.length - 1]), unit);
    }

    /**
     * Environment steps per second of each algorithm's training next to its rollout baseline, with
     * training as a share of the baseline and the speed-up of each thread count over one thread.
     */
    private static void printAdversarialTraining(JsonNode results) {
        Map<String, Map<Integer, Map<String, JsonNode>>> byAlgorithm = new TreeMap<>();
        for (JsonNode r : results) {
            String name = r.get("benchmark").asText();
            JsonNode steps = r.path("secondaryMetrics").get(ENV_STEPS);
            if (!name.contains(".AdversarialTrainingBenchmark.") || steps == null) {
                continue;
            }
            String method = name.substring(name.lastIndexOf('.') + 1);
            String engine = r.path("params").path("engine").asText("");
            String label = r.path("params").path("algorithm").asText() + (engine.isEmpty() ? "" : " " + engine);
            byAlgorithm.computeIfAbsent(label, a -> new TreeMap<>())
                    .computeIfAbsent(r.path("params").path("threads").asInt(), t -> new TreeMap<>())
                    .put(method, steps);
        }
        if (byAlgorithm.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println("Adversarial training on CartPole, environment steps per second (mean, iterations min–max); "
                + "rollouts = the trained policy rolled out with the same threads and no learning, in the same run:");
        System.out.println();
        System.out.println("| algorithm | threads | training steps/s | rollouts steps/s | training / rollouts |");
        System.out.println("|---|---:|---:|---:|---:|");
        byAlgorithm.forEach((algorithm, byThreads) -> byThreads.forEach((threads, metrics) -> {
            JsonNode training = metrics.get("training");
            JsonNode rollouts = metrics.get("rollouts");
            System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", algorithm, threads, withRange(training),
                    withRange(rollouts), training == null || rollouts == null ? "n/a"
                            : String.format(Locale.ROOT, "%.1f %%", 100 * ratio(training, rollouts)));
        }));
        System.out.println();
        System.out.println("| algorithm | threads / 1 thread | training speed-up | rollouts speed-up |");
        System.out.println("|---|---|---:|---:|");
        byAlgorithm.forEach((algorithm, byThreads) -> {
            Map<String, JsonNode> one = byThreads.get(1);
            byThreads.forEach((threads, metrics) -> {
                if (threads > 1 && one != null) {
                    System.out.printf(Locale.ROOT, "| %s | %d / 1 | %s | %s |%n", algorithm, threads,
                            speedUp(metrics.get("training"), one.get("training")),
                            speedUp(metrics.get("rollouts"), one.get("rollouts")));
                }
            });
        });
        System.out.println();
        System.out.println("| algorithm | threads | training, PLAIN_JAVA engine / DL4J engine |");
        System.out.println("|---|---:|---:|");
        byAlgorithm.forEach((label, byThreads) -> {
            if (!label.endsWith(" PLAIN_JAVA")) {
                return;
            }
            Map<Integer, Map<String, JsonNode>> dl4j = byAlgorithm.get(label.replace(" PLAIN_JAVA", " DL4J"));
            byThreads.forEach((threads, metrics) -> {
                if (dl4j != null && dl4j.containsKey(threads)) {
                    System.out.printf(Locale.ROOT, "| %s | %d | %s |%n", label.replace(" PLAIN_JAVA", ""), threads,
                            speedUp(metrics.get("training"), dl4j.get(threads).get("training")));
                }
            });
        });
    }

    /**
     * Each BC training row (per engine, when the benchmark has that parameter) next to the PyTorch
     * peer at the same batch size, with Java / PyTorch on the means.
     */
    private static void printBcTrainingAgainstPyTorch(JsonNode results, JsonNode pytorch) {
        Map<Integer, JsonNode> pytorchByBatch = new TreeMap<>();
        for (JsonNode r : pytorch.path("results")) {
            pytorchByBatch.put(r.get("batchSize").asInt(), r);
        }
        Map<String, Map<Integer, JsonNode>> javaByEngine = new TreeMap<>();
        for (JsonNode r : results) {
            if (r.get("benchmark").asText().endsWith(".BcTrainingBenchmark.epoch")) {
                javaByEngine.computeIfAbsent(r.path("params").path("engine").asText("-"), e -> new TreeMap<>())
                        .put(r.path("params").path("batchSize").asInt(), r.get("primaryMetric"));
            }
        }
        if (javaByEngine.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "BC training, samples/s (mean, iterations min–max), Java against PyTorch %s "
                + "(Python %s, %d thread, BLAS %s) at the same batch size:%n", pytorch.path("torch").asText("?"),
                pytorch.path("python").asText("?"), pytorch.path("threads").asInt(), pytorch.path("blas").asText("?"));
        System.out.println();
        System.out.println("| engine | batch size | Java samples/s | PyTorch samples/s | Java / PyTorch |");
        System.out.println("|---|---:|---:|---:|---:|");
        javaByEngine.forEach((engine, byBatch) -> byBatch.forEach((batch, java) -> {
            JsonNode torch = pytorchByBatch.get(batch);
            String torchCell = torch == null ? "n/a" : pyTorchWithRange(torch);
            String ratioCell = torch == null ? "n/a" : String.format(Locale.ROOT, "%.2f×",
                    java.get("score").asDouble() / torch.get("samplesPerSecond").asDouble());
            System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", engine, batch, withRange(java), torchCell,
                    ratioCell);
        }));
        System.out.println();
        System.out.println("Targets: Java / PyTorch ≥ 1.0× at batch 256 and ≥ 0.7× at batch 64.");
    }

    private static String pyTorchWithRange(JsonNode result) {
        double[] raw = new double[result.get("iterations").size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = result.get("iterations").get(i).asDouble();
        }
        Arrays.sort(raw);
        return format(result.get("samplesPerSecond").asDouble()) + " (" + format(raw[0]) + "–"
                + format(raw[raw.length - 1]) + ")";
    }

    /**
     * {@link PatientSimulatorBenchmark}'s time per simulated hour as simulated seconds per wall-clock
     * second on one core, the figure that says how many cases a training run can afford.
     */
    private static void printSimulatedSecondsPerSecond(JsonNode results) {
        boolean first = true;
        for (JsonNode r : results) {
            String name = r.get("benchmark").asText();
            JsonNode m = r.get("primaryMetric");
            double secondsPerUnit = secondsPerOperationUnit(m.get("scoreUnit").asText());
            if (!name.contains(".PatientSimulatorBenchmark.") || Double.isNaN(secondsPerUnit)) {
                continue;
            }
            if (first) {
                System.out.println();
                System.out.println("| Simulated hour | Params | Simulated s per wall-clock s, one core (iterations min–max) |");
                System.out.println("|---|---|---:|");
                first = false;
            }
            double[] raw = iterations(m);
            double hour = PatientSimulatorBenchmark.HOUR;
            System.out.printf(Locale.ROOT, "| %s | %s | %s (%s–%s) |%n", name.substring(name.lastIndexOf('.') + 1),
                    params(r), format(hour / (m.get("score").asDouble() * secondsPerUnit)),
                    format(hour / (raw[raw.length - 1] * secondsPerUnit)), format(hour / (raw[0] * secondsPerUnit)));
        }
    }

    /** Seconds in one unit of an average-time score ({@code ms/op} and the like), NaN for other units. */
    private static double secondsPerOperationUnit(String unit) {
        return switch (unit) {
            case "s/op" -> 1;
            case "ms/op" -> 1e-3;
            case "us/op" -> 1e-6;
            case "ns/op" -> 1e-9;
            default -> Double.NaN;
        };
    }

    private static double ratio(JsonNode numerator, JsonNode denominator) {
        return numerator.get("score").asDouble() / denominator.get("score").asDouble();
    }

    private static String speedUp(JsonNode many, JsonNode one) {
        return many == null || one == null ? "n/a" : String.format(Locale.ROOT, "%.2f×", ratio(many, one));
    }

    private static String withRange(JsonNode metric) {
        if (metric == null) {
            return "n/a";
        }
        double[] raw = iterations(metric);
        return format(metric.get("score").asDouble()) + " (" + format(raw[0]) + "–" + format(raw[raw.length - 1]) + ")";
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
