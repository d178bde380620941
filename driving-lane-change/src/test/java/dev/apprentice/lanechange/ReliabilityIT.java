package dev.apprentice.lanechange;

import static dev.apprentice.lanechange.PackagedService.ADMIN_KEY;
import static dev.apprentice.lanechange.PackagedService.DECISION_KEY;
import static dev.apprentice.lanechange.PackagedService.OBSERVATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.stream.DemonstrationPublisher;
import dev.apprentice.il.stream.PayloadFormat;
import dev.apprentice.kafka.embedded.EmbeddedKafkaBroker;
import dev.apprentice.lanechange.mapping.LaneChangeRecords;
import dev.apprentice.lanechange.schema.LaneChangeDemonstration;
import dev.apprentice.service.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged service stopped, killed and damaged on purpose: SIGTERM under load ends within the
 * bound and the interrupted training job resumes from its checkpoint after the restart; after a
 * kill during ingest, and after each kind of damage to its files, the service starts again and
 * serves.
 */
@Tag("reliability")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityIT {

    /** What SIGTERM may take, whatever the service is doing (the watchdog's default). */
    static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(30);
    /** The hostile stream's size, and the heap the service must survive it in. */
    static final int HOSTILE_RECORDS = 100_000;
    static final String HOSTILE_HEAP = "384m";

    static EmbeddedKafkaBroker broker;
    static PackagedService service;

    @BeforeAll
    static void startTheService() throws Exception {
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.options());
        Path work = Files.createTempDirectory("reliability-");
        service = PackagedService.start("r", work.resolve("r"), broker.bootstrapServers(), true);
        service.publishAndAwait("normal", 10, 10);
        assertEquals(1, service.train("{\"algorithm\": \"bc\"}"));
    }

    @AfterAll
    static void stopEverything() {
        if (service != null) {
            service.destroy();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void sigtermUnderLoadEndsWithinTheBoundAndTheInterruptedJobResumesFromItsCheckpoint() throws Exception {
        String rail = service.submit("{\"algorithm\": \"rail\", \"iterations\": 120, \"promote\": \"manual\"}");
        Await.until("RAIL past its first checkpoint", Duration.ofSeconds(120), () -> service
                .call("GET", "/training/jobs/" + rail, ADMIN_KEY, null).path("latest").path("iteration").asInt() >= 8);

        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicLong decisions = new AtomicLong();
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 3; i++) {
            load.execute(() -> {
                while (loading.get()) {
                    try {
                        if (service.call("POST", "/decisions", DECISION_KEY, OBSERVATION).path("httpStatus").asInt() == 200) {
                            decisions.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException | RuntimeException stopped) {
                        return;
                    }
                }
            });
        }
        load.execute(() -> {
            try {
                service.call("POST", "/experts/episodes", ADMIN_KEY, "{\"expert\": \"cautious\", \"episodes\": 40}");
            } catch (IOException | InterruptedException | RuntimeException stopped) {
                // the publication is cut by the shutdown
            }
        });
        Await.until("decisions answered under load", Duration.ofSeconds(30), () -> decisions.get() >= 20);

        Duration stopped = service.stop();
        loading.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(70, TimeUnit.SECONDS), "the load threads see the service gone");
        System.out.printf("SIGTERM under load (RAIL training, %d decisions answered, 40 episodes publishing): exited"
                + " in %d ms, exit code %d%n", decisions.get(), stopped.toMillis(), service.process().exitValue());
        assertTrue(stopped.compareTo(SHUTDOWN_BOUND) < 0, "exited in " + stopped);
        assertTrue(decisions.get() > 0, "decisions were answered under load");

        service.restart();
        JsonNode resumed = service.awaitJob(rail);
        assertEquals("succeeded", resumed.path("status").asText(), resumed::toString);
        assertEquals(1, resumed.path("restarts").asInt(), resumed::toString);
        int firstIterationAfterRestart = resumed.path("progress").path(0).path("iteration").asInt();
        assertTrue(firstIterationAfterRestart > 6,
                "resumed from a checkpoint, not from iteration 1: first iteration after the restart was "
                        + firstIterationAfterRestart);
        assertEquals(1, service.servedVersion(), "the manual job did not change the served version");
    }

    @Test
    @Order(2)
    void aKillDuringIngestLosesAndDuplicatesNothingAndTheServiceServesAgain() throws Exception {
        int before = storedRecords();
        JsonNode published = service.call("POST", "/experts/episodes", ADMIN_KEY, "{\"expert\": \"normal\", \"episodes\": 5}");
        assertEquals(200, published.path("httpStatus").asInt(), published::toString);
        service.kill();
        service.restart();
        long expected = before + published.path("records").asLong();
        Await.until("every acknowledged record stored once", Duration.ofSeconds(60), () -> storedRecords() >= expected);
        assertEquals(expected, storedRecords(), "nothing lost, nothing stored twice");
        assertEquals(1, service.servedVersion());
    }

    @Test
    @Order(3)
    void aTornStoreSegmentIsCutBackAtTheNextStart() throws Exception {
        service.stop();
        Path last;
        try (var segments = Files.list(service.data.resolve("store"))) {
            last = segments.filter(p -> p.getFileName().toString().endsWith(".avro")).sorted().reduce((a, b) -> b)
                    .orElseThrow();
        }
        int before = Files.readAllBytes(last).length;
        Files.write(last, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, StandardOpenOption.APPEND);
        service.restart();
        JsonNode ingest = service.call("GET", "/ingest", ADMIN_KEY, null);
        assertEquals("running", ingest.path("status").path("state").asText(), ingest::toString);
        assertEquals(1, ingest.path("store").path("recoveredSegments").asInt(), ingest::toString);
        assertEquals(before, Files.size(last), "the torn tail was cut off");
        assertEquals(1, service.servedVersion());
    }

    @Test
    @Order(4)
    void garbageInThePromotionRecordAndCorruptPromotedWeightsStillLeaveTheServiceServing() throws Exception {
        JsonNode promoted = service.call("POST", "/policies/2/promote", ADMIN_KEY, null);
        assertEquals(200, promoted.path("httpStatus").asInt(), promoted::toString);
        assertEquals(2, service.servedVersion());
        service.stop();
        Path model = service.data.resolve("registry").resolve("lane-change");
        Files.writeString(model.resolve("promotions.json"), "{\"promoted\": [1, 2, \u0000 not json");
        byte[] weights = Files.readAllBytes(model.resolve("v2").resolve("policy.bin"));
        weights[weights.length / 2] ^= 0x10;
        Files.write(model.resolve("v2").resolve("policy.bin"), weights);

        service.restart();
        assertEquals(1, service.servedVersion(), "the previous promotion whose artefact verifies is served");
        JsonNode ready = service.get("/q/health/ready");
        assertEquals(200, ready.path("httpStatus").asInt(), ready::toString);
        String readiness = ready.toString();
        assertTrue(readiness.contains("fallback") && readiness.contains("promotionRecord"), readiness);
        JsonNode health = service.call("GET", "/policies/health", ADMIN_KEY, null);
        assertEquals(2, health.path("promoted").asInt(), health::toString);
        assertEquals(1, health.path("served").asInt(), health::toString);

        JsonNode rollback = service.call("POST", "/policies/rollback", ADMIN_KEY, null);
        assertEquals(200, rollback.path("httpStatus").asInt(), rollback::toString);
        JsonNode after = service.call("GET", "/policies/health", ADMIN_KEY, null);
        assertTrue(after.path("fallback").isNull() || after.path("fallback").isMissingNode(),
                "rolling back ends the fallback: " + after);
        assertEquals(1, service.servedVersion());
    }

    @Test
    @Order(5)
    void aDamagedEarlierSegmentLeavesTheServiceServingUntilTheDocumentedRepair() throws Exception {
        int stored = storedRecords();
        service.stop();
        byte[] garbage = new byte[8192];
        new java.util.Random(5).nextBytes(garbage);
        Files.write(service.data.resolve("store").resolve("segment-00000000.avro"), garbage);

        service.restart();
        assertEquals(1, service.servedVersion(), "decisions are served while the store cannot be opened");
        JsonNode ready = service.get("/q/health/ready");
        assertEquals(503, ready.path("httpStatus").asInt(), ready::toString);
        assertTrue(ready.toString().contains("store-failed") && ready.toString().contains("segment-00000000.avro"),
                ready::toString);
        assertTrue(!ready.toString().contains(service.data.toString()), "no path in readiness: " + ready);

        JsonNode repair = service.call("POST", "/ingest/store/repair", ADMIN_KEY, null);
        assertEquals(200, repair.path("httpStatus").asInt(), repair::toString);
        assertEquals("segment-00000000.avro", repair.path("segments").path(0).path("name").asText(), repair::toString);
        assertEquals(stored, storedRecords(), "every record of the sound segments is still there");
        assertEquals(200, service.status("/q/health/ready"));
        service.publishAndAwait("assertive", 1, service.call("GET", "/ingest", ADMIN_KEY, null).path("store")
                .path("completeEpisodes").asInt() + 1);
    }

    @Test
    @Order(6)
    void aHostileStreamOfValidLookingRecordsLeavesTheServiceServingInASmallHeapAndRestartingIt() throws Exception {
        service.stop();
        service.restartWithHeap(HOSTILE_HEAP);
        JsonNode before = service.call("GET", "/ingest", ADMIN_KEY, null).path("counters");
        long consumedBefore = before.path("consumed").asLong();
        // Every record is well formed and its own episode (16 sources, random episode ids): half with steps
        // scattered below the domain's episode limit, half beyond it up to the largest step the format allows.
        // An index that reserved memory up to each step number ran out of a 2 GB heap on 16,000 such records.
        LaneChangeRecords records = new LaneChangeRecords();
        SplittableRandom random = new SplittableRandom(12);
        Instant now = Instant.now();
        try (DemonstrationPublisher<LaneChangeDemonstration> out = new DemonstrationPublisher<>(broker.bootstrapServers(),
                "lane-change.demonstrations", PayloadFormat.AVRO_SINGLE_OBJECT.codecFor(LaneChangeDemonstration.class),
                records::episodeKey, Map.of())) {
            for (int i = 0; i < HOSTILE_RECORDS; i++) {
                ExpertStep step = new ExpertStep("lane-change", "hostile-" + (i % 16), "h-" + random.nextLong(),
                        i % 2 == 0 ? random.nextInt(LaneChangeDomain.MAX_EPISODE_DECISIONS)
                                : random.nextInt(LaneChangeDomain.MAX_EPISODE_DECISIONS, ExpertStep.MAX_STEP + 1),
                        now, new float[25], new float[] {1},
                        true, false, false, null, Map.of(LaneChangeRecords.STYLE, "normal", LaneChangeRecords.SEED, "0"));
                out.publish(records.fromStep(step));
            }
        }
        Instant published = Instant.now();
        Await.until("the hostile records to be ingested", Duration.ofSeconds(180), () -> service
                .call("GET", "/ingest", ADMIN_KEY, null).path("counters").path("consumed").asLong()
                >= consumedBefore + HOSTILE_RECORDS);
        JsonNode ingest = service.call("GET", "/ingest", ADMIN_KEY, null);
        JsonNode counters = ingest.path("counters");
        System.out.printf("%d hostile records ingested in %d ms at -Xmx%s: %s; store %s episodes%n", HOSTILE_RECORDS,
                Duration.between(published, Instant.now()).toMillis(), HOSTILE_HEAP, counters,
                ingest.path("store").path("episodes"));
        assertEquals(HOSTILE_RECORDS / 2, counters.path("deadLettered").asLong(),
                "the steps beyond the domain's episode limit are dead-lettered: " + counters);
        assertEquals(counters.path("consumed").asLong(), counters.path("stored").asLong()
                + counters.path("duplicates").asLong() + counters.path("deadLettered").asLong(), counters::toString);
        assertEquals("running", ingest.path("status").path("state").asText(), ingest::toString);
        assertEquals(1, service.servedVersion());

        Duration stopped = service.stop();
        Instant restart = Instant.now();
        service.restartWithHeap(HOSTILE_HEAP);
        assertEquals(200, service.status("/q/health/ready"));
        System.out.printf("stopped in %d ms; restarted on the hostile store and ready in %d ms%n", stopped.toMillis(),
                Duration.between(restart, Instant.now()).toMillis());
        assertEquals(1, service.servedVersion());
    }

    private static int storedRecords() throws IOException, InterruptedException {
        return service.call("GET", "/ingest", ADMIN_KEY, null).path("store").path("durableRecords").asInt();
    }
}
