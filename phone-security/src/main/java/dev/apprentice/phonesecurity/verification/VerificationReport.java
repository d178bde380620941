package dev.apprentice.phonesecurity.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.data.HoldAndTapData;
import dev.apprentice.phonesecurity.model.FewShotSettings;
import dev.apprentice.phonesecurity.model.PolicyInitialisation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The verification report: every method under the {@link Protocol} on the real Hold-and-Tap data,
 * a table per feature set and test activity, so methods are compared on the same honest split.
 *
 * <pre>
 * java … VerificationReport [--data DIR] [--seeds 5] [--features touch,sensor,both]
 *     [--activities sitting,standing,walking] [--methods scaled-manhattan,…] [--threads N] [--json]
 * </pre>
 * Seeds are 1…N. Exit status 0 on success, 1 if the data cannot be read, 2 for a bad option.
 */
public final class VerificationReport {

    private static final String USAGE = "options: --data DIR (default " + HoldAndTapData.defaultDirectory() + ")"
            + " --seeds 5 --features touch,sensor,both --activities sitting,standing,walking --methods "
            + VerificationMethods.all().stream().map(VerificationMethod::name).collect(Collectors.joining(","))
            + " --threads N --json --enrolment-sizes 1,3,5,10 (few-shot enrolment: one feature set, default both)";

    private VerificationReport() {
    }

    /** Runs the report and exits with its status; the options are in the class comment. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the report with {@code args}; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        long start = System.nanoTime();
        HoldAndTapData data;
        try {
            data = HoldAndTapData.load(options.data());
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot load the Hold-and-Tap data from " + options.data() + ": " + e);
            return 1;
        }
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        PrintStream notes = options.json() ? err : out;
        notes.printf(Locale.ROOT, "Hold-and-Tap (%s): %d users; rows left out for missing values: %s;"
                + " negative typing timings kept: %s.%n%n", options.data(), data.users().size(),
                perActivity(data::rowsLeftOut), perActivity(data::negativeTimings));
        start = System.nanoTime();
        List<Long> seeds = LongStream.rangeClosed(1, options.seeds()).boxed().toList();
        if (!options.enrolmentSizes().isEmpty()) {
            List<VerificationMethod> methods = new ArrayList<>(List.of(new PosteriorPolicyMethod()));
            for (PolicyInitialisation initialisation : PolicyInitialisation.values()) {
                methods.add(new FewShotMethod(initialisation, FewShotSettings.defaults()));
            }
            FeatureSet features = options.features().size() == 1 ? options.features().get(0) : FeatureSet.BOTH;
            List<FewShotEvaluation.Row> rows = new FewShotEvaluation(data, options.threads())
                    .run(methods, features, options.enrolmentSizes(), seeds, options.activities());
            out.printf(Locale.ROOT, "EER in %% (mean ± sd over seeds %s), %s features, per enrolment size:%n%n", seeds,
                    features.id());
            out.print(FewShotEvaluation.render(rows, methods.stream().map(VerificationMethod::name).toList(),
                    options.activities()));
            out.printf(Locale.ROOT, "%nEvaluated %d methods × %d enrolment sizes × %d seeds in %.1f s on %d threads.%n",
                    methods.size(), rows.size(), seeds.size(), (System.nanoTime() - start) / 1e9, options.threads());
            return 0;
        }
        EvaluationResult result = new ProtocolEvaluation(data, Protocol.standard(), options.threads())
                .run(options.methods(), options.features(), seeds, options.activities());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (options.json()) {
            try {
                out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the result as JSON", e);
            }
        } else {
            out.print(EvaluationTable.render(result));
        }
        notes.printf(Locale.ROOT, "Loaded the data in %.2f s; evaluated %d methods × %d feature sets × %d seeds × %d"
                + " activities in %.1f s on %d threads.%n", loadSeconds, options.methods().size(), options.features().size(),
                seeds.size(), options.activities().size(), seconds, options.threads());
        return 0;
    }

    private static String perActivity(Function<Activity, Integer> count) {
        return Arrays.stream(Activity.values()).map(a -> a.id() + " " + count.apply(a)).collect(Collectors.joining(", "));
    }

    /**
     * The report's options.
     *
     * @param data the directory of the six files
     * @param seeds how many split seeds (1…seeds)
     * @param features the feature sets
     * @param activities the test activities
     * @param methods the methods
     * @param threads the evaluation threads
     * @param json whether to print the result as JSON instead of tables
     * @param enrolmentSizes when not empty, the few-shot enrolment table at these sizes instead
     */
    record Options(Path data, int seeds, List<FeatureSet> features, List<Activity> activities,
            List<VerificationMethod> methods, int threads, boolean json, List<Integer> enrolmentSizes) {

        /**
         * Parses {@code args}.
         *
         * @throws IllegalArgumentException naming the option and the value it cannot use
         */
        static Options parse(String[] args) {
            Path data = HoldAndTapData.defaultDirectory();
            int seeds = 5;
            List<FeatureSet> features = List.of(FeatureSet.values());
            List<Activity> activities = List.of(Activity.values());
            List<VerificationMethod> methods = VerificationMethods.all();
            int threads = Runtime.getRuntime().availableProcessors();
            boolean json = false;
            List<Integer> enrolmentSizes = List.of();
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--json")) {
                    json = true;
                    continue;
                }
                if (!List.of("--data", "--seeds", "--features", "--activities", "--methods", "--threads",
                        "--enrolment-sizes").contains(option)) {
                    throw new IllegalArgumentException("unknown option '" + option + "'");
                }
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(option + ": expected a value, found none");
                }
                String value = args[++i];
                switch (option) {
                    case "--data" -> {
                        data = Path.of(value);
                        if (!Files.isDirectory(data)) {
                            throw new IllegalArgumentException("--data: expected a directory with the Hold-and-Tap files,"
                                    + " found '" + value + "'");
                        }
                    }
                    case "--seeds" -> seeds = positive(option, value);
                    case "--features" -> features = list(option, value, id -> Arrays.stream(FeatureSet.values())
                            .filter(f -> f.id().equals(id)).findFirst().orElse(null), "touch, sensor, both");
                    case "--activities" -> activities = list(option, value, id -> Arrays.stream(Activity.values())
                            .filter(a -> a.id().equals(id)).findFirst().orElse(null), "sitting, standing, walking");
                    case "--methods" -> methods = list(option, value, id -> VerificationMethods.byName(id).orElse(null),
                            VerificationMethods.all().stream().map(VerificationMethod::name)
                                    .collect(Collectors.joining(", ")));
                    case "--enrolment-sizes" -> enrolmentSizes = Arrays.stream(value.split(",", -1))
                            .map(v -> positive(option, v.trim())).distinct().toList();
                    default -> threads = positive(option, value);
                }
            }
            return new Options(data, seeds, features, activities, methods, threads, json, enrolmentSizes);
        }

        private static int positive(String option, String value) {
            try {
                int n = Integer.parseInt(value);
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below, with the option
            }
            throw new IllegalArgumentException(option + ": expected a whole number from 1, found '" + value + "'");
        }

        private static <T> List<T> list(String option, String value, Function<String, T> byId, String expected) {
            List<String> ids = Arrays.stream(value.split(",", -1)).map(String::trim).toList();
            for (String id : ids) {
                if (byId.apply(id) == null) {
                    throw new IllegalArgumentException(option + ": expected some of " + expected + ", found '" + id + "'");
                }
            }
            if (ids.stream().distinct().count() != ids.size()) {
                throw new IllegalArgumentException(option + ": expected each value once, found '" + value + "'");
            }
            return ids.stream().map(byId).toList();
        }
    }
}
