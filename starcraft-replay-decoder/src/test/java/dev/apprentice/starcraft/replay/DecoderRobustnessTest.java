package dev.apprentice.starcraft.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.apprentice.starcraft.replay.mpq.MpqArchive;
import dev.apprentice.starcraft.replay.protocol.EventStreamKind;
import dev.apprentice.starcraft.replay.protocol.ProtocolTable;
import dev.apprentice.starcraft.replay.protocol.ReplayFormatException;
import dev.apprentice.starcraft.replay.protocol.VersionedDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile and mismatched input never escapes as anything but the decoder's own exceptions: decoded streams
 * truncated, bit-flipped or replaced by noise, whole replay files damaged, and every replay decoded with
 * every other build's table.
 */
class DecoderRobustnessTest {
    private static final List<Path> REPLAYS = new ArrayList<>();
    private static final ProtocolLibrary TABLES = ReplayFactsTest.TABLES;

    @BeforeAll
    static void findReplays() throws IOException {
        try (Stream<Path> files = Files.list(ReplayFactsTest.REPLAYS)) {
            files.filter(f -> f.toString().endsWith(".SC2Replay") && !f.getFileName().toString().startsWith("invalid"))
                    .sorted().forEach(REPLAYS::add);
        }
        assertEquals(16, REPLAYS.size());
    }

    @Test
    void damagedEventStreamsEndInAFormatErrorOrDecode() throws IOException {
        Random random = new Random(20261203);
        int attempts = 0;
        int refused = 0;
        for (Path file : REPLAYS) {
            Replay replay = Replay.open(TABLES, file);
            MpqArchive archive = MpqArchive.open(file);
            for (EventStreamKind stream : EventStreamKind.values()) {
                if (!archive.contains(stream.fileName()) || replay.table().events(stream).isEmpty()) {
                    continue;
                }
                byte[] original = archive.read(stream.fileName());
                for (int i = 0; i < 60; i++) {
                    byte[] damaged = damage(original, random, i % 3);
                    attempts++;
                    refused += decodeAll(stream, replay.table(), damaged) ? 0 : 1;
                }
            }
        }
        assertTrue(attempts > 2500, "attempts " + attempts);
        assertTrue(refused > attempts / 4, "most damage is noticed: " + refused + " of " + attempts);
    }

    @Test
    void damagedHeadersAndDetailsEndInAFormatErrorOrDecode() throws IOException {
        Random random = new Random(7);
        ProtocolTable newest = TABLES.newest();
        for (Path file : REPLAYS) {
            MpqArchive archive = MpqArchive.open(file);
            byte[] header = archive.userData().orElseThrow();
            byte[] details = archive.read("replay.details");
            for (int i = 0; i < 100; i++) {
                decodeVersioned(newest, ProtocolTable.HEADER, damage(header, random, i % 3));
                decodeVersioned(newest, ProtocolTable.DETAILS, damage(details, random, i % 3));
            }
        }
    }

    @Test
    void everyReplayDecodedWithEveryOtherTableIsRefusedOrPartialNeverACrash() throws IOException {
        int mismatched = 0;
        for (Path file : REPLAYS) {
            Replay replay = Replay.open(TABLES, file);
            MpqArchive archive = MpqArchive.open(file);
            List<byte[]> streams = new ArrayList<>();
            for (EventStreamKind stream : EventStreamKind.values()) {
                streams.add(archive.contains(stream.fileName()) ? archive.read(stream.fileName()) : null);
            }
            for (int build : TABLES.supportedBuilds()) {
                if (build == replay.header().baseBuild()) {
                    continue;
                }
                ProtocolTable table = TABLES.table(build);
                for (EventStreamKind stream : EventStreamKind.values()) {
                    byte[] data = streams.get(stream.ordinal());
                    if (data != null) {
                        mismatched += decodeAll(stream, table, data) ? 0 : 1;
                    }
                }
            }
        }
        assertTrue(mismatched > 0, "some table disagrees with some replay");
    }

