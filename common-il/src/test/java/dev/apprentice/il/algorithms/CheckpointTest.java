package dev.apprentice.il.algorithms;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.algorithms.bc.BcConfig;
import dev.apprentice.il.algorithms.rail.RailConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint keeps its entries exactly and only resumes the run it belongs to. */
class CheckpointTest {

    @Test
    void entriesSurviveSaveAndLoadUnchanged(@TempDir Path directory) {
        // given
        BcConfig config = BcConfig.defaults();
        byte[] policy = {0, 1, -1, 127, -128, 42};
        Checkpoint.of("bc", 3, config, "data-hash").putBytes("policy", policy)
                .putFloats("mean", new float[] {1.5f, Float.MIN_VALUE}).putDouble("best", -0.25)
                .putMetrics("metrics", Map.of("loss", 0.5)).save(directory);

        // when
        Checkpoint loaded = Checkpoint.load(directory, "bc", config, "data-hash").orElseThrow();

        // then
        assertEquals(3, loaded.iteration());
        assertArrayEquals(policy, loaded.bytes("policy"));
        assertArrayEquals(new float[] {1.5f, Float.MIN_VALUE}, loaded.floats("mean"));
        assertEquals(-0.25, loaded.getDouble("best"), 0.0);
        assertEquals(Map.of("loss", 0.5), loaded.metrics("metrics"));
        assertTrue(loaded.has("policy"));
    }

    @Test
    void noCheckpointInAnEmptyDirectory(@TempDir Path directory) {
        assertTrue(Checkpoint.load(directory, "bc", BcConfig.defaults(), "h").isEmpty());
    }

    @Test
    void refusesAnotherAlgorithmOtherDataOrACorruptFile(@TempDir Path directory) throws Exception {
        Checkpoint.of("bc", 1, BcConfig.defaults(), "h").save(directory);
        assertRejected(() -> Checkpoint.load(directory, "gail", BcConfig.defaults(), "h"), "written by bc", "not gail");
        assertRejected(() -> Checkpoint.load(directory, "bc", BcConfig.defaults(), "other"), "hash h", "other");
        Files.write(directory.resolve(Checkpoint.FILE), new byte[] {1, 2, 3});
        assertRejected(() -> Checkpoint.load(directory, "bc", BcConfig.defaults(), "h"), "format");
    }

    @Test
    void resumesUnderAnotherThreadCountButNotUnderOtherResultSettings(@TempDir Path directory) {
        // given
        Checkpoint.of("rail", 2, RailConfig.builder().seed(1).threads(1).build(), "h").save(directory);
        // when / then
        assertTrue(Checkpoint.load(directory, "rail", RailConfig.builder().seed(1).threads(2).build(), "h").isPresent());
        assertRejected(() -> Checkpoint.load(directory, "rail", RailConfig.builder().seed(2).threads(1).build(), "h"),
                "configuration");
    }
}
