package dev.apprentice.starcraft.replay.mpq;

import static dev.apprentice.starcraft.replay.mpq.SyntheticArchive.COMPRESS;
import static dev.apprentice.starcraft.replay.mpq.SyntheticArchive.ENCRYPTED;
import static dev.apprentice.starcraft.replay.mpq.SyntheticArchive.EXISTS;
import static dev.apprentice.starcraft.replay.mpq.SyntheticArchive.FIX_KEY;
import static dev.apprentice.starcraft.replay.mpq.SyntheticArchive.SECTOR_CRC;
import static dev.apprentice.starcraft.replay.mpq.SyntheticArchive.SINGLE_UNIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged and random archives, from fixed seeds: every case must either read every file or fail with an
 * {@link MpqException}; any other throwable, or a hang, fails the test with the case that caused it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class MpqFuzzTest {

    private static final long SEED = 0x5C2_0FF5E7L;
    private static final int TRUNCATIONS_PER_REPLAY = 60;
    private static final int FLIPS_PER_REPLAY = 30;
    private static final int RANDOM_ARRAYS = 600;
    private static final int RANDOM_FILES = 400;

    /** What happened to the cases of one test, so it can also check that the damage reached the decoders. */
    private static final class Tally {
        int cases;
        int opened;
        int filesRead;
        int filesRefused;
        final List<String> escapes = new ArrayList<>();

        void escape(String where, Throwable t) {
            if (escapes.size() < 5) {
                StringWriter trace = new StringWriter();
                t.printStackTrace(new PrintWriter(trace));
                escapes.add(where + ": " + trace.toString().lines().limit(6).reduce((a, b) -> a + "\n  " + b).orElse(""));
            } else {
                escapes.add(where);
            }
        }

        void assertOnlyMpqExceptions() {
            assertTrue(escapes.isEmpty(), escapes.size() + " of " + cases + " cases escaped with something other than an"
                    + " MpqException:\n" + String.join("\n", escapes.subList(0, Math.min(5, escapes.size()))));
        }
    }

    private static void exercise(String label, byte[] bytes, Collection<String> knownNames, Tally tally) {
        tally.cases++;
        MpqArchive mpq;
        try {
            mpq = MpqArchive.open(bytes);
            mpq.userData();
        } catch (MpqException e) {
            return;
        } catch (Throwable t) {
            tally.escape(label + " (open)", t);
            return;
        }
        tally.opened++;
        Set<String> names = new LinkedHashSet<>(knownNames);
        names.add("(listfile)");
        names.add("(attributes)");
        try {
            names.addAll(mpq.list());
        } catch (MpqException e) {
            tally.filesRefused++;
        } catch (Throwable t) {
            tally.escape(label + " (list)", t);
        }
        for (String name : names) {
            try {
                if (mpq.contains(name)) {
                    int size = mpq.fileSize(name);
                    int read = mpq.read(name).length;
                    if (read != size) {
                        tally.escapes.add(label + ": read " + read + " bytes of '" + name + "', which declares " + size);
                    }
                    tally.filesRead++;
                }
            } catch (MpqException e) {
                tally.filesRefused++;
            } catch (Throwable t) {
                tally.escape(label + " ('" + name + "')", t);
            }
        }
    }

    private static byte[] replayBytes(String replay) {
        try {
            return Files.readAllBytes(MpqReplayArchivesTest.replaysDir().resolve(replay));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Collection<String> recordedNames(String replay) {
        return MpqReplayArchivesTest.recordedContents().get(replay).keySet();
    }

    static List<String> replays() {
        return MpqReplayArchivesTest.replays();
    }

    private static Random random(String replay, int salt) {
        return new Random(SEED ^ replay.hashCode() * 31L ^ salt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replays")
    void survivesTruncationAnywhereInAReplay(String replay) {
        byte[] original = replayBytes(replay);
        Random random = random(replay, 1);
        Tally tally = new Tally();
        for (int i = 0; i < TRUNCATIONS_PER_REPLAY; i++) {
            // A third each near the headers, near the tables at the end, and anywhere.
            int cut = switch (i % 3) {
                case 0 -> random.nextInt(Math.min(2048, original.length));
                case 1 -> original.length - 1 - random.nextInt(Math.min(2048, original.length));
                default -> random.nextInt(original.length);
            };
            exercise(replay + " cut at " + cut, Arrays.copyOf(original, cut), recordedNames(replay), tally);
        }
        tally.assertOnlyMpqExceptions();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replays")
    void survivesBitFlipsInTheFirstFourKilobytes(String replay) {
        byte[] original = replayBytes(replay);
        Tally tally = flipBits(replay, original, random(replay, 2), Math.min(4096, original.length));
        tally.assertOnlyMpqExceptions();
        assertTrue(tally.opened > 0, "no damaged copy of " + replay + " opened, so none reached the decompressors");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replays")
    void survivesBitFlipsAnywhereInAReplay(String replay) {
        byte[] original = replayBytes(replay);
        Tally tally = flipBits(replay, original, random(replay, 3), original.length);
        tally.assertOnlyMpqExceptions();
        assertTrue(tally.filesRefused > 0, "no damaged file of " + replay + " was refused: the damage missed the files");
    }

    private static Tally flipBits(String replay, byte[] original, Random random, int span) {
        Tally tally = new Tally();
        for (int i = 0; i < FLIPS_PER_REPLAY; i++) {
            byte[] damaged = original.clone();
            int flips = 1 + random.nextInt(50);
            StringBuilder label = new StringBuilder(replay).append(" with bits flipped at");
            for (int f = 0; f < flips; f++) {
                int bit = random.nextInt(span * 8);
                damaged[bit / 8] ^= (byte) (1 << (bit % 8));
                if (f < 8) {
                    label.append(' ').append(bit / 8).append('.').append(bit % 8);
                }
            }
            exercise(label.append(flips > 8 ? " ..." : "").toString(), damaged, recordedNames(replay), tally);
        }
        return tally;
    }

    @Test
    void survivesRandomBytesWithAndWithoutTheMagics() throws IOException {
        Random random = new Random(SEED);
        byte[] header = Arrays.copyOf(replayBytes(replays().get(0)), 1024 + 208);
        int[] lengths = {0, 1, 3, 4, 15, 16, 17, 31, 32, 33, 44, 45, 100, 512, 1024, 1056, 1300, 4096};
        Tally tally = new Tally();
        for (int i = 0; i < RANDOM_ARRAYS; i++) {
            int length = i < lengths.length * 4 ? lengths[i % lengths.length] : random.nextInt(20_000);
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String kind;
            switch (i % 4) {
                case 0 -> kind = "random";
                case 1 -> {
                    kind = "user-data magic then random";
                    put(bytes, 0, 0x4D, 0x50, 0x51, 0x1B);
                }
                case 2 -> {
                    kind = "archive magic then random";
                    put(bytes, 0, 0x4D, 0x50, 0x51, 0x1A);
                }
                default -> {
                    kind = "a real replay's headers then random";
                    System.arraycopy(header, 0, bytes, 0, Math.min(header.length, bytes.length));
                }
            }
            exercise(kind + " (" + length + " bytes, case " + i + ")", bytes, recordedNames(replays().get(0)), tally);
        }
        tally.assertOnlyMpqExceptions();
    }

    private static void put(byte[] bytes, int at, int... values) {
        for (int i = 0; i < values.length && at + i < bytes.length; i++) {
            bytes[at + i] = (byte) values[i];
        }
    }

    @Test
    void survivesRandomFileContentBehindValidTables() {
        Random random = new Random(SEED + 1);
        int[] layouts = {0, SINGLE_UNIT, SECTOR_CRC, ENCRYPTED, ENCRYPTED | FIX_KEY | SINGLE_UNIT};
        Tally tally = new Tally();
        for (int i = 0; i < RANDOM_FILES; i++) {
            int fileSize = random.nextInt(3000);
            int flags = EXISTS | COMPRESS | layouts[random.nextInt(layouts.length)];
            byte[] stored = new byte[1 + random.nextInt(Math.max(1, fileSize))];
            random.nextBytes(stored);
            // Mostly supported masks, so the random data reaches the decompressors rather than the mask check.
            stored[0] = (byte) (random.nextInt(8) == 0 ? random.nextInt(256) : random.nextBoolean() ? 0x02 : 0x10);
            if (random.nextBoolean() && stored.length > 8) {
                byte[] header = random.nextBoolean() ? new byte[] {0x78, (byte) 0xDA} : new byte[] {'B', 'Z', 'h', '9'};
                System.arraycopy(header, 0, stored, 1, Math.min(header.length, stored.length - 1));
            }
            byte[] archive = new SyntheticArchive().sectorSizeShift(random.nextInt(3))
                    .stored("replay.details", fileSize, flags, offset -> stored).build();
            exercise("random content, flags " + Integer.toHexString(flags) + ", case " + i, archive, List.of("replay.details"),
                    tally);
        }
        tally.assertOnlyMpqExceptions();
        assertEquals(RANDOM_FILES, tally.opened);
        assertTrue(tally.filesRefused > RANDOM_FILES / 2, tally.filesRefused + " refusals");
    }
}
