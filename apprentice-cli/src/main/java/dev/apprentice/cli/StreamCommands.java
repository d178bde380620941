package dev.apprentice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.env.Environment;
import dev.apprentice.il.env.ExpertRecorder;
import dev.apprentice.il.env.reference.ReferenceTask;
import dev.apprentice.il.store.DemonstrationStore;
import dev.apprentice.il.store.StoreRepair;
import dev.apprentice.il.store.StoreStatistics;
import dev.apprentice.il.stream.DeadLetter;
import dev.apprentice.il.stream.DeadLetterReader;
import dev.apprentice.il.stream.DemonstrationIngester;
import dev.apprentice.il.stream.DemonstrationPublisher;
import dev.apprentice.il.stream.DemonstrationValidator;
import dev.apprentice.il.stream.IngestStatistics;
import dev.apprentice.il.stream.IngesterConfig;
import dev.apprentice.il.stream.IngestionListener;
import dev.apprentice.il.stream.KafkaTopics;
import dev.apprentice.il.stream.PayloadFormat;
import dev.apprentice.il.stream.StepMapper;
import dev.apprentice.il.stream.schema.AvroModels;
import dev.apprentice.il.stream.schema.Demonstration;
import dev.apprentice.il.stream.schema.DemonstrationEnvelope;
import dev.apprentice.kafka.embedded.EmbeddedKafkaBroker;
import dev.apprentice.kafka.embedded.EmbeddedKafkaCluster;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * The data-plane commands: run a local broker, publish expert demonstrations from a simulator or
 * a file, ingest a topic into a demonstration store, inspect the dead-letter topic, show store
 * statistics.
 */
final class StreamCommands {

    static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";
    static final String DEFAULT_STORE = ".apprentice/store";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Most nodes {@code cluster} starts on one machine. */
    static final int MAX_CLUSTER_NODES = 9;

    private final PrintStream out;
    private final PrintStream err;
    private final Function<Object, String> toJson;

    StreamCommands(PrintStream out, PrintStream err, Function<Object, String> toJson) {
        this.out = out;
        this.err = err;
        this.toJson = toJson;
    }

