package dev.apprentice.il.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apprentice.starcraft.replay.EventReader;
import dev.apprentice.starcraft.replay.ProtocolLibrary;
import dev.apprentice.starcraft.replay.Replay;
import dev.apprentice.starcraft.replay.StreamSummary;
import dev.apprentice.starcraft.replay.mpq.MpqArchive;
import dev.apprentice.starcraft.replay.protocol.EventStreamKind;
import dev.apprentice.starcraft.replay.protocol.ProtocolTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How fast the StarCraft II replay decoder turns a replay's bytes into events on one core, the figure that says
 * how many replays an imitation-learning data set can afford to read, next to Blizzard's s2protocol: the full
 * decode (archive, header, details and the game, message and tracker streams to their end), the archive reading
 * alone (the same four files, decompressed but not decoded) as the baseline measured in the same run, and the
 * stream decoding alone from bytes read beforehand. Each replay decodes to a fixed number of events, so the
 * summary ({@link #main}) turns time per replay into events per second.
 *
 * <p>The replays and protocol tables are read in place from {@value #REPLAYS_DIR_PROPERTY} and
 * {@value #PROTOCOL_DIR_PROPERTY}, by default {@value #DEFAULT_REPLAYS_DIR} and {@value #DEFAULT_PROTOCOL_DIR}
 * relative to the working directory (benchmarks/run runs from the repository root, and JMH's forks inherit
 * it); elsewhere, pass {@code -jvmArgsAppend -Dapprentice.sc2.replays.dir=...} to JMH. The tables are compiled
 * in the set-up, not timed: a decoding service compiles each build's table once.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReplayDecodingBenchmark {

    /** The system property naming the directory of Blizzard's {@code protocolNNNNN.json} tables. */
    public static final String PROTOCOL_DIR_PROPERTY = "apprentice.sc2.protocol.dir";
    /** The system property naming the directory of the {@code .SC2Replay} files. */
    public static final String REPLAYS_DIR_PROPERTY = "apprentice.sc2.replays.dir";
    /** The protocol tables relative to the repository root. */
    public static final String DEFAULT_PROTOCOL_DIR = "../shared/data/sc2/protocol";
    /** The replays relative to the repository root. */
    public static final String DEFAULT_REPLAYS_DIR = "../shared/data/sc2/replays";

    /**
     * Blizzard's s2protocol (Python) on one core of these machines, as the StarCraft domain notes quote it (it is
     * not installable here, so it is not re-measured): about 43–45 thousand events per second, automm.SC2Replay's
     * 25,782 game and 5,052 tracker events in 0.72 s, archive reading included.
     */
    static final double S2PROTOCOL_EVENTS_PER_SECOND = 44_000;
    static final double S2PROTOCOL_EVENTS_PER_SECOND_LOW = 43_000;
    static final double S2PROTOCOL_EVENTS_PER_SECOND_HIGH = 45_000;
    static final String S2PROTOCOL_REPLAY = "automm.SC2Replay";
    static final long S2PROTOCOL_REPLAY_EVENTS = 25_782 + 5_052;
    static final double S2PROTOCOL_REPLAY_SECONDS = 0.72;

    /** The replay details plus the three event streams: what {@link #fullDecode} reads from the archive. */
    private static final List<String> FILES = List.of("replay.details", EventStreamKind.GAME.fileName(),
            EventStreamKind.MESSAGE.fileName(), EventStreamKind.TRACKER.fileName());

    /** A long 3v3 of 2.1.9 (30,922 events), a short 1v1 of 4.10.1 (2,750) and a 1v1 of 4.7.0 (8,595). */
    @Param({"automm.SC2Replay", "b75800-trophy_id_13.SC2Replay", "b70154-2018_11_20_Z_Railgan_VS_T_IIIIIIIIIIII.SC2Replay"})
    public String replay;

    private ProtocolLibrary tables;
    private byte[] bytes;
    private ProtocolTable table;
    private final Map<EventStreamKind, byte[]> streams = new EnumMap<>(EventStreamKind.class);

    @Setup
    public void setUp() throws IOException {
        tables = ProtocolLibrary.fromDirectory(configuredDirectory(PROTOCOL_DIR_PROPERTY, DEFAULT_PROTOCOL_DIR));
        bytes = Files.readAllBytes(configuredDirectory(REPLAYS_DIR_PROPERTY, DEFAULT_REPLAYS_DIR).resolve(replay));
        // Opening once compiles the newest table (header and details) and the replay's own build's table.
        Replay opened = Replay.open(tables, bytes);
        table = opened.table();
        MpqArchive archive = MpqArchive.open(bytes);
        long decoded = 0;
        for (EventStreamKind kind : EventStreamKind.values()) {
            if (archive.contains(kind.fileName())) {
                byte[] stream = archive.read(kind.fileName());
                streams.put(kind, stream);
                EventReader reader = new EventReader(kind, table, stream);
                while (reader.hasNext()) {
                    reader.next();
                }
                decoded += reader.count();
            }
        }
        // A replay that decodes only in part would time a short decode: refuse it, and check both paths agree.
        long full = countEvents(tables, bytes, replay);
        if (full != decoded) {
            throw new IllegalStateException(replay + ": Replay.forEachEvent decodes " + full
                    + " events, EventReader on the stream files " + decoded);
        }
    }

    /** Replay.open from the bytes, then the game, message and tracker streams decoded to their end. */
    @Benchmark
    public void fullDecode(Blackhole blackhole) {
        Replay opened = Replay.open(tables, bytes);
        for (EventStreamKind kind : EventStreamKind.values()) {
            blackhole.consume(opened.forEachEvent(kind, blackhole::consume));
        }
    }

    /** Baseline: the archive opened and its details and three stream files read (decompressed), nothing decoded. */
    @Benchmark
    public void archiveOnly(Blackhole blackhole) {
        MpqArchive archive = MpqArchive.open(bytes);
        for (String file : FILES) {
            if (archive.contains(file)) {
                blackhole.consume(archive.read(file));
            }
        }
    }

    /** The three streams decoded with EventReader and the replay's table from bytes read in the set-up. */
    @Benchmark
    public void decodeOnly(Blackhole blackhole) {
        for (Map.Entry<EventStreamKind, byte[]> stream : streams.entrySet()) {
            EventReader reader = new EventReader(stream.getKey(), table, stream.getValue());
            while (reader.hasNext()) {
                blackhole.consume(reader.next());
            }
        }
    }

    /**
     * The events one {@link #fullDecode} hands out: all three streams of the replay, each of which must decode
     * completely (or be absent, as tracker events are before game 2.0.8).
     */
    static long countEvents(ProtocolLibrary tables, byte[] bytes, String name) {
        Replay opened = Replay.open(tables, bytes);
        long events = 0;
        for (EventStreamKind kind : EventStreamKind.values()) {
            StreamSummary summary = opened.forEachEvent(kind, event -> { });
            if (summary.status() == StreamSummary.Status.PARTIAL) {
                throw new IllegalStateException(name + ": the " + kind + " stream decodes only in part after "
                        + summary.count() + " events: " + summary.problem());
            }
            events += summary.count();
        }
        return events;
    }

    /** The directory a system property names, or its default, resolved against the working directory. */
    private static Path configuredDirectory(String property, String fallback) {
        return directory(System.getProperty(property, fallback), property);
    }

    private static Path directory(String value, String property) {
        Path dir = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " is not a directory (from " + value + " against working directory "
                    + Path.of("").toAbsolutePath() + "); set -D" + property);
        }
        return dir;
    }

    /**
     * Usage: {@code ReplayDecodingBenchmark <jmh-result.json>}. Prints this benchmark's results as Markdown
     * tables of events per second: events per replay are counted by decoding each replay once here, with the
     * directories the forks used (their {@code -D} flags in the result, else this JVM's, else the defaults);
     * then the full decode against s2protocol's quoted figure and the archive's share of its time.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ReplayDecodingBenchmark <jmh-result.json>");
            System.exit(2);
        }
        JsonNode results = new ObjectMapper().readTree(Files.readString(Path.of(args[0])));
        Map<String, Map<String, JsonNode>> byReplay = new TreeMap<>();
        Map<String, Map<String, String>> directories = new HashMap<>();
        for (JsonNode r : results) {
            String name = r.get("benchmark").asText();
            if (!name.contains(".ReplayDecodingBenchmark.")) {
                continue;
            }
            JsonNode m = r.get("primaryMetric");
            if (Double.isNaN(secondsPerUnit(m.get("scoreUnit").asText()))) {
                System.err.println("ReplayDecodingBenchmark summary: skipping " + name + " in "
                        + m.get("scoreUnit").asText() + " (events/s need an average time per replay)");
                continue;
            }
            String replay = r.path("params").path("replay").asText();
            byReplay.computeIfAbsent(replay, k -> new TreeMap<>()).put(name.substring(name.lastIndexOf('.') + 1), m);
            directories.computeIfAbsent(replay, k -> forkDirectories(r.path("jvmArgs")));
        }
        if (byReplay.isEmpty()) {
            return;
        }
        Map<String, ProtocolLibrary> libraries = new HashMap<>();
        Map<String, Long> eventsPerReplay = new TreeMap<>();
        for (String replay : byReplay.keySet()) {
            Map<String, String> dirs = directories.get(replay);
            ProtocolLibrary tables = libraries.computeIfAbsent(dirs.get(PROTOCOL_DIR_PROPERTY),
                    dir -> ProtocolLibrary.fromDirectory(directory(dir, PROTOCOL_DIR_PROPERTY)));
            byte[] bytes = Files.readAllBytes(directory(dirs.get(REPLAYS_DIR_PROPERTY), REPLAYS_DIR_PROPERTY)
                    .resolve(replay));
            eventsPerReplay.put(replay, countEvents(tables, bytes, replay));
        }

        System.out.println();
        System.out.println("Replay decoding on one core (mean, iterations min–max); events per replay counted by "
                + "decoding it once (game + message + tracker); archiveOnly's events/s is the ceiling if decoding "
                + "cost nothing:");
        System.out.println();
        System.out.println("| replay | events | benchmark | ms per replay | events/s |");
        System.out.println("|---|---:|---|---:|---:|");
        List<String> methods = List.of("fullDecode", "decodeOnly", "archiveOnly");
        byReplay.forEach((replay, metrics) -> {
            long events = eventsPerReplay.get(replay);
            for (String method : methods) {
                JsonNode m = metrics.get(method);
                if (m != null) {
                    System.out.printf(Locale.ROOT, "| %s | %,d | %s | %s | %s |%n", replay, events, method,
                            withRange(m, 1e3), eventsPerSecond(m, events));
                }
            }
        });

        System.out.println();
        System.out.printf(Locale.ROOT, "Against s2protocol's quoted %,.0f events/s per core (the domain notes: %,.0f–%,.0f, "
                + "not re-measured here) and the archive-reading baseline of the same run:%n",
                S2PROTOCOL_EVENTS_PER_SECOND, S2PROTOCOL_EVENTS_PER_SECOND_LOW, S2PROTOCOL_EVENTS_PER_SECOND_HIGH);
        System.out.println();
        System.out.println("| replay | fullDecode / s2protocol | decodeOnly / s2protocol | archive share "
                + "(archiveOnly / fullDecode) | (archiveOnly + decodeOnly) / fullDecode |");
        System.out.println("|---|---:|---:|---:|---:|");
        byReplay.forEach((replay, metrics) -> {
            long events = eventsPerReplay.get(replay);
            JsonNode full = metrics.get("fullDecode");
            JsonNode decode = metrics.get("decodeOnly");
            JsonNode archive = metrics.get("archiveOnly");
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", replay,
                    full == null ? "n/a" : String.format(Locale.ROOT, "%.1f×",
                            events / seconds(full) / S2PROTOCOL_EVENTS_PER_SECOND),
                    decode == null ? "n/a" : String.format(Locale.ROOT, "%.1f×",
                            events / seconds(decode) / S2PROTOCOL_EVENTS_PER_SECOND),
                    full == null || archive == null ? "n/a" : String.format(Locale.ROOT, "%.1f %%",
                            100 * seconds(archive) / seconds(full)),
                    full == null || archive == null || decode == null ? "n/a" : String.format(Locale.ROOT, "%.2f",
                            (seconds(archive) + seconds(decode)) / seconds(full)));
        });
        JsonNode automm = byReplay.getOrDefault(S2PROTOCOL_REPLAY, Map.of()).get("fullDecode");
        if (automm != null) {
            System.out.println();
            System.out.printf(Locale.ROOT, "%s as s2protocol was timed: %.2f s for %,d game + tracker events there, "
                    + "%s ms for all %,d events (message stream too) here, %.0f× less time.%n", S2PROTOCOL_REPLAY,
                    S2PROTOCOL_REPLAY_SECONDS, S2PROTOCOL_REPLAY_EVENTS, format(seconds(automm) * 1e3),
                    eventsPerReplay.get(S2PROTOCOL_REPLAY), S2PROTOCOL_REPLAY_SECONDS / seconds(automm));
        }
    }

    /** The protocol and replay directories of a fork: its {@code -D} flags, else this JVM's, else the defaults. */
    private static Map<String, String> forkDirectories(JsonNode jvmArgs) {
        Map<String, String> dirs = new HashMap<>();
        dirs.put(PROTOCOL_DIR_PROPERTY, System.getProperty(PROTOCOL_DIR_PROPERTY, DEFAULT_PROTOCOL_DIR));
        dirs.put(REPLAYS_DIR_PROPERTY, System.getProperty(REPLAYS_DIR_PROPERTY, DEFAULT_REPLAYS_DIR));
        for (JsonNode arg : jvmArgs) {
            for (String property : List.of(PROTOCOL_DIR_PROPERTY, REPLAYS_DIR_PROPERTY)) {
                String prefix = "-D" + property + "=";
                if (arg.asText().startsWith(prefix)) {
                    dirs.put(property, arg.asText().substring(prefix.length()));
                }
            }
        }
        return dirs;
    }

    /** The mean time per replay in seconds. */
    private static double seconds(JsonNode metric) {
        return metric.get("score").asDouble() * secondsPerUnit(metric.get("scoreUnit").asText());
    }

    private static String eventsPerSecond(JsonNode metric, long events) {
        double perUnit = secondsPerUnit(metric.get("scoreUnit").asText());
        double[] raw = iterations(metric);
        return format(events / seconds(metric)) + " (" + format(events / (raw[raw.length - 1] * perUnit)) + "–"
                + format(events / (raw[0] * perUnit)) + ")";
    }

    /** The mean and the iterations' range in milliseconds. */
    private static String withRange(JsonNode metric, double unitsPerSecond) {
        double perUnit = secondsPerUnit(metric.get("scoreUnit").asText()) * unitsPerSecond;
        double[] raw = iterations(metric);
        return format(metric.get("score").asDouble() * perUnit) + " (" + format(raw[0] * perUnit) + "–"
                + format(raw[raw.length - 1] * perUnit) + ")";
    }

    /** Seconds in one unit of an average-time score, NaN for other units. */
    private static double secondsPerUnit(String unit) {
        return switch (unit) {
            case "s/op" -> 1;
            case "ms/op" -> 1e-3;
            case "us/op" -> 1e-6;
            case "ns/op" -> 1e-9;
            default -> Double.NaN;
        };
    }

    /** The per-iteration scores of a metric, sorted ascending. */
    private static double[] iterations(JsonNode metric) {
        List<Double> values = new ArrayList<>();
        for (JsonNode fork : metric.path("rawData")) {
            for (JsonNode v : fork) {
                values.add(v.asDouble());
            }
        }
        if (values.isEmpty()) {
            values.add(metric.get("score").asDouble());
        }
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
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
