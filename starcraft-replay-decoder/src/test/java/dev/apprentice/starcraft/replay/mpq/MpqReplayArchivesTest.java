package dev.apprentice.starcraft.replay.mpq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The reader against the public replays, whose contents facts.json records independently. */
class MpqReplayArchivesTest {

    static Path replaysDir() {
        return Path.of(System.getProperty("apprentice.sc2.replays.dir", "../shared/data/sc2/replays"));
    }

    /** Each replay's file name mapped to its recorded archive contents (file name to size). */
    static Map<String, Map<String, Integer>> recordedContents() {
        return RecordedContents.REPLAYS;
    }

    /** Reads facts.json once, however many fuzz cases ask. */
    private static final class RecordedContents {
        static final Map<String, Map<String, Integer>> REPLAYS = read();

        private static Map<String, Map<String, Integer>> read() {
            try {
                JsonNode facts = new ObjectMapper().readTree(replaysDir().resolve("facts.json").toFile());
                Map<String, Map<String, Integer>> replays = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> replay : facts.properties()) {
                    Map<String, Integer> files = new LinkedHashMap<>();
                    for (Map.Entry<String, JsonNode> file : replay.getValue().get("mpq_files").properties()) {
                        files.put(file.getKey(), file.getValue().intValue());
                    }
                    replays.put(replay.getKey(), Collections.unmodifiableMap(files));
                }
                return Collections.unmodifiableMap(replays);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static List<String> replays() {
        return List.copyOf(recordedContents().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replays")
    void readsEveryFileOfEveryReplayAtItsRecordedSize(String replay) {
        MpqArchive mpq = MpqArchive.open(replaysDir().resolve(replay));

        recordedContents().get(replay).forEach((name, size) -> {
            assertEquals(size, mpq.fileSize(name), name);
            assertEquals(size, mpq.read(name).length, name);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replays")
    void listsEveryRecordedFileOfEveryReplay(String replay) throws IOException {
        MpqArchive mpq = MpqArchive.open(Files.readAllBytes(replaysDir().resolve(replay)));

        assertEquals(recordedContents().get(replay).keySet(), Set.copyOf(mpq.list()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replays")
    void exposesEachReplaysHeaderAsItsUserData(String replay) throws IOException {
        byte[] file = Files.readAllBytes(replaysDir().resolve(replay));
        int declaredLength = (file[12] & 0xFF) | (file[13] & 0xFF) << 8;

        byte[] userData = MpqArchive.open(file).userData().orElseThrow();

        assertEquals(declaredLength, userData.length);
        assertTrue(new String(userData, StandardCharsets.ISO_8859_1).contains("StarCraft II replay"));
    }

    @Test
    void readsTheSameBytesFromAPathAsFromMemory() throws IOException {
        Path replay = replaysDir().resolve(replays().get(0));

        MpqArchive fromPath = MpqArchive.open(replay);
        MpqArchive fromMemory = MpqArchive.open(Files.readAllBytes(replay));

        assertFalse(fromPath.list().isEmpty());
        for (String name : fromPath.list()) {
            assertArrayEquals(fromMemory.read(name), fromPath.read(name), name);
        }
    }

    @Test
    void refusesTheInvalidReplayAsNotAnArchive() {
        Path invalid = replaysDir().resolve("invalid.SC2Replay");

        MpqException e = assertThrows(MpqException.class, () -> MpqArchive.open(invalid));

        assertTrue(e.getMessage().contains("invalid.SC2Replay"), e.getMessage());
        assertTrue(e.getMessage().contains("not an MPQ archive"), e.getMessage());
    }
}