    /** {@code broker}: a single-node Kafka broker in this JVM until Ctrl-C. */
    int broker(CliOptions o) throws InterruptedException {
        EmbeddedKafkaBroker.Options options = EmbeddedKafkaBroker.options()
                .withPort(o.integer("port", 9092, 1))
                .withDataDir(Path.of(o.string("data-dir", ".apprentice/kafka")));
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "broker-shutdown"));
        out.println("Kafka broker ready: bootstrap.servers=" + broker.bootstrapServers() + " (data in "
                + broker.dataDir() + "); Ctrl-C stops it");
        stopped.await();
        return 0;
    }

    /**
     * {@code cluster}: a KRaft cluster of {@code --nodes} Kafka nodes (default 3), each a JVM of its
     * own, controller and broker, replication 3 and min ISR 2, until Ctrl-C: the scale-out setting
     * on one machine.
     */
    int cluster(CliOptions o) throws InterruptedException, java.io.IOException {
        int nodes = o.integer("nodes", EmbeddedKafkaCluster.DEFAULT_NODES, 1);
        if (nodes > MAX_CLUSTER_NODES) {
            // Each node is a JVM of ~300 MB and a controller voter; a quorum beyond this gains nothing here.
            throw new IllegalArgumentException("option --nodes: expected at most " + MAX_CLUSTER_NODES + ", found "
                    + nodes);
        }
        Path dir = Path.of(o.string("data-dir", ".apprentice/kafka-cluster"));
        long start = System.nanoTime();
        EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(nodes, dir);
        out.println("Kafka cluster of " + nodes + " nodes ready in " + String.format("%.1f", (System.nanoTime() - start)
                / 1e9) + " s: bootstrap.servers=" + cluster.bootstrapServers() + " (data and node logs in " + dir
                + "); Ctrl-C stops it");
        for (int id = 1; id <= nodes; id++) {
            out.println("  node " + id + ": " + cluster.nodeBootstrap(id) + ", pid " + cluster.pid(id) + ", log "
                    + cluster.logFile(id));
        }
        // The cluster's shutdown hook stops every node when Ctrl-C ends this JVM.
        Thread.currentThread().join();
        return 0;
    }

    /** {@code publish}: simulated expert episodes, or the steps of a JSON Lines file. */
    int publish(CliOptions o) throws Exception {
        String bootstrap = o.string("bootstrap", DEFAULT_BOOTSTRAP);
        String file = o.string("from", null);
        String env = o.string("env", null);
        if ((file == null) == (env == null)) {
            throw new IllegalArgumentException("publish needs exactly one of --env NAME (simulated expert) or"
                    + " --from FILE (JSON Lines)");
        }
        List<ExpertStep> steps = file == null ? simulate(ReferenceTask.byId(env), o)
                : file.endsWith(".avro") ? readAvroFile(Path.of(file)) : readJsonLines(Path.of(file));
        String topic = o.string("topic", null);
        if (topic == null) {
            topic = topicFor(steps.isEmpty() ? "demonstrations" : steps.get(0).domain());
        }
        int partitions = o.integer("partitions", 3, 1);
        KafkaTopics.ensure(bootstrap, Map.of(), topic, partitions);
        PayloadFormat format = PayloadFormat.parse(o.string("format", PayloadFormat.AVRO_SINGLE_OBJECT.configName()));
        long started = System.nanoTime();
        try (DemonstrationPublisher<Demonstration> publisher = DemonstrationPublisher.forEnvelopes(bootstrap, topic,
                format, Map.of())) {
            for (ExpertStep s : steps) {
                publisher.publish(DemonstrationEnvelope.toEnvelope(s));
            }
            publisher.flush();
            out.printf(Locale.ROOT, "published %d steps of %d episodes to %s (%s, %s) in %.1f s%n",
                    publisher.acknowledged(), steps.stream().map(s -> s.source() + "/" + s.episode()).distinct().count(),
                    topic, bootstrap, format.configName(), (System.nanoTime() - started) / 1e9);
        }
        return 0;
    }

    /** {@code ingest}: the topic into the store, until Ctrl-C or until idle. */
    int ingest(CliOptions o) throws InterruptedException {
        String bootstrap = o.string("bootstrap", DEFAULT_BOOTSTRAP);
        ReferenceTask task = requireEnv(o, "ingest");
        String topic = o.string("topic", topicFor(task.id()));
        Environment env = task.environments().get();
        Path storeDir = Path.of(o.string("store", DEFAULT_STORE));
        int idleSeconds = o.integer("until-idle", 0, 0);
        IngesterConfig config = IngesterConfig.defaults(bootstrap, topic);
        String group = o.string("group", null);
        if (group != null) {
            config = config.withGroupId(group);
        }
        try (DemonstrationStore store = DemonstrationStore.open(storeDir);
                DemonstrationIngester<ExpertStep> ingester = new DemonstrationIngester<>(config,
                        PayloadFormat.parse(o.string("format", PayloadFormat.AVRO_SINGLE_OBJECT.configName()))
                                .stepCodec(),
                        StepMapper.identity(),
                        new DemonstrationValidator(task.id(), env.observationSpace(), env.actionSpace()), store,
                        new IngestionListener() {})) {
            CountDownLatch interrupted = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                ingester.close();
                interrupted.countDown();
            }, "ingest-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            (o.flag("json") ? err : out).println("ingesting " + topic + " from " + bootstrap + " into " + storeDir.toAbsolutePath()
                    + (idleSeconds > 0 ? " until idle for " + idleSeconds + " s" : "; Ctrl-C stops"));
            ingester.start();
            long lastProgress = System.nanoTime();
            long lastConsumed = 0;
            while (ingester.isRunning()) {
                Thread.sleep(500);
                IngestStatistics s = ingester.statistics();
                if (s.consumed() != lastConsumed) {
                    lastConsumed = s.consumed();
                    lastProgress = System.nanoTime();
                    err.println(describe(s));
                } else if (idleSeconds > 0 && s.lag() == 0
                        && System.nanoTime() - lastProgress > idleSeconds * 1_000_000_000L) {
                    break;
                }
            }
            ingester.close();
            Runtime.getRuntime().removeShutdownHook(hook);
            if (ingester.failure() != null) {
                throw new IllegalStateException("ingester failed: " + ingester.failure().getMessage(),
                        ingester.failure());
            }
            IngestStatistics s = ingester.statistics();
            if (o.flag("json")) {
                out.println(toJson.apply(s.toMap()));
            } else {
                out.println(describe(s));
            }
        }
        return 0;
    }

    /** {@code dlq}: what is in the dead-letter topic and why. */
    int deadLetters(CliOptions o) {
        String bootstrap = o.string("bootstrap", DEFAULT_BOOTSTRAP);
        String topic = o.string("topic", null);
        if (topic == null) {
            ReferenceTask task = requireEnv(o, "dlq");
            topic = topicFor(task.id());
        }
        String dlq = topic.endsWith(".dlq") ? topic : DeadLetter.topicFor(topic);
        int limit = o.integer("limit", 10, 0);
        List<DeadLetter> letters = DeadLetterReader.readAll(bootstrap, dlq, Map.of(), Duration.ofSeconds(60));
        Map<String, Integer> byStage = new TreeMap<>();
        Map<String, Integer> byReason = new TreeMap<>();
        for (DeadLetter d : letters) {
            byStage.merge(d.stage(), 1, Integer::sum);
            byReason.merge(reasonKind(d.reason()), 1, Integer::sum);
        }
        List<Map<String, Object>> first = new ArrayList<>();
        for (DeadLetter d : letters.subList(0, Math.min(limit, letters.size()))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("origin", d.originTopic() + "-" + d.originPartition() + "@" + d.originOffset());
            m.put("stage", d.stage());
            m.put("reason", d.reason());
            m.put("failedAt", d.failedAt().toString());
            m.put("bytes", d.value() == null ? 0 : d.value().length);
            first.add(m);
        }
        if (o.flag("json")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("topic", dlq);
            doc.put("records", letters.size());
            doc.put("byStage", byStage);
            doc.put("byReason", byReason);
            doc.put("first", first);
            out.println(toJson.apply(doc));
            return 0;
        }
        out.println(dlq + ": " + letters.size() + " dead letters");
        byStage.forEach((stage, n) -> out.printf(Locale.ROOT, "  %-9s %d%n", stage, n));
        out.println("by reason:");
        byReason.forEach((reason, n) -> out.printf(Locale.ROOT, "  %6d  %s%n", n, reason));
        if (!first.isEmpty()) {
            out.println("first " + first.size() + ":");
            for (Map<String, Object> m : first) {
                out.printf(Locale.ROOT, "  %s  [%s] %s%n", m.get("origin"), m.get("stage"), m.get("reason"));
            }
        }
        return 0;
    }

    /**
     * {@code store}: statistics of a demonstration store, read-only (safe while an ingester runs),
     * or its repair (with the service stopped): damaged segments copied to {@code quarantine/} and
     * cut back to their readable blocks.
     */
    int store(CliOptions o) {
        List<String> args = o.positional();
        String action = args.isEmpty() ? "stats" : args.get(0);
        if (!action.equals("stats") && !action.equals("repair")) {
            throw new IllegalArgumentException("store: expected stats or repair, found '" + action + "'");
        }
        Path dir = Path.of(o.string("store", DEFAULT_STORE));
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("store: no demonstration store at " + dir.toAbsolutePath());
        }
        if (action.equals("repair")) {
            StoreRepair repair = DemonstrationStore.repair(dir);
            if (repair.storeWasSound()) {
                out.println("store " + dir.toAbsolutePath() + " is sound; nothing changed");
            }
            for (StoreRepair.RepairedSegment r : repair.segments()) {
                out.printf(Locale.ROOT, "%s: %s; kept %d records in %d blocks (%d bytes), original copied to %s%n",
                        r.name(), r.damage(), r.recordsKept(), r.blocksKept(), r.bytesKept(), r.quarantinedCopy());
            }
            return 0;
        }
        try (DemonstrationStore store = DemonstrationStore.openReadOnly(dir)) {
            StoreStatistics s = store.statistics();
            if (o.flag("json")) {
                out.println(toJson.apply(s.toMap()));
            } else {
                out.println("store " + dir.toAbsolutePath());
                s.toMap().forEach((k, v) -> out.printf(Locale.ROOT, "  %-18s %s%n", k, v));
            }
        }
        return 0;
    }

    /** The demonstrations topic of a domain. */
    static String topicFor(String domain) {
        return domain + ".demonstrations";
    }

    private static ReferenceTask requireEnv(CliOptions o, String command) {
        String env = o.string("env", null);
        if (env == null) {
            throw new IllegalArgumentException(command + " needs --env NAME (its spaces validate the records), one of "
                    + java.util.Arrays.stream(ReferenceTask.values()).map(ReferenceTask::id).toList());
        }
        return ReferenceTask.byId(env);
    }

    private static List<ExpertStep> simulate(ReferenceTask task, CliOptions o) {
        int episodes = o.integer("episodes", 10, 1);
        long seed = o.longValue("seed", 1);
        String source = o.string("source", task.id() + "-expert");
        Instant start = Instant.now();
        List<ExpertStep> steps = new ArrayList<>();
        for (int e = 0; e < episodes; e++) {
            long episodeSeed = seed * 1000 + e;
            steps.addAll(ExpertRecorder.record(task.id(), source, "seed-" + episodeSeed, task.environments().get(),
                    task.expert(), episodeSeed, task.maxEpisodeSteps(), start.minusSeconds(3600L * (episodes - 1 - e)),
                    Duration.ofMillis(20), Map.of("simulator", task.id())));
        }
        return steps;
    }

    /**
     * An Avro container file of {@link Demonstration} records, written with any shipped version of
     * the envelope (the file carries its writer schema).
     */
    static List<ExpertStep> readAvroFile(Path file) {
        List<ExpertStep> steps = new ArrayList<>();
        SpecificDatumReader<Demonstration> reader = new SpecificDatumReader<>(Demonstration.getClassSchema(),
                Demonstration.getClassSchema(), AvroModels.modelFor(Demonstration.class));
        try (DataFileReader<Demonstration> in = new DataFileReader<>(file.toFile(), reader)) {
            if (!in.getSchema().getFullName().equals(Demonstration.getClassSchema().getFullName())) {
                throw new IllegalArgumentException(file + ": expected Avro records of "
                        + Demonstration.getClassSchema().getFullName() + ", found " + in.getSchema().getFullName());
            }
            long n = 0;
            for (Demonstration d : in) {
                n++;
                try {
                    steps.add(DemonstrationEnvelope.toStep(d));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + " record " + n + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException | AvroRuntimeException e) {
            throw new IllegalArgumentException(file + ": not a readable Avro container file of demonstrations ("
                    + e.getMessage() + ")", e);
        }
        return steps;
    }

    /**
     * One {@link Demonstration} per line, as JSON: {@code {"domain":..,"source":..,"episode":..,
     * "step":0,"eventTime":"2026-11-25T10:00:00Z","state":[..],"action":1 or [..],"terminal":false}}
     * with optional {@code timeLimited}, {@code finalState} and {@code metadata}.
     */
    static List<ExpertStep> readJsonLines(Path file) {
        List<ExpertStep> steps = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    steps.add(parseStep(JSON.readTree(line)));
                } catch (IOException | RuntimeException e) {
                    throw new IllegalArgumentException(file + " line " + n + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return steps;
    }

    private static ExpertStep parseStep(JsonNode n) {
        JsonNode action = required(n, "action");
        boolean discrete = action.isIntegralNumber();
        float[] actionValues = discrete ? new float[] {action.intValue()} : floats(action, "action");
        JsonNode time = required(n, "eventTime");
        Instant eventTime = time.isNumber() ? Instant.ofEpochMilli(time.longValue()) : Instant.parse(time.asText());
        JsonNode finalState = n.get("finalState");
        Map<String, String> metadata = new TreeMap<>();
        JsonNode meta = n.get("metadata");
        if (meta != null && meta.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = meta.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                metadata.put(e.getKey(), e.getValue().asText());
            }
        }
        return new ExpertStep(required(n, "domain").asText(), required(n, "source").asText(),
                required(n, "episode").asText(), required(n, "step").intValue(), eventTime,
                floats(required(n, "state"), "state"), actionValues, discrete, n.path("terminal").asBoolean(false),
                n.path("timeLimited").asBoolean(false),
                finalState == null || finalState.isNull() ? null : floats(finalState, "finalState"), metadata);
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(field + ": missing");
        }
        return v;
    }

    private static float[] floats(JsonNode array, String field) {
        if (!array.isArray()) {
            throw new IllegalArgumentException(field + ": expected an array of numbers, found " + array);
        }
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) {
            if (!array.get(i).isNumber()) {
                throw new IllegalArgumentException(field + "[" + i + "]: expected a number, found " + array.get(i));
            }
            v[i] = array.get(i).floatValue();
        }
        return v;
    }

    /** The reason without its record-specific details, for grouping. */
    static String reasonKind(String reason) {
        String r = reason.replaceAll("\\b[0-9a-f]{16}\\b", "X").replaceAll("-?\\d+(\\.\\d+)?(E-?\\d+)?", "N");
        return r.length() > 110 ? r.substring(0, 107) + "..." : r;
    }

    private static String describe(IngestStatistics s) {
        return String.format(Locale.ROOT, "consumed %d  stored %d  duplicates %d  dead-lettered %d  lag %d",
                s.consumed(), s.stored(), s.duplicates(), s.deadLettered(), s.lag());
    }
}
