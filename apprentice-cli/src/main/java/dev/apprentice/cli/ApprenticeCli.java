package dev.apprentice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.apprentice.cli.suite.SuiteLauncher;
import dev.apprentice.cli.suite.SuiteService;
import dev.apprentice.cli.suite.SuiteSettings;
import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.Trainer;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.algorithms.bc.BcConfig;
import dev.apprentice.il.nn.TrainingEngine;
import dev.apprentice.il.algorithms.bc.BehaviorCloningTrainer;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.env.Environment;
import dev.apprentice.il.env.EnvironmentChecker;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.env.reference.ReferenceTask;
import dev.apprentice.il.eval.EvaluationReport;
import dev.apprentice.il.eval.EvaluationResult;
import dev.apprentice.il.eval.Evaluator;
import dev.apprentice.il.registry.LoadedPolicy;
import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.il.registry.PolicyRegistry;
import dev.apprentice.il.registry.RegistryEntry;
import dev.apprentice.il.report.ImitationReport;
import dev.apprentice.il.report.ReferenceRecipes;
import dev.apprentice.il.store.DemonstrationStore;
import dev.apprentice.il.store.StoreQuery;
import dev.apprentice.il.store.StoredDemonstrations;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code apprentice} command: the suite's main job on this machine. It records expert
 * demonstrations on the built-in environments, trains BC, DAgger, GAIL or RAIL, evaluates against
 * the expert and the random policy on held-out seeds, keeps the results in a policy registry, and
 * produces the comparison report of all algorithms.
 */
public final class ApprenticeCli {

    /** Evaluation seeds start here, far from the demonstration seeds, so evaluation is on held-out episodes. */
    static final long EVALUATION_SEED_BASE = ImitationReport.EVALUATION_SEED_BASE;
    private static final Set<String> TRAIN_OPTIONS = Set.of("env", "algorithm", "episodes", "eval-episodes", "seed",
            "epochs", "batch-size", "learning-rate", "hidden", "entropy-bonus", "patience", "registry", "model", "threads", "store", "engine");
    private static final Set<String> FLAGS = Set.of("json", "no-promote");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;

