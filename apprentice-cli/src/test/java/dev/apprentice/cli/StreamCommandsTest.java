package dev.apprentice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.env.ExpertRecorder;
import dev.apprentice.il.env.reference.CartPoleEnvironment;
import dev.apprentice.il.env.reference.CartPoleExpert;
import dev.apprentice.il.store.DemonstrationStore;
import dev.apprentice.il.store.RecordOrigin;
import dev.apprentice.il.store.StoreDamagedException;
import dev.apprentice.il.stream.schema.Demonstration;
import dev.apprentice.il.stream.schema.DemonstrationEnvelope;
import dev.apprentice.kafka.embedded.EmbeddedKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data-plane commands end to end against a real broker: publish → ingest → dlq → store → train. */
class StreamCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    private int run(String... args) {
        return cli.run(args);
    }

    private String stdout() {
        return cli.stdout();
    }

    @Test
    void publishedDemonstrationsAreIngestedInspectedAndTrainedOnWithProvenance() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.options())) {
            String bootstrap = broker.bootstrapServers();
            String store = dir.resolve("store").toString();
            // given three simulated expert episodes and a file with one good and one malformed step
            assertEquals(0, run("publish", "--bootstrap", bootstrap, "--env", "cartpole", "--episodes", "3"), cli.stderr());
            assertTrue(stdout().startsWith("published 1500 steps of 3 episodes to cartpole.demonstrations"), stdout());
            Path file = dir.resolve("steps.jsonl");
            Files.writeString(file, """
                    {"domain":"cartpole","source":"annotator","episode":"a1","step":0,"eventTime":"2026-11-25T08:00:00Z","state":[0.01,0.0,-0.02,0.0],"action":1,"terminal":true,"timeLimited":true,"metadata":{"note":"hand-labelled"}}
                    {"domain":"cartpole","source":"annotator","episode":"a2","step":0,"eventTime":"2026-11-25T08:00:01Z","state":[0.01,0.0,-0.02],"action":0,"terminal":false}
                    """);
            assertEquals(0, run("publish", "--bootstrap", bootstrap, "--from", file.toString()), cli.stderr());

            // when the topic is ingested until idle
            assertEquals(0, run("ingest", "--bootstrap", bootstrap, "--env", "cartpole", "--store", store,
                    "--until-idle", "2", "--json"), cli.stderr());

            // then every step is accounted for
            JsonNode stats = JSON.readTree(stdout());
            assertEquals(1502, stats.get("consumed").asLong());
            assertEquals(1501, stats.get("stored").asLong());
            assertEquals(1, stats.get("deadLettered").asLong());

            assertEquals(0, run("dlq", "--bootstrap", bootstrap, "--env", "cartpole", "--json"), cli.stderr());
            JsonNode dlq = JSON.readTree(stdout());
            assertEquals(1, dlq.get("records").asInt());
            assertEquals("state: expected 4 values, found 3", dlq.get("first").get(0).get("reason").asText());
            assertEquals(1, dlq.get("byStage").get("validate").asInt());

            assertEquals(0, run("store", "stats", "--store", store, "--json"), cli.stderr());
            JsonNode storeStats = JSON.readTree(stdout());
            assertEquals(1501, storeStats.get("durableRecords").asLong());
            assertEquals(4, storeStats.get("completeEpisodes").asLong());

            // and a policy trained from the store names the exact offsets it learned from
            String registry = dir.resolve("registry").toString();
            assertEquals(0, run("train", "--env", "cartpole", "--store", store, "--registry", registry, "--epochs", "20",
                    "--eval-episodes", "5", "--json"), cli.stderr());
            JsonNode card = JSON.readTree(dir.resolve("registry/cartpole-bc/v1/model-card.json").toFile());
            JsonNode data = card.get("data");
            assertEquals("store:" + dir.resolve("store"), data.get("source").asText());
            assertEquals(4, data.get("episodes").asInt());
            long records = 0;
            for (JsonNode range : data.get("ranges")) {
                assertEquals("cartpole.demonstrations", range.get("topic").asText());
                records += range.get("records").asLong();
            }
            assertEquals(1501, records);
        }
    }

    @Test
    void readsAnAvroContainerFileOfEnvelopes() throws Exception {
        Path file = dir.resolve("steps.avro");
        ExpertStep step = new ExpertStep("cartpole", "recorder", "r1", 0, Instant.parse("2026-11-25T08:00:00Z"),
                new float[] {0f, 0.1f, 0f, -0.1f}, new float[] {1f}, true, true, false, new float[] {0f, 0f, 0f, 0f},
                Map.of("rig", "bench-2"));
        try (DataFileWriter<Demonstration> w = new DataFileWriter<>(new SpecificDatumWriter<>(Demonstration.class))) {
            w.create(Demonstration.getClassSchema(), file.toFile());
            w.append(DemonstrationEnvelope.toEnvelope(step));
        }

        assertEquals(List.of(step), StreamCommands.readAvroFile(file));
        Files.writeString(dir.resolve("text.avro"), "not avro");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StreamCommands.readAvroFile(dir.resolve("text.avro")));
        assertTrue(e.getMessage().contains("not a readable Avro container file of demonstrations"), e.getMessage());
    }

    @Test
    void publishNeedsExactlyOneSource() {
        assertEquals(2, run("publish", "--env", "cartpole", "--from", "x.jsonl"));
        assertEquals(2, run("publish"));
    }

    @Test
    void aMalformedLineNamesTheFileLineAndField() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"domain\":\"cartpole\",\"source\":\"s\",\"episode\":\"e\",\"step\":0}\n");

        assertEquals(2, run("publish", "--from", file.toString()));
        assertTrue(cli.stderr().contains(file + " line 1: action: missing"),
                cli.stderr());
    }

    @Test
    void storeRepairQuarantinesADamagedSegmentSoThatTheStoreOpensAgain() throws Exception {
        Path store = dir.resolve("store");
        List<ExpertStep> steps = ExpertRecorder.record("cartpole", "s", "e0", new CartPoleEnvironment(),
                new CartPoleExpert(), 1, 20, Instant.now(), Duration.ofMillis(20), Map.of());
        try (DemonstrationStore s = DemonstrationStore.open(store)) {
            long offset = 0;
            for (ExpertStep step : steps) {
                s.append(step, new RecordOrigin("cartpole.demonstrations", 0, offset++));
            }
        }
        Files.write(store.resolve("segment-00000000.avro"), new byte[] {9, 9, 9, 9, 9, 9, 9, 9});
        assertThrows(StoreDamagedException.class, () -> DemonstrationStore.openReadOnly(store));

        assertEquals(0, run("store", "repair", "--store", store.toString()), cli.stderr());
        assertTrue(stdout().contains("segment-00000000.avro"), stdout());
        assertTrue(Files.exists(store.resolve("quarantine")));
        try (DemonstrationStore s = DemonstrationStore.openReadOnly(store)) {
            assertEquals(steps.size(), s.size(), "the sound segment's records are all kept");
        }
        assertEquals(0, run("store", "repair", "--store", store.toString()), cli.stderr());
        assertTrue(stdout().contains("is sound; nothing changed"), stdout());
    }
}
