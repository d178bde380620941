package dev.apprentice.starcraft.replay;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apprentice.starcraft.replay.protocol.EventStreamKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every public replay decodes to exactly what an independent decoder (Blizzard's s2protocol) found in it. */
class ReplayFactsTest {
    static final Path REPLAYS = Path.of(System.getProperty("apprentice.sc2.replays.dir",
            "../../shared/data/sc2/replays"));
    static final Path PROTOCOLS = Path.of(System.getProperty("apprentice.sc2.protocol.dir",
            "../../shared/data/sc2/protocol"));
    static final ProtocolLibrary TABLES = ProtocolLibrary.fromDirectory(PROTOCOLS);

    static Stream<String> replays() throws IOException {
        List<String> names = new ArrayList<>();
        facts().fieldNames().forEachRemaining(names::add);
        return names.stream();
    }

    static JsonNode facts() throws IOException {
        return new ObjectMapper().readTree(REPLAYS.resolve("facts.json").toFile());
    }

    @ParameterizedTest
    @MethodSource("replays")
    void decodesTheReplayExactlyAsTheIndependentDecoderDid(String name) throws IOException {
        JsonNode expected = facts().get(name);
        Replay replay = Replay.open(TABLES, REPLAYS.resolve(name));

        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(expected.get("version").asText(), replay.header().version(), "version"));
        checks.add(() -> assertEquals(expected.get("base_build").asInt(), replay.header().baseBuild(), "base build"));
        checks.add(() -> assertEquals(expected.get("elapsed_game_loops").asLong(),
                replay.header().elapsedGameLoops(), "elapsed game loops"));
        checks.add(() -> assertEquals(expected.get("map_title").asText(), replay.details().mapTitle(), "map"));
        List<Player> players = new ArrayList<>();
        for (JsonNode player : expected.get("players")) {
            players.add(new Player(player.get("name").asText(), player.get("race").asText(),
                    player.get("result").asInt(), player.get("team_id").asInt(), player.get("control").asInt(),
                    player.get("observe").asInt()));
        }
        checks.add(() -> assertEquals(players, replay.details().players(), "players"));
        Map<String, Integer> files = new TreeMap<>();
        expected.get("mpq_files").fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asInt()));
        Map<String, Integer> found = new TreeMap<>();
        for (String file : files.keySet()) {
            found.put(file, replay.fileSize(file));
        }
        checks.add(() -> assertEquals(files, found, "archive files"));
        for (EventStreamKind stream : EventStreamKind.values()) {
            JsonNode facts = expected.get(stream.name().toLowerCase(java.util.Locale.ROOT) + "_events");
            StreamSummary summary = replay.forEachEvent(stream, event -> { });
            if (facts == null || facts.isNull()) {
                checks.add(() -> assertEquals(StreamSummary.Status.ABSENT, summary.status(), stream + " status"));
                continue;
            }
            Map<String, Long> byType = new TreeMap<>();
            facts.get("by_type").fields().forEachRemaining(e -> byType.put(e.getKey(), e.getValue().asLong()));
            checks.add(() -> assertEquals(StreamSummary.Status.COMPLETE, summary.status(),
                    stream + " status: " + summary.problem()));
            checks.add(() -> assertEquals(byType, summary.byType(), stream + " events by type"));
            checks.add(() -> assertEquals(facts.get("count").asLong(), summary.count(), stream + " count"));
            checks.add(() -> assertEquals(facts.get("last_gameloop").asLong(), summary.lastGameLoop(),
                    stream + " last game loop"));
        }
        checks.add(replay::initData);
        checks.add(() -> org.junit.jupiter.api.Assertions.assertTrue(replay.attributes().attributes().stream()
                .anyMatch(a -> a.id() == 3000 && a.scope() == 16), "the lobby's game speed attribute"));
        assertAll(name, checks.stream());
    }
}
