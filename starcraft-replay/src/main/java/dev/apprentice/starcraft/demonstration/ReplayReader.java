package dev.apprentice.starcraft.demonstration;

import dev.apprentice.starcraft.replay.ProtocolLibrary;
import dev.apprentice.starcraft.replay.Replay;
import dev.apprentice.starcraft.replay.ReplayException;
import dev.apprentice.starcraft.replay.StreamSummary;
import dev.apprentice.starcraft.replay.protocol.EventStreamKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads replays into everything the service needs from them: the id, the decoded replay and each player's
 * demonstrations (every stream's summary on request). The protocol tables are opened on first use.
 */
public final class ReplayReader {

    private final Optional<Path> protocolDirectory;
    private volatile ProtocolLibrary tables;

    /** @param protocolDirectory Blizzard's protocol tables, or empty when none are configured */
    public ReplayReader(Optional<Path> protocolDirectory) {
        this.protocolDirectory = protocolDirectory;
    }

    /** Whether protocol tables are configured. */
    public boolean available() {
        return protocolDirectory.isPresent();
    }

    /**
     * The protocol tables.
     *
     * @throws IllegalStateException when none are configured, or the directory holds none
     */
    public ProtocolLibrary tables() {
        ProtocolLibrary t = tables;
        if (t == null) {
            Path dir = protocolDirectory.orElseThrow(() -> new IllegalStateException(
                    "no protocol tables are configured (apprentice.starcraft.protocol-directory)"));
            try {
                t = ProtocolLibrary.fromDirectory(dir);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            tables = t;
        }
        return t;
    }

    /**
     * A replay read from its bytes.
     *
     * @param id      the replay's id ({@link ReplayIds#of})
     * @param replay  the decoded replay
     * @param players each player's demonstrations (none without tracker events)
     */
    public record DecodedReplay(String id, Replay replay, List<PlayerDemonstrations> players) {

        /** When a replay that does not say when it was played is taken to start: Wings of Liberty's release. */
        public static final Instant UNKNOWN_START = Instant.parse("2010-07-27T00:00:00Z");

        /** When the game started: the details' time, else {@link #UNKNOWN_START}, so a replay always maps alike. */
        public Instant startedAt() {
            Instant at = replay.details().playedAt();
            return at != null ? at : UNKNOWN_START;
        }

        /** What decoding each event stream finds (every stream decoded once more: for summaries only). */
        public Map<EventStreamKind, StreamSummary> streams() {
            Map<EventStreamKind, StreamSummary> streams = new EnumMap<>(EventStreamKind.class);
            for (EventStreamKind kind : EventStreamKind.values()) {
                streams.put(kind, replay.forEachEvent(kind, event -> { }));
            }
            return streams;
        }
    }

    /**
     * Decodes a replay and extracts its demonstrations.
     *
     * @throws ReplayException when it is not a replay, is corrupt, or its build has no table
     */
    public DecodedReplay read(byte[] bytes) {
        String id = ReplayIds.of(bytes);
        Replay replay = Replay.open(tables(), bytes);
        return new DecodedReplay(id, replay, ReplayDemonstrations.extract(replay, id));
    }

    /**
     * Every {@code .SC2Replay} in a directory, in file-name order; unreadable ones are listed with why.
     *
     * @param refused receives file name → reason for each replay that cannot be read
     */
    public List<DecodedReplay> readDirectory(Path directory, Map<String, String> refused) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".SC2Replay")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list replays in " + directory, e);
        }
        List<DecodedReplay> out = new ArrayList<>();
        for (Path file : files) {
            try {
                out.add(read(Files.readAllBytes(file)));
            } catch (ReplayException e) {
                refused.put(file.getFileName().toString(), e.getMessage());
            } catch (IOException e) {
                refused.put(file.getFileName().toString(), "cannot be read: " + e.getMessage());
            }
        }
        return out;
    }
}