    @Test
    void damagedReplayFilesAreRefusedWithAReplayException() throws IOException {
        Random random = new Random(42);
        int opened = 0;
        for (Path file : REPLAYS) {
            byte[] original = Files.readAllBytes(file);
            for (int i = 0; i < 40; i++) {
                byte[] damaged = i % 2 == 0 ? Arrays.copyOf(original, random.nextInt(original.length))
                        : flipBits(original, random, 1 + random.nextInt(8), Math.min(original.length, 4096));
                try {
                    Replay replay = Replay.open(TABLES, damaged);
                    for (EventStreamKind stream : EventStreamKind.values()) {
                        replay.forEachEvent(stream, event -> { });
                    }
                    opened++;
                } catch (ReplayException expected) {
                    assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
                } catch (Throwable unexpected) {
                    fail(file.getFileName() + " damage " + i + " escaped as " + unexpected, unexpected);
                }
            }
        }
        assertTrue(opened < REPLAYS.size() * 40, "damage is noticed");
    }

    @Test
    void aReplayWhoseBuildHasNoTableIsRefusedNamingTheNearestBuilds(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        for (int build : new int[] {28667, 51702, 97425}) {
            Files.copy(ReplayFactsTest.PROTOCOLS.resolve("protocol" + build + ".json"),
                    dir.resolve("protocol" + build + ".json"));
        }
        ProtocolLibrary partial = ProtocolLibrary.fromDirectory(dir);

        UnsupportedBuildException refused = org.junit.jupiter.api.Assertions.assertThrows(
                UnsupportedBuildException.class,
                () -> Replay.open(partial, ReplayFactsTest.REPLAYS.resolve("automm.SC2Replay")));

        assertEquals(32283, refused.baseBuild());
        assertEquals(List.of(28667, 51702), refused.nearest());
        assertEquals("base build 32283 has no protocol table; nearest supported base builds: 28667 and 51702",
                refused.getMessage());
    }

    @Test
    void aTableThatDeclaresNoTrackerEventsReportsTheStreamAsPartial(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        // Build 24944's table defines no tracker events, though replays of that build carry a tracker file.
        Files.copy(ReplayFactsTest.PROTOCOLS.resolve("protocol24944.json"), dir.resolve("protocol32283.json"));
        Files.copy(ReplayFactsTest.PROTOCOLS.resolve("protocol97425.json"), dir.resolve("protocol97425.json"));
        Replay replay = Replay.open(ProtocolLibrary.fromDirectory(dir),
                ReplayFactsTest.REPLAYS.resolve("automm.SC2Replay"));

        StreamSummary tracker = replay.forEachEvent(EventStreamKind.TRACKER, event -> { });

        assertEquals(StreamSummary.Status.PARTIAL, tracker.status());
        assertEquals(0, tracker.count());
        assertEquals("the protocol table of base build 32283 declares no tracker events", tracker.problem());
    }

    /** @return true if the stream decoded to its end, false if it was refused with a format error */
    private static boolean decodeAll(EventStreamKind stream, ProtocolTable table, byte[] data) {
        try {
            EventReader reader = new EventReader(stream, table, data);
            while (reader.hasNext()) {
                reader.next();
            }
            return true;
        } catch (ReplayFormatException expected) {
            return false;
        } catch (Throwable unexpected) {
            throw new AssertionError(stream + " with table " + table.baseBuild() + " escaped as " + unexpected,
                    unexpected);
        }
    }

    private static void decodeVersioned(ProtocolTable table, String type, byte[] data) {
        try {
            new VersionedDecoder(data).decode(table.type(type));
        } catch (ReplayFormatException expected) {
            // refused: fine
        } catch (Throwable unexpected) {
            throw new AssertionError(type + " escaped as " + unexpected, unexpected);
        }
    }

    /** Kind 0 truncates, 1 flips a few bits, 2 replaces a stretch with noise. */
    private static byte[] damage(byte[] original, Random random, int kind) {
        if (original.length == 0) {
            return original;
        }
        switch (kind) {
            case 0:
                return Arrays.copyOf(original, random.nextInt(original.length));
            case 1:
                return flipBits(original, random, 1 + random.nextInt(16), original.length);
            default: {
                byte[] damaged = original.clone();
                int start = random.nextInt(damaged.length);
                int end = Math.min(damaged.length, start + 1 + random.nextInt(64));
                for (int i = start; i < end; i++) {
                    damaged[i] = (byte) random.nextInt(256);
                }
                return damaged;
            }
        }
    }

    private static byte[] flipBits(byte[] original, Random random, int flips, int within) {
        byte[] damaged = original.clone();
        for (int i = 0; i < flips; i++) {
            int bit = random.nextInt(within * 8);
            damaged[bit >>> 3] ^= (byte) (1 << (bit & 7));
        }
        return damaged;
    }
}
