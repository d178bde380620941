package dev.apprentice.starcraft.replay;

import dev.apprentice.starcraft.replay.mpq.MpqArchive;
import dev.apprentice.starcraft.replay.mpq.MpqException;
import dev.apprentice.starcraft.replay.protocol.BitPackedDecoder;
import dev.apprentice.starcraft.replay.protocol.EventStreamKind;
import dev.apprentice.starcraft.replay.protocol.ProtocolTable;
import dev.apprentice.starcraft.replay.protocol.ReplayFormatException;
import dev.apprentice.starcraft.replay.protocol.StructValue;
import dev.apprentice.starcraft.replay.protocol.VersionedDecoder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An opened StarCraft II replay: its header and details decoded, its event streams decoded on demand with
 * the table of the replay's own base build.
 *
 * <p>Usage:
 * <pre>{@code
 * ProtocolLibrary tables = ProtocolLibrary.fromDirectory(Path.of("protocol"));
 * Replay replay = Replay.open(tables, Path.of("game.SC2Replay"));
 * replay.forEachEvent(EventStreamKind.TRACKER, event -> ...);
 * }</pre>
 */
public final class Replay {
    private final MpqArchive archive;
    private final ProtocolTable table;
    private final ReplayHeader header;
    private final ReplayDetails details;

    private Replay(MpqArchive archive, ProtocolTable table, ReplayHeader header, ReplayDetails details) {
        this.archive = archive;
        this.table = table;
        this.header = header;
        this.details = details;
    }

    /**
     * @param tables the protocol tables
     * @param file   a {@code .SC2Replay} file
     * @return the opened replay
     * @throws ReplayException if it is not a replay, is corrupt, or its build has no table
     */
    public static Replay open(ProtocolLibrary tables, Path file) {
        try {
            return open(tables, MpqArchive.open(file));
        } catch (MpqException e) {
            throw new ReplayException("not a readable replay archive: " + e.getMessage(), e);
        }
    }

    /**
     * @param tables the protocol tables
     * @param bytes  a replay's bytes (the caller bounds their size)
     * @return the opened replay
     * @throws ReplayException if it is not a replay, is corrupt, or its build has no table
     */
    public static Replay open(ProtocolLibrary tables, byte[] bytes) {
        try {
            return open(tables, MpqArchive.open(bytes));
        } catch (MpqException e) {
            throw new ReplayException("not a readable replay archive: " + e.getMessage(), e);
        }
    }

    private static Replay open(ProtocolLibrary tables, MpqArchive archive) {
        byte[] userData = archive.userData().orElseThrow(() -> new ReplayException(
                "the archive has no replay header (no user data before the MPQ header)"));
        // The header is versioned: the newest table reads every build's, and only then is the build known.
        StructValue headerValue = decodeVersioned(tables.newest(), ProtocolTable.HEADER, userData, "header");
        ReplayHeader header = header(headerValue);
        ProtocolTable table = tables.table(header.baseBuild());
        StructValue detailsValue = decodeVersioned(tables.newest(), ProtocolTable.DETAILS,
                readFile(archive, "replay.details"), "details");
        return new Replay(archive, table, header, details(detailsValue));
    }

    private static StructValue decodeVersioned(ProtocolTable table, String type, byte[] data, String what) {
        try {
            Object value = new VersionedDecoder(data).decode(table.type(type));
            if (value instanceof StructValue struct) {
                return struct;
            }
            throw new ReplayException("the replay " + what + " is not a struct");
        } catch (ReplayFormatException e) {
            throw new ReplayException("the replay " + what + " does not decode: " + e.getMessage(), e);
        }
    }

