package dev.apprentice.starcraft.replay;

import dev.apprentice.starcraft.replay.protocol.EventStreamKind;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The command-line face of the decoder: a replay's summary (build, map, players, length, event counts), or
 * its events as JSON Lines.
 *
 * <pre>
 * replay FILE [--protocols DIR] [--json]          the summary (as text, or as one JSON object)
 * replay FILE [--protocols DIR] --events game,tracker   the events of those streams as JSON Lines
 * </pre>
 */
public final class ReplayCommand {
    /** Where the tables are unless {@code --protocols} says otherwise. */
    public static final String PROTOCOLS_PROPERTY = "apprentice.sc2.protocol.dir";
    /** Game loops per real second at the Faster speed that ladder games use (16 per game second × 1.4). */
    static final double LOOPS_PER_SECOND_FASTER = 22.4;

    private ReplayCommand() {
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * @return the exit status: 0 done, 1 the replay was refused, 2 a usage error
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        Path protocols = Path.of(System.getProperty(PROTOCOLS_PROPERTY, "../shared/data/sc2/protocol"));
        Set<EventStreamKind> streams = null;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--protocols" -> {
                    if (++i >= args.length) {
                        return usage(err, "--protocols needs a directory");
                    }
                    protocols = Path.of(args[i]);
                }
                case "--events" -> {
                    if (++i >= args.length) {
                        return usage(err, "--events needs streams: game, message, tracker or all");
                    }
                    try {
                        streams = streams(args[i]);
                    } catch (IllegalArgumentException e) {
                        return usage(err, e.getMessage());
                    }
                }
                case "--json" -> json = true;
                case "--help", "-h" -> {
                    usage(out, null);
                    return 0;
                }
                default -> {
                    if (args[i].startsWith("--") || file != null) {
                        return usage(err, "unexpected argument " + args[i]);
                    }
                    file = Path.of(args[i]);
                }
            }
        }
        if (file == null) {
            return usage(err, "which replay? give a .SC2Replay file");
        }
        if (!Files.isDirectory(protocols)) {
            return usage(err, "no protocol tables at " + protocols + " (give --protocols DIR)");
        }
        try {
            Replay replay = Replay.open(ProtocolLibrary.fromDirectory(protocols), file);
            if (streams != null) {
                dump(replay, streams, out, err);
            } else if (json) {
                out.println(EventJson.write(summaryMap(replay, file)));
            } else {
                printSummary(replay, file, out);
            }
            return 0;
        } catch (ReplayException e) {
            err.println("replay: " + file + ": " + e.getMessage());
            return 1;
        }
    }

    private static Set<EventStreamKind> streams(String list) {
        Set<EventStreamKind> streams = EnumSet.noneOf(EventStreamKind.class);
        for (String name : list.split(",")) {
            if (name.equals("all")) {
                streams.addAll(EnumSet.allOf(EventStreamKind.class));
                continue;
            }
            try {
                streams.add(EventStreamKind.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--events: unknown stream " + name
                        + " (game, message, tracker or all)");
            }
        }
        return streams;
    }

    private static void dump(Replay replay, Set<EventStreamKind> streams, PrintStream out, PrintStream err) {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        for (EventStreamKind stream : streams) {
            StreamSummary summary = replay.forEachEvent(stream, event -> {
                try {
                    writer.write(EventJson.line(event));
                    writer.newLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (summary.status() == StreamSummary.Status.PARTIAL) {
                err.println("replay: " + stream.name().toLowerCase(Locale.ROOT) + " events decoded only in"
                        + " part: " + summary.problem());
            }
        }
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> summaryMap(Replay replay, Path file) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("file", file.getFileName().toString());
        summary.put("version", replay.header().version());
        summary.put("baseBuild", replay.header().baseBuild());
        summary.put("elapsedGameLoops", replay.header().elapsedGameLoops());
        summary.put("map", replay.details().mapTitle());
        summary.put("players", replay.details().players());
        List<StreamSummary> streams = new ArrayList<>();
        for (EventStreamKind stream : EventStreamKind.values()) {
            streams.add(replay.forEachEvent(stream, event -> { }));
        }
        summary.put("streams", streams);
        return summary;
    }

    private static void printSummary(Replay replay, Path file, PrintStream out) {
        ReplayHeader header = replay.header();
        long seconds = Math.round(header.elapsedGameLoops() / LOOPS_PER_SECOND_FASTER);
        out.printf(Locale.ROOT, "replay   %s%n", file.getFileName());
        out.printf(Locale.ROOT, "version  %s (base build %d)%n", header.version(), header.baseBuild());
        out.printf(Locale.ROOT, "map      %s%n", replay.details().mapTitle());
        out.printf(Locale.ROOT, "length   %,d game loops (%d:%02d at Faster speed)%n", header.elapsedGameLoops(),
                seconds / 60, seconds % 60);
        out.println("players");
        int slot = 1;
        for (Player player : replay.details().players()) {
            out.printf(Locale.ROOT, "  %d. %-28s %-8s team %d  %s  %s%n", slot++, player.name(), player.race(),
                    player.teamId(), result(player.result()), control(player));
        }
        for (EventStreamKind stream : EventStreamKind.values()) {
            StreamSummary summary = replay.forEachEvent(stream, event -> { });
            String name = stream.name().toLowerCase(Locale.ROOT);
            switch (summary.status()) {
                case ABSENT -> out.printf(Locale.ROOT, "%-8s none in this replay%n", name);
                case COMPLETE -> out.printf(Locale.ROOT, "%-8s %,d events to game loop %,d%n", name,
                        summary.count(), summary.lastGameLoop());
                case PARTIAL -> out.printf(Locale.ROOT, "%-8s %,d events to game loop %,d, then not decodable: %s%n",
                        name, summary.count(), summary.lastGameLoop(), summary.problem());
            }
            summary.byType().forEach((type, count) -> out.printf(Locale.ROOT, "  %-44s %,8d%n", type, count));
        }
    }

    private static String result(int result) {
        return switch (result) {
            case 1 -> "win";
            case 2 -> "loss";
            case 3 -> "tie";
            default -> "result unknown";
        };
    }

    private static String control(Player player) {
        if (player.observe() != 0) {
            return "observer";
        }
        return player.control() == 3 ? "computer" : "human";
    }

    private static int usage(PrintStream stream, String problem) {
        if (problem != null) {
            stream.println("replay: " + problem);
        }
        stream.println("usage: replay FILE [--protocols DIR] [--json]   a replay's summary");
        stream.println("       replay FILE [--protocols DIR] --events game,message,tracker|all   events as JSON Lines");
        return problem == null ? 0 : 2;
    }
}
