package dev.apprentice.starcraft.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReplayCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ReplayCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String replay(String name) {
        return ReplayFactsTest.REPLAYS.resolve(name).toString();
    }

    @Test
    void printsTheSummaryOfAReplay() {
        int status = run(replay("b75800-trophy_id_13.SC2Replay"), "--protocols", ReplayFactsTest.PROTOCOLS.toString());

        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(text.contains("version  4.10.1.75800 (base build 75800)"), text);
        assertTrue(text.contains("map      Kairos Junction LE"), text);
        assertTrue(text.contains("length   10,493 game loops (7:48 at Faster speed)"), text);
        assertTrue(text.matches("(?s).*1\\. Alouette +Protoss +team 0 +win +human.*"), text);
        assertTrue(text.contains("game     1,993 events to game loop 10,493"), text);
        assertTrue(text.matches("(?s).*NNet.Replay.Tracker.SUnitBornEvent +268.*"), text);
    }

    @Test
    void dumpsEveryEventAsOneJsonLine() throws Exception {
        int status = run(replay("short-1v1.SC2Replay"), "--protocols", ReplayFactsTest.PROTOCOLS.toString(),
                "--events", "all");

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals(12 + 8 + 166, lines.length, "game + message + tracker events of short-1v1");
        ObjectMapper json = new ObjectMapper();
        JsonNode born = null;
        for (String line : lines) {
            JsonNode event = json.readTree(line);
            if (event.get("event").asText().equals("NNet.Replay.Tracker.SUnitBornEvent")) {
                born = event;
                break;
            }
        }
        assertTrue(born != null && born.get("data").get("m_unitTypeName").isTextual(), String.valueOf(born));
    }

    @Test
    void summarisesAsJson() throws Exception {
        int status = run(replay("wol.SC2Replay"), "--protocols", ReplayFactsTest.PROTOCOLS.toString(), "--json");

        JsonNode summary = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(0, status);
        assertEquals("Magma Core", summary.get("map").asText());
        assertEquals(4, summary.get("players").size());
        assertEquals(10766, summary.get("streams").get(0).get("count").asLong());
        assertEquals("COMPLETE", summary.get("streams").get(0).get("status").asText());
    }

    @Test
    void refusesAFileThatIsNoReplayWithStatusOne() {
        int status = run(replay("invalid.SC2Replay"), "--protocols", ReplayFactsTest.PROTOCOLS.toString());

        assertEquals(1, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not a readable replay archive"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void refusesAnUnknownStreamWithStatusTwo() {
        int status = run(replay("wol.SC2Replay"), "--events", "chat");

        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--events: unknown stream chat"));
    }
}