    private static byte[] readFile(MpqArchive archive, String name) {
        if (!archive.contains(name)) {
            throw new ReplayException("the archive has no " + name);
        }
        try {
            return archive.read(name);
        } catch (MpqException e) {
            throw new ReplayException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static ReplayHeader header(StructValue header) {
        try {
            StructValue version = header.getStruct("m_version");
            if (version == null) {
                throw new ReplayException("the replay header has no version");
            }
            long baseBuild = version.getLong("m_baseBuild");
            if (baseBuild <= 0 || baseBuild > Integer.MAX_VALUE) {
                throw new ReplayException("the replay header names base build " + baseBuild);
            }
            String text = version.getLong("m_major") + "." + version.getLong("m_minor") + "."
                    + version.getLong("m_revision") + "." + version.getLong("m_build");
            return new ReplayHeader(text, (int) baseBuild, header.getLong("m_elapsedGameLoops"));
        } catch (ReplayFormatException e) {
            throw new ReplayException("the replay header is incomplete: " + e.getMessage(), e);
        }
    }

    private static ReplayDetails details(StructValue details) {
        List<Player> players = new ArrayList<>();
        try {
            for (Object entry : details.getList("m_playerList")) {
                if (!(entry instanceof StructValue player)) {
                    throw new ReplayException("a player of the details is not a struct");
                }
                players.add(new Player(textOrEmpty(player, "m_name"), textOrEmpty(player, "m_race"),
                        (int) player.getLong("m_result", 0), (int) player.getLong("m_teamId", 0),
                        (int) player.getLong("m_control", 0), (int) player.getLong("m_observe", 0)));
            }
        } catch (ReplayFormatException e) {
            throw new ReplayException("the replay details are incomplete: " + e.getMessage(), e);
        }
        return new ReplayDetails(textOrEmpty(details, "m_title"), players, playedAt(details.getLong("m_timeUTC", 0)));
    }

    /** Windows file time (100 ns ticks since 1601) to an instant, or null outside 2010 to 2100. */
    static Instant playedAt(long fileTime) {
        long unixTicks = fileTime - 116_444_736_000_000_000L;
        Instant at = Instant.ofEpochSecond(Math.floorDiv(unixTicks, 10_000_000L), Math.floorMod(unixTicks, 10_000_000L) * 100);
        return at.isBefore(Instant.parse("2010-01-01T00:00:00Z")) || at.isAfter(Instant.parse("2100-01-01T00:00:00Z"))
                ? null : at;
    }

    private static String textOrEmpty(StructValue struct, String field) {
        String text = struct.getText(field);
        return text == null ? "" : text;
    }

    /** @return the header */
    public ReplayHeader header() {
        return header;
    }

    /** @return the details */
    public ReplayDetails details() {
        return details;
    }

    /** @return the table of the replay's base build */
    public ProtocolTable table() {
        return table;
    }

    /** @return whether the archive holds this stream's file */
    public boolean has(EventStreamKind stream) {
        return archive.contains(stream.fileName());
    }

    /**
     * @param stream a stream the archive holds
     * @return a lazy reader of its events
     * @throws ReplayException if the archive lacks the stream or its file cannot be read
     * @throws ReplayFormatException if this build's table cannot decode the stream at all
     */
    public EventReader events(EventStreamKind stream) {
        return new EventReader(stream, table, readFile(archive, stream.fileName()));
    }

    /**
     * Decodes a stream to its end, handing each event to {@code consumer}, and says how far it got: a stream
     * that the table cannot decode (build 24944 declares no tracker events) or that breaks off is reported
     * as partial with the reason, never thrown.
     *
     * @param stream   the stream
     * @param consumer receives each decoded event
     * @return the counts and status
     */
    public StreamSummary forEachEvent(EventStreamKind stream, Consumer<ReplayEvent> consumer) {
        if (!has(stream)) {
            return new StreamSummary(stream, StreamSummary.Status.ABSENT, 0, 0, Map.of(), null);
        }
        Map<String, Long> byType = new HashMap<>();
        long count = 0;
        long lastGameLoop = 0;
        try {
            EventReader reader = events(stream);
            while (reader.hasNext()) {
                ReplayEvent event = reader.next();
                byType.merge(event.name(), 1L, Long::sum);
                count++;
                lastGameLoop = event.gameLoop();
                consumer.accept(event);
            }
        } catch (ReplayFormatException | ReplayException e) {
            return new StreamSummary(stream, StreamSummary.Status.PARTIAL, count, lastGameLoop, byType,
                    e.getMessage());
        }
        return new StreamSummary(stream, StreamSummary.Status.COMPLETE, count, lastGameLoop, byType, null);
    }

    /**
     * @return the lobby state at game start (bit-packed, decoded with the replay's own table)
     * @throws ReplayException if the init data does not decode
     */
    public StructValue initData() {
        try {
            Object value = new BitPackedDecoder(readFile(archive, "replay.initData"))
                    .decode(table.type(ProtocolTable.INIT_DATA));
            if (value instanceof StructValue struct) {
                return struct;
            }
            throw new ReplayException("the init data is not a struct");
        } catch (ReplayFormatException e) {
            throw new ReplayException("the init data does not decode: " + e.getMessage(), e);
        }
    }

    /**
     * @return the lobby's attributes (empty when the archive has none)
     * @throws ReplayException if the attributes file does not decode
     */
    public ReplayAttributes attributes() {
        if (!archive.contains("replay.attributes.events")) {
            return new ReplayAttributes(0, 0, List.of());
        }
        try {
            return ReplayAttributes.decode(readFile(archive, "replay.attributes.events"), header.baseBuild());
        } catch (ReplayFormatException e) {
            throw new ReplayException("the attributes do not decode: " + e.getMessage(), e);
        }
    }

    /** @return the names of the files the archive lists */
    public List<String> files() {
        return archive.list();
    }

    /**
     * @param name a file of the archive
     * @return its declared size in bytes
     */
    public int fileSize(String name) {
        try {
            return archive.fileSize(name);
        } catch (MpqException e) {
            throw new ReplayException(name + ": " + e.getMessage(), e);
        }
    }
}
