package dev.apprentice.starcraft.demonstration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.apprentice.starcraft.replay.ReplayException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What the upload endpoint relies on: a replay's bytes either read into a summary and demonstrations or
 * end in a {@link ReplayException}, whatever was done to them, never another exception.
 */
class ReplayReaderTest {

    private static final Path REPLAYS = Path.of(System.getProperty("apprentice.sc2.replays.dir"));
    private final ReplayReader reader = new ReplayReader(Optional.of(Path.of(System.getProperty(
            "apprentice.sc2.protocol.dir"))));

    @Test
    void aDirectoryIsReadWithTheUnreadableFilesListedAndEveryIdDistinct() {
        Map<String, String> refused = new LinkedHashMap<>();

        List<ReplayReader.DecodedReplay> read = reader.readDirectory(REPLAYS, refused);

        assertEquals(List.of("invalid.SC2Replay"), List.copyOf(refused.keySet()));
        assertEquals(16, read.size());
        assertEquals(16, read.stream().map(ReplayReader.DecodedReplay::id).distinct().count());
        assertEquals(12, read.stream().filter(r -> !r.players().isEmpty()).count(), "replays with tracker events");
    }

    @Test
    void damagedCopiesOfARealReplayEitherReadOrAreRefusedAsReplays() throws Exception {
        byte[] original = Files.readAllBytes(REPLAYS.resolve("b64469-2018-12-01_P_Calm_VS_T_Aggression.SC2Replay"));
        SplittableRandom random = new SplittableRandom(16);
        int refused = 0;
        int readWhole = 0;
        for (int i = 0; i < 300; i++) {
            byte[] damaged = i % 3 == 0 ? Arrays.copyOf(original, random.nextInt(original.length))
                    : flip(original, random, 1 + random.nextInt(8));
            try {
                ReplayReader.DecodedReplay replay = reader.read(damaged);
                assertEquals(16, replay.id().length());
                readWhole++;
            } catch (ReplayException e) {
                assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a refusal says why");
                refused++;
            } catch (RuntimeException | StackOverflowError e) {
                fail("damaged copy " + i + " ended in " + e, e);
            }
        }
        assertTrue(refused > 50 && readWhole > 0, "refused " + refused + ", read " + readWhole);
    }

    private static byte[] flip(byte[] original, SplittableRandom random, int bits) {
        byte[] copy = original.clone();
        for (int b = 0; b < bits; b++) {
            int at = random.nextInt(copy.length);
            copy[at] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }
}
