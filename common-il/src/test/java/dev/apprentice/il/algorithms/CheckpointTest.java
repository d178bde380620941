package dev.apprentice.il.algorithms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.apprentice.il.algorithms.bc.BcConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    @Test
    void bytesSurviveSaveAndLoadUnchanged(@TempDir Path directory) {
        // given
        BcConfig config = BcConfig.defaults();
        byte[] policy = {0, 1, -1, 127, -128, 42};
        Checkpoint.of("bc", 3, config, "data-hash").putBytes("policy", policy).save(directory);

        // when
        Checkpoint loaded = Checkpoint.load(directory, "bc", config, "data-hash").orElseThrow();

        // then
        assertArrayEquals(policy, loaded.bytes("policy"));
    }
}
