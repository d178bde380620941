package dev.apprentice.cli;

import dev.apprentice.il.algorithms.meta.MetaMethod;
import dev.apprentice.il.algorithms.meta.NormlBenchmark;
import dev.apprentice.il.algorithms.meta.SinusoidBenchmark;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The {@code meta} commands: the meta-learners' conformance reports against their papers' benchmarks. */
final class MetaCommands {

    private final PrintStream out;
    private final PrintStream err;
    private final Function<Object, String> json;

    MetaCommands(PrintStream out, PrintStream err, Function<Object, String> json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    /** Runs {@code meta sinusoid|norml [options]}. */
    int run(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("meta needs a report: sinusoid or norml");
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "sinusoid" -> sinusoid(CliOptions.parse(rest, Set.of("methods", "shots", "evaluate", "iterations", "seed",
                    "tasks"),
                    Set.of("json")));
            case "norml" -> norml(CliOptions.parse(rest, Set.of("task", "iterations", "held-out", "seed"), Set.of("json")));
            default -> throw new IllegalArgumentException("meta: expected sinusoid or norml, found '" + args.get(0) + "'");
        };
    }

    private int sinusoid(CliOptions o) {
        List<MetaMethod> methods = Arrays.stream(o.string("methods", "maml,fomaml,reptile,pretrained").split(","))
                .map(String::trim).map(MetaMethod::parse).toList();
        int[] evaluate = numbers("evaluate", o.string("evaluate", "5,10"));
        int shots = o.integer("shots", 10, 1);
        int iterations = o.integer("iterations", 70_000, 1);
        long seed = o.integer("seed", 1, 0);
        int tasks = o.integer("tasks", 600, 1);
        PrintStream log = o.flag("json") ? err : out;
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder("| method | K adapted on | MSE before | after 1 step | after 10 steps |"
                + " meta-training s |\n|---|---|---|---|---|---|\n");
        for (MetaMethod method : methods) {
            log.printf(Locale.ROOT, "meta-training %s on sinusoids, K = %d, %d iterations...%n", method.algorithmName(), shots,
                    iterations);
            SinusoidBenchmark.Result r = SinusoidBenchmark.run(method, shots, iterations, seed, evaluate, tasks,
                    seed + 1_000_003, p -> { });
            r.meanSquaredError().forEach((k, mse) -> {
                table.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.0f |%n", method.algorithmName(), k,
                        mse[0], mse[1], mse[2], r.trainingSeconds()));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("method", method.algorithmName());
                row.put("trainingShots", shots);
                row.put("shots", k);
                row.put("mseBefore", mse[0]);
                row.put("mseAfterOneStep", mse[1]);
                row.put("mseAfterTenSteps", mse[2]);
                row.put("trainingSeconds", r.trainingSeconds());
                rows.add(row);
            });
        }
        if (o.flag("json")) {
            out.println(json.apply(rows));
        } else {
            out.println();
            out.print(table);
            out.printf(Locale.ROOT, "%nMeta-trained with K = %d; held-out: %d sinusoids, error on 100 points over [-5, 5]."
                    + " Finn et al. 2017 (Fig. 3, K = 5): MAML 0.35 after 10 steps, pre-training 2.19.%n", shots, tasks);
        }
        return 0;
    }

    private static int[] numbers(String option, String text) {
        try {
            return Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).peek(k -> {
                if (k < 1) {
                    throw new NumberFormatException();
                }
            }).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --" + option + ": expected positive numbers such as 5,10, found '"
                    + text + "'");
        }
    }

    private int norml(CliOptions o) {
        String name = o.string("task", "rotate");
        NormlBenchmark.Task task = switch (name) {
            case "rotate" -> NormlBenchmark.Task.ROTATE;
            case "cartpole-sensor" -> NormlBenchmark.Task.CARTPOLE_SENSOR;
            default -> throw new IllegalArgumentException("option --task: expected rotate or cartpole-sensor, found '"
                    + name + "'");
        };
        int iterations = o.integer("iterations", task == NormlBenchmark.Task.ROTATE ? 1000 : 600, 1);
        int heldOut = o.integer("held-out", 20, 1);
        long seed = o.integer("seed", 1, 0);
        (o.flag("json") ? err : out).printf(Locale.ROOT, "meta-training NoRML and MAML on %s, %d iterations each...%n", name,
                iterations);
        NormlBenchmark.Figures f = NormlBenchmark.run(task, iterations, heldOut, seed);
        if (o.flag("json")) {
            out.println(json.apply(Map.of("task", name, "heldOutTasks", f.heldOutTasks(), "normlUnadapted", f.normlUnadapted(),
                    "normlAdapted", f.normlAdapted(), "mamlUnadapted", f.mamlUnadapted(),
                    "mamlAdaptedWithReward", f.mamlAdaptedWithReward(), "mamlRewardRemoved", f.mamlRewardRemoved(),
                    "seconds", f.seconds())));
            return 0;
        }
        out.printf(Locale.ROOT, "%n| %s, %d held-out tasks | mean return |%n|---|---|%n", name, f.heldOutTasks());
        out.printf(Locale.ROOT, "| NoRML, not adapted | %.2f |%n| NoRML, adapted without reward | %.2f |%n", f.normlUnadapted(),
                f.normlAdapted());
        out.printf(Locale.ROOT, "| MAML, not adapted | %.2f |%n| MAML, adapted with reward | %.2f |%n", f.mamlUnadapted(),
                f.mamlAdaptedWithReward());
        out.printf(Locale.ROOT, "| MAML, adapted with the reward removed | %.2f |%n%nBoth meta-trained in %.0f s.%n",
                f.mamlRewardRemoved(), f.seconds());
        return 0;
    }
}