    ApprenticeCli(PrintStream out, PrintStream err, boolean interactive) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(new ApprenticeCli(System.out, System.err, System.console() != null).run(args));
    }

    /** Runs one command; returns 0 on success, 1 on failure, 2 on a usage error. */
    int run(String... args) {
        List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
        String command = args.length == 0 ? "demo" : args[0];
        try {
            return switch (command) {
                case "demo" -> demo(CliOptions.parse(rest, TRAIN_OPTIONS, FLAGS));
                case "train" -> train(CliOptions.parse(rest, TRAIN_OPTIONS, FLAGS));
                case "evaluate" -> evaluate(CliOptions.parse(rest, Set.of("env", "model", "version", "eval-episodes",
                        "registry", "threads"), Set.of("json")));
                case "registry" -> registryCommand(CliOptions.parse(rest, Set.of("registry", "model"), Set.of()));
                case "report" -> report(CliOptions.parse(rest, Set.of("envs", "algorithms", "trajectories", "seeds",
                        "eval-episodes", "threads"), Set.of("json")));
                case "envs" -> envs();
                case "meta" -> new MetaCommands(out, err, ApprenticeCli::toJson).run(rest);
                case "suite" -> suite(CliOptions.parse(rest, Set.of("root", "port", "state-dir"), Set.of("fresh")));
                case "broker" -> streams().broker(CliOptions.parse(rest, Set.of("port", "data-dir"), Set.of()));
                case "cluster" -> streams().cluster(CliOptions.parse(rest, Set.of("nodes", "data-dir"), Set.of()));
                case "publish" -> streams().publish(CliOptions.parse(rest, Set.of("bootstrap", "topic", "env", "from",
                        "episodes", "seed", "source", "format", "partitions"), Set.of()));
                case "ingest" -> streams().ingest(CliOptions.parse(rest, Set.of("bootstrap", "topic", "env", "store",
                        "group", "format", "until-idle"), Set.of("json")));
                case "dlq" -> streams().deadLetters(CliOptions.parse(rest, Set.of("bootstrap", "topic", "env", "limit"),
                        Set.of("json")));
                case "store" -> streams().store(CliOptions.parse(rest, Set.of("store"), Set.of("json")));
                case "help", "--help", "-h" -> {
                    out.print(usage());
                    yield 0;
                }
                default -> throw new IllegalArgumentException("unknown command '" + command + "'");
            };
        } catch (IllegalArgumentException e) {
            err.println("apprentice: " + e.getMessage());
            err.println("Run 'apprentice help' for usage.");
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("apprentice: interrupted");
            return 1;
        } catch (Exception e) {
            err.println("apprentice: " + e);
            return 1;
        }
    }

    private int suite(CliOptions o) throws InterruptedException {
        if (!o.positional().isEmpty()) {
            throw new IllegalArgumentException("suite takes no arguments, found " + o.positional());
        }
        Path root = Path.of(o.string("root", "."));
        Map<String, String> env = System.getenv();
        Path data = root.resolve("../shared/data");
        SuiteSettings settings = new SuiteSettings(root, Path.of(o.string("state-dir", ".apprentice/suite")),
                o.integer("port", SuiteSettings.DEFAULT_INDEX_PORT, 0), o.flag("fresh"),
                Path.of(System.getProperty("java.home"), "bin", "java"),
                Path.of(env.getOrDefault("APPRENTICE_JAVACPP_CACHE", root.resolve(".cache/javacpp").toString())), data,
                Path.of(env.getOrDefault("APPRENTICE_SC2_PROTOCOLS", data.resolve("sc2/protocol").toString())),
                Path.of(env.getOrDefault("APPRENTICE_SC2_REPLAYS", data.resolve("sc2/replays").toString())),
                SuiteSettings.DEFAULT_BUDGET_BYTES);
        try {
            return new SuiteLauncher(settings, SuiteService.defaults(settings.data(), settings.sc2Protocols(),
                    settings.sc2Replays()), out).run();
        } catch (IllegalStateException e) {
            err.println("apprentice suite: " + e.getMessage());
            return 1;
        }
    }

    private StreamCommands streams() {
        return new StreamCommands(out, err, ApprenticeCli::toJson);
    }

    static String usage() {
        return """
                Usage: apprentice <command> [options]

                Commands:
                  demo       Train BC on cartpole and pendulum from expert demonstrations, evaluate, register
                             and promote (the default command). Takes the train options except --env/--model.
                  train      Train one policy: --env NAME (required) [--algorithm bc|dagger|gail|rail]
                             [--episodes 10] [--eval-episodes 50] [--seed 1] [--model NAME] [--registry DIR]
                             [--threads N] [--store DIR (learn from a demonstration store's complete episodes
                             of this env instead of recording the expert)] [--no-promote] [--json]; BC only: [--epochs 200] [--batch-size 64]
                             [--learning-rate 0.001] [--hidden 64,64] [--entropy-bonus 0.001] [--patience 20]
                             [--engine auto|plain-java|dl4j]
                  report     Normalised return of each algorithm vs the number of expert trajectories, mean ± sd
                             over seeds: [--envs cartpole,pendulum] [--algorithms bc,dagger,gail,rail]
                             [--trajectories 1,4,7,10] [--seeds 5] [--eval-episodes 50] [--threads N] [--json]
                  evaluate   Evaluate a registered policy: --env NAME --model NAME [--version V]
                             [--eval-episodes 50] [--registry DIR] [--json]
                  registry   list [--model NAME] | promote MODEL VERSION | rollback MODEL   [--registry DIR]
                  envs       List the built-in environments and run the environment checker on each.
                  meta       Meta-learning conformance reports against the papers' benchmarks:
                             sinusoid [--methods maml,fomaml,reptile,pretrained] [--shots 10 (K in training)]
                             [--evaluate 5,10 (K adapted on)] [--iterations 70000] [--tasks 600] [--seed 1] [--json]
                             (Finn et al. 2017, §5.1);
                             norml [--task rotate|cartpole-sensor] [--iterations 1000|600] [--held-out 20]
                             [--seed 1] [--json] (Yang et al. 2019: adapted without reward vs MAML)

                Suite:
                  suite      The four services on one embedded broker with one key set and an index page on
                             127.0.0.1, until Ctrl-C (./apprentice without arguments runs it): [--port 8090]
                             [--state-dir .apprentice/suite] [--fresh (forget stores, registries and logs first)]
                             [--root DIR (the checkout with the packaged services; default: here)]

                Data plane (Kafka + Avro; --bootstrap defaults to 127.0.0.1:9092, topics to <env>.demonstrations):
                  broker     Run a single-node Kafka broker (KRaft) here until Ctrl-C: [--port 9092]
                             [--data-dir .apprentice/kafka]
                  cluster    Run a KRaft cluster here, each node its own JVM (controller and broker,
                             replication 3, min ISR 2), until Ctrl-C: [--nodes 3]
                             [--data-dir .apprentice/kafka-cluster]
                  publish    Publish expert demonstrations: --env NAME [--episodes 10] [--seed 1] [--source ID]
                             (simulated expert) or --from FILE (.avro: an Avro container file of
                             Demonstration records; otherwise JSON Lines, one step per line);
                             [--topic T] [--partitions 3] [--format avro-single-object|avro-json]
                  ingest     Store a topic's valid steps exactly once, dead-letter the rest: --env NAME (its spaces
                             validate) [--topic T] [--store .apprentice/store] [--group G] [--until-idle SECONDS]
                             [--format F] [--json]
                  dlq        Summarise <topic>.dlq by stage and reason: --env NAME or --topic T [--limit 10] [--json]
                  store      stats [--store .apprentice/store] [--json]: segments, records, episodes, sources,
                             time span and the topic/partition/offset ranges held (read-only);
                             repair [--store DIR]: with the service stopped, copy damaged segments to
                             quarantine/ and keep their readable blocks, so that the store opens again
                  help       Show this text.

                Environments: cartpole, pendulum, identity-discrete, identity-continuous.
                The registry defaults to .apprentice/registry under the current directory.
                """;
    }

    private int demo(CliOptions o) {
        if (o.string("env", null) != null || o.string("model", null) != null) {
            throw new IllegalArgumentException("demo trains every demo environment; use 'train --env NAME' for one");
        }
        List<Map<String, Object>> documents = new ArrayList<>();
        for (ReferenceTask task : List.of(ReferenceTask.CARTPOLE, ReferenceTask.PENDULUM)) {
            documents.add(trainAndReport(task, o));
        }
        if (o.flag("json")) {
            out.println(toJson(documents));
        }
        return 0;
    }

    private int train(CliOptions o) {
        String env = o.string("env", null);
        if (env == null) {
            throw new IllegalArgumentException("train needs --env, one of " + envIds());
        }
        Map<String, Object> document = trainAndReport(ReferenceTask.byId(env), o);
        if (o.flag("json")) {
            out.println(toJson(document));
        }
        return 0;
    }

    private Map<String, Object> trainAndReport(ReferenceTask task, CliOptions o) {
        String algorithm = o.string("algorithm", "bc");
        long seed = o.longValue("seed", 1);
        int episodes = o.integer("episodes", 10, 1);
        int evaluationEpisodes = o.integer("eval-episodes", 50, 1);
        int threads = o.integer("threads", Runtime.getRuntime().availableProcessors(), 1);
        Trainer trainer = algorithm.equals("bc") ? new BehaviorCloningTrainer(bcConfig(o, seed))
                : ReferenceRecipes.trainer(algorithm, task, seed, threads);
        PolicyRegistry registry = openRegistry(o);
        String model = o.string("model", task.id() + "-" + algorithm);
        PrintStream log = o.flag("json") ? err : out;
        try (RolloutCollector collector = collector(o)) {
            long firstSeed = seed * 1000;
            String storeDir = o.string("store", null);
            DemonstrationSet demos;
            String source;
            Map<String, Object> provenance = Map.of();
            if (storeDir == null) {
                demos = collector.demonstrations(task.environments(), task.expert(),
                        RolloutCollector.seeds(firstSeed, episodes));
                source = "reference:" + task.id() + " scripted expert, seeds " + firstSeed + ".." + (firstSeed + episodes - 1);
            } else {
                StoredDemonstrations stored = readStore(Path.of(storeDir), task);
                demos = stored.demonstrations();
                source = "store:" + stored.store();
                provenance = stored.provenanceForModelCard();
            }
            log.printf(Locale.ROOT, "%s: %d expert episodes, %d samples%n", task.id(), demos.episodeCount(), demos.size());
            ProgressBar bar = new ProgressBar(log, task.id() + " " + algorithm, interactive && !o.flag("json"));
            TrainingOutcome outcome = trainer.train(ImitationTask.of(demos).withEnvironments(task.environments())
                    .withExpert(task.expert()), bar);
            bar.finish();
            Evaluator evaluator = new Evaluator(collector, task.environments(), task.expert(),
                    RolloutCollector.seeds(EVALUATION_SEED_BASE, evaluationEpisodes));
            EvaluationResult result = evaluator.evaluate(algorithm, outcome.policy());
            EvaluationReport report = evaluator.report(task.id(), List.of(result));
            ModelCard card = registry.register(outcome.policy(),
                    ModelCard.draft(model, outcome, source, demos, result).withDataProvenance(provenance));
            boolean promote = !o.flag("no-promote");
            if (promote) {
                registry.promote(model, card.version());
            }
            log.print(report.toTable());
            log.printf(Locale.ROOT, "trained in %.1f s (%d iterations%s); registered %s v%d%s in %s%n%n",
                    outcome.seconds(), outcome.iterations(), outcome.stoppedEarly() ? ", early stop" : "", model,
                    card.version(), promote ? " (promoted)" : "", registry.root());
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("model", model);
            document.put("version", card.version());
            document.put("promoted", promote);
            document.put("training", Map.of("iterations", outcome.iterations(), "stoppedEarly", outcome.stoppedEarly(),
                    "seconds", outcome.seconds(), "metrics", outcome.metrics()));
            document.put("evaluation", report.toMap());
            return document;
        }
    }

    /** The complete episodes of the task's domain in a demonstration store, read without locking it. */
    private static StoredDemonstrations readStore(Path dir, ReferenceTask task) {
        if (!java.nio.file.Files.isDirectory(dir)) {
            throw new IllegalArgumentException("option --store: no demonstration store at " + dir.toAbsolutePath());
        }
        try (DemonstrationStore store = DemonstrationStore.openReadOnly(dir)) {
            Environment env = task.environments().get();
            return store.read(env.observationSpace(), env.actionSpace(), StoreQuery.all().withDomain(task.id()));
        }
    }

    private int evaluate(CliOptions o) {
        String env = o.string("env", null);
        String model = o.string("model", null);
        if (env == null || model == null) {
            throw new IllegalArgumentException("evaluate needs --env NAME and --model NAME");
        }
        ReferenceTask task = ReferenceTask.byId(env);
        PolicyRegistry registry = openRegistry(o);
        LoadedPolicy loaded = o.string("version", null) == null
                ? registry.loadPromoted(model).orElseThrow(() -> new IllegalArgumentException(
                        "model " + model + " has no promoted version; pass --version"))
                : registry.load(model, o.integer("version", 1, 1));
        try (RolloutCollector collector = collector(o)) {
            Evaluator evaluator = new Evaluator(collector, task.environments(), task.expert(),
                    RolloutCollector.seeds(EVALUATION_SEED_BASE, o.integer("eval-episodes", 50, 1)));
            String name = model + " v" + loaded.card().version();
            EvaluationReport report = evaluator.report(task.id(), List.of(evaluator.evaluate(name, loaded.policy())));
            out.print(o.flag("json") ? report.toJson() + "\n" : report.toTable());
        }
        return 0;
    }

    private int report(CliOptions o) {
        List<ReferenceTask> tasks = list(o.string("envs", "cartpole,pendulum")).stream().map(ReferenceTask::byId).toList();
        List<String> algorithms = list(o.string("algorithms", String.join(",", ReferenceRecipes.ALGORITHMS)));
        List<Integer> trajectories = list(o.string("trajectories", "1,4,7,10")).stream().map(t -> {
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option --trajectories: expected numbers such as 1,4,7,10, found '" + t + "'");
            }
        }).toList();
        ImitationReport.Settings settings = new ImitationReport.Settings(tasks, algorithms, trajectories,
                o.integer("seeds", 5, 1), o.integer("eval-episodes", 50, 1),
                o.integer("threads", Runtime.getRuntime().availableProcessors(), 1));
        PrintStream log = o.flag("json") ? err : out;
        ImitationReport report = ImitationReport.run(settings, log::println);
        if (o.flag("json")) {
            out.println(toJson(report.toMap()));
        } else {
            out.println();
            out.print(report.toMarkdown());
        }
        return 0;
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    private int registryCommand(CliOptions o) {
        PolicyRegistry registry = openRegistry(o);
        List<String> args = o.positional();
        String action = args.isEmpty() ? "list" : args.get(0);
        switch (action) {
            case "list" -> {
                List<String> models = o.string("model", null) == null ? registry.models() : List.of(o.string("model", null));
                if (models.isEmpty()) {
                    out.println("registry " + registry.root() + " is empty");
                }
                for (String model : models) {
                    out.println(model);
                    for (RegistryEntry e : registry.list(model)) {
                        out.println("  " + describe(e));
                    }
                }
            }
            case "promote" -> {
                requireArgs(args, 3, "registry promote MODEL VERSION");
                int version = parseVersion(args.get(2));
                registry.promote(args.get(1), version);
                out.println("promoted " + args.get(1) + " v" + version);
            }
            case "rollback" -> {
                requireArgs(args, 2, "registry rollback MODEL");
                out.println("rolled " + args.get(1) + " back to v" + registry.rollback(args.get(1)));
            }
            default -> throw new IllegalArgumentException("registry: expected list, promote or rollback, found '" + action + "'");
        }
        return 0;
    }

    private int envs() {
        EnvironmentChecker checker = new EnvironmentChecker(100_000, 3);
        for (ReferenceTask task : ReferenceTask.values()) {
            var env = task.environments().get();
            List<String> problems = checker.check(task.environments());
            out.printf(Locale.ROOT, "%-20s observations %-8s actions %-12s max %4d steps  checker: %s%n", task.id(),
                    env.observationSpace().describe(), env.actionSpace().describe(), task.maxEpisodeSteps(),
                    problems.isEmpty() ? "ok" : String.join("; ", problems));
        }
        return 0;
    }

    private static String describe(RegistryEntry e) {
        String marker = e.promoted() ? "* " : "  ";
        if (e.problem().isPresent()) {
            return marker + "v" + e.version() + "  CORRUPT: " + e.problem().get();
        }
        ModelCard c = e.card().orElseThrow();
        Object normalized = c.evaluation() == null ? null : c.evaluation().get("normalizedReturn");
        return String.format(Locale.ROOT, "%sv%-4d %-5s %-22s %s  normalised return %s  sha256 %s", marker, e.version(),
                c.algorithm(), c.policyType(), c.createdAt(),
                normalized == null ? "-" : String.format(Locale.ROOT, "%.3f", ((Number) normalized).doubleValue()),
                c.weightsSha256().substring(0, 12));
    }

    private static BcConfig bcConfig(CliOptions o, long seed) {
        BcConfig defaults = BcConfig.defaults();
        return BcConfig.builder()
                .seed(seed)
                .epochs(o.integer("epochs", defaults.epochs(), 1))
                .batchSize(o.integer("batch-size", defaults.batchSize(), 1))
                .learningRate(o.decimal("learning-rate", defaults.learningRate()))
                .entropyBonus(o.decimal("entropy-bonus", defaults.entropyBonus()))
                .patience(o.integer("patience", defaults.patience(), 0))
                .hiddenSizes(parseHidden(o.string("hidden", null), defaults.hiddenSizes()))
                .engine(TrainingEngine.parse(o.string("engine", "auto")))
                .build();
    }

    private static int[] parseHidden(String text, int[] fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --hidden: expected widths such as 64,64, found '" + text + "'");
        }
    }

    private static PolicyRegistry openRegistry(CliOptions o) {
        return new PolicyRegistry(Path.of(o.string("registry", ".apprentice/registry")));
    }

    private static RolloutCollector collector(CliOptions o) {
        return new RolloutCollector(o.integer("threads", Runtime.getRuntime().availableProcessors(), 1), 100_000);
    }

    private static void requireArgs(List<String> args, int count, String usage) {
        if (args.size() != count) {
            throw new IllegalArgumentException("usage: apprentice " + usage);
        }
    }

    private static int parseVersion(String text) {
        try {
            return Integer.parseInt(text.startsWith("v") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("version: expected a number such as 3 or v3, found '" + text + "'");
        }
    }

    private static List<String> envIds() {
        return Arrays.stream(ReferenceTask.values()).map(ReferenceTask::id).toList();
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
