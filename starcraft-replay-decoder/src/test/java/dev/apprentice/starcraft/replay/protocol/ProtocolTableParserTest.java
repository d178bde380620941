package dev.apprentice.starcraft.replay.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProtocolTableParserTest {
    static final Path PROTOCOLS = Path.of(System.getProperty("apprentice.sc2.protocol.dir",
            "../../shared/data/sc2/protocol"));

    @Test
    void compilesEveryPublishedTableWithTheEraSpecificFactsOfTheDomainNotes() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(PROTOCOLS)) {
            files = listing.filter(p -> p.getFileName().toString().matches("protocol\\d+\\.json")).sorted().toList();
        }
        assertEquals(91, files.size());
        for (Path file : files) {
            int build = Integer.parseInt(file.getFileName().toString().replaceAll("\\D", ""));

            ProtocolTable table = ProtocolTableParser.parse(build, Files.readAllBytes(file));

            assertFalse(table.events(EventStreamKind.GAME).isEmpty(), "game events of " + build);
            assertEquals("NNet.Game.SChatMessage", table.events(EventStreamKind.MESSAGE).get(0).name(),
                    "message event 0 of " + build);
            // Build 24944's table defines no tracker events; tracker events start with 2.0.8's tables.
            assertEquals(build <= 24944, table.events(EventStreamKind.TRACKER).isEmpty(), "tracker of " + build);
            // Up to 23260 the user id before game and message events is NNet.Replay.SPlayerId.
            String userId = ((ProtocolType.StructType) table.userIdType()).name();
            assertEquals(build <= 23260 ? ProtocolTable.PLAYER_ID : ProtocolTable.GAME_USER_ID, userId);
            assertTrue(table.type(ProtocolTable.VAR_UINT32) instanceof ProtocolType.ChoiceType);
            assertTrue(table.type(ProtocolTable.HEADER) instanceof ProtocolType.StructType);
            assertTrue(table.type(ProtocolTable.DETAILS) instanceof ProtocolType.StructType);
            assertTrue(table.type(ProtocolTable.INIT_DATA) instanceof ProtocolType.StructType);
        }
    }

    @Test
    void readsIntegerBoundsAsAnOffsetAndABitCount() throws IOException {
        ProtocolTable table = ProtocolTableParser.parse(75800,
                Files.readAllBytes(PROTOCOLS.resolve("protocol75800.json")));

        ProtocolType.IntType uint6 = (ProtocolType.IntType) table.type("NNet.uint6");
        ProtocolType.IntType int64 = (ProtocolType.IntType) table.type("NNet.int64");
        ProtocolType.IntType userCount = (ProtocolType.IntType) table.type("NNet.TUserCount");

        assertEquals(0, uint6.offset());
        assertEquals(6, uint6.bits());
        assertEquals(Long.MIN_VALUE, int64.offset());
        assertEquals(64, int64.bits());
        assertEquals(5, userCount.bits(), "0..16 inclusive needs 5 bits");
        assertEquals(2, ((ProtocolType.ChoiceType) table.type(ProtocolTable.VAR_UINT32)).tag.bits());
        assertEquals("NNet.Game.SCmdEvent", table.events(EventStreamKind.GAME).get(27).name());
    }

    @Test
    void rewritesTheOldTablesHexadecimalEscapesAsJsonEscapes() {
        byte[] json = "{\"v\": \"StarCraft II replay\\x1b11\", \"w\": \"a\\\\x1b\"}".getBytes(StandardCharsets.UTF_8);

        byte[] rewritten = ProtocolTableParser.escapeHexEscapes(json);

        assertArrayEquals("{\"v\": \"StarCraft II replay\\u001b11\", \"w\": \"a\\\\x1b\"}".getBytes(StandardCharsets.UTF_8),
                rewritten);
    }

    @Test
    void refusesJsonThatIsNoProtocolTable() {
        ReplayFormatException notJson = assertThrows(ReplayFormatException.class,
                () -> ProtocolTableParser.parse(1, "{\"modules\": [".getBytes(StandardCharsets.UTF_8)));
        ReplayFormatException empty = assertThrows(ReplayFormatException.class,
                () -> ProtocolTableParser.parse(1, "{\"modules\": []}".getBytes(StandardCharsets.UTF_8)));
        ReplayFormatException unknownNode = assertThrows(ReplayFormatException.class,
                () -> ProtocolTableParser.parse(1, ("{\"modules\": [{\"type\": \"Module\", \"fullname\": \"NNet\","
                        + " \"decls\": [{\"type\": \"TypeDecl\", \"fullname\": \"NNet.x\", \"type_info\":"
                        + " {\"type\": \"QuantumType\"}}]}]}").getBytes(StandardCharsets.UTF_8)));

        assertTrue(notJson.getMessage().startsWith("protocol table 1 is not JSON"), notJson.getMessage());
        assertEquals("protocol table 1 has no modules", empty.getMessage());
        assertEquals("protocol table 1: NNet.x uses a type node this parser does not know: QuantumType",
                unknownNode.getMessage());
    }
}
