package dev.apprentice.il.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A registry reopened after its promotion record or the promoted weights were damaged still yields what to serve. */
@Tag("reliability")
class PolicyRegistryRecoveryTest {

    @TempDir
    Path root;

    /** A registry with versions 1 to 3, promoted in that order. */
    private PolicyRegistry threePromotedVersions() {
        PolicyRegistry registry = new PolicyRegistry(root);
        for (int v = 1; v <= 3; v++) {
            registry.register(PolicyRegistryTest.policy(v), RegistryWriterProcess.card("m", "test-" + v));
            registry.promote("m", v);
        }
        return registry;
    }

    static Stream<Arguments> damagedRecords() {
        return Stream.of(
                Arguments.of("an empty file", (Damage) bytes -> new byte[0]),
                Arguments.of("half of the record", (Damage) bytes -> Arrays.copyOf(bytes, bytes.length / 2)),
                Arguments.of("garbage bytes", (Damage) bytes -> new byte[] {(byte) 0xde, (byte) 0xad, 0, '{', 0x7f}),
                Arguments.of("JSON that is not a promotion record", (Damage) bytes -> "[\"v3\"]".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("a record followed by garbage", (Damage) bytes -> (new String(bytes, StandardCharsets.UTF_8)
                        + "}\u0000\u0000").getBytes(StandardCharsets.UTF_8)));
    }

    /** How a test damages {@code promotions.json}. */
    @FunctionalInterface
    interface Damage {
        byte[] apply(byte[] record);
    }

    @ParameterizedTest(name = "promotions.json holding {0}")
    @MethodSource("damagedRecords")
    void aDamagedPromotionRecordIsRecoveredFromThePromotionLogAndReported(String what, Damage damage) throws IOException {
        threePromotedVersions();
        Path record = root.resolve("m/promotions.json");
        Files.write(record, damage.apply(Files.readAllBytes(record)));

        PolicyRegistry reopened = new PolicyRegistry(root);

        assertEquals(List.of(1, 2, 3), reopened.promotionStack("m"));
        assertEquals(3, reopened.loadPromoted("m").orElseThrow().card().version());
        RegistryHealth health = reopened.health("m");
        assertFalse(health.intact());
        assertTrue(health.damage().get(0).startsWith("promotions.json is not a promotion record"), health::toString);
        assertEquals("recovered the promotion stack [1, 2, 3] from promotions.log line 3",
                health.damage().get(health.damage().size() - 1));
    }

    @Test
    void aTornLastLogLineIsSkippedAndTheNextPromotionWritesAnIntactLineAfterIt() throws IOException {
        PolicyRegistry registry = threePromotedVersions();
        Path log = root.resolve("m/promotions.log");
        byte[] bytes = Files.readAllBytes(log);
        Files.write(log, Arrays.copyOf(bytes, bytes.length - 20));
        Files.write(root.resolve("m/promotions.json"), new byte[0]);

        assertEquals(List.of(1, 2), registry.promotionStack("m"));
        assertTrue(registry.health("m").damage().contains("promotions.log line 3 fails its checksum (torn or modified);"
                + " skipped"), registry.health("m")::toString);

        registry.promote("m", 1);
        assertTrue(registry.health("m").intact(), "the promotion replaced the damaged record");
        assertTrue(Files.readString(root.resolve("m/promotions.json")).contains("\"recover\""),
                "the recovery is an event of the history");
        Files.write(root.resolve("m/promotions.json"), new byte[] {'{'});
        assertEquals(List.of(2, 1), registry.promotionStack("m"));
        assertEquals("recovered the promotion stack [2, 1] from promotions.log line 4",
                registry.health("m").damage().get(registry.health("m").damage().size() - 1));
    }

    @Test
    void withNeitherAnIntactRecordNorAnIntactLogLineNothingIsPromotedAndTheDamageSaysSo() throws IOException {
        PolicyRegistry registry = threePromotedVersions();
        Files.writeString(root.resolve("m/promotions.json"), "garbage");
        Files.write(root.resolve("m/promotions.log"), new byte[] {'g', (byte) 0xff, (byte) 0xfe, '\n'});

        assertEquals(Optional.empty(), registry.promotedVersion("m"));
        assertEquals(Optional.empty(), registry.loadPromoted("m"));
        assertEquals(List.of("promotions.json is not a promotion record (Unrecognized token 'garbage': was expecting"
                + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false'))",
                "promotions.log line 1 fails its checksum (torn or modified); skipped",
                "no intact promotions.log entry to recover from: nothing is promoted until a version is promoted again"),
                registry.health("m").damage());
    }

    @Test
    void whenThePromotedWeightsFailTheirChecksumLoadPromotedServesThePreviousPromotionWithoutRewritingTheRecord()
            throws IOException {
        threePromotedVersions();
        Path weights = root.resolve("m/v3/policy.bin");
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(weights, bytes);

        PolicyRegistry reopened = new PolicyRegistry(root);

        assertEquals(2, reopened.loadPromoted("m").orElseThrow().card().version());
        assertEquals(Optional.of(3), reopened.promotedVersion("m"), "the record still names the promoted version");
        assertEquals("m v3: policy.bin does not match its SHA-256 (truncated or modified)",
                reopened.list("m").get(2).problem().orElseThrow());
        assertTrue(reopened.health("m").intact());
    }
}
