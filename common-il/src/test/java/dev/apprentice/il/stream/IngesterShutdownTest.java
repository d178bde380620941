package dev.apprentice.il.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.store.DemonstrationStore;
import dev.apprentice.il.stream.StreamFixtures.Planned;
import dev.apprentice.il.stream.schema.Demonstration;
import dev.apprentice.kafka.embedded.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the ingester ends: on a failure it reports the original cause, and closing is bounded in time. */
class IngesterShutdownTest {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.options());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void givenAStoreThatFailsUnderARunningIngester_whenTheIngesterDies_thenItsFailureIsTheStoresOwnException(
            @TempDir Path dir) throws Exception {
        // given: an ingester that stored a first half, then its store closed under it
        String topic = "arm-dies.demonstrations";
        List<Planned> records = StreamFixtures.plan(2_000, 40, 0, 0, 11).records();
        publish(topic, records.subList(0, 1_000));
        DemonstrationStore store = DemonstrationStore.open(dir);
        DemonstrationIngester<ExpertStep> ingester = IngestionTest.ingester(broker.bootstrapServers(), topic, store);
        try {
            ingester.start();
            IngestionTest.await(() -> ingester.statistics().consumed() == 1_000, Duration.ofSeconds(60),
                    () -> "ingester stalled at " + ingester.statistics());
            store.close();

            // when: more records arrive
            publish(topic, records.subList(1_000, 2_000));
            IngestionTest.await(() -> !ingester.isRunning(), Duration.ofSeconds(60), () -> "ingester still running");

            // then: the failure is what the store threw, not an error from closing after it
            Throwable failure = ingester.failure();
            assertSame(IllegalStateException.class, failure.getClass(), String.valueOf(failure));
            assertEquals("store " + store.directory() + " is closed", failure.getMessage());
        } finally {
            assertFalse(ingester.close(Duration.ofSeconds(10)), "a failed ingester did not stop cleanly");
        }
    }

    @Test
    void givenAnOpenBatch_whenClosed_thenTheBatchIsCommittedAndTheStopIsClean(@TempDir Path dir) throws Exception {
        // given: records read into a batch that would stay open for minutes
        String topic = "arm-close.demonstrations";
        publish(topic, StreamFixtures.plan(300, 30, 0, 0, 12).records());
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            DemonstrationIngester<ExpertStep> ingester = slowBatches(broker.bootstrapServers(), topic, store);
            ingester.start();
            IngestionTest.await(() -> ingester.statistics().lag() == 0, Duration.ofSeconds(60),
                    () -> "ingester stalled at " + ingester.statistics());

            // when
            boolean clean = ingester.close(Duration.ofSeconds(15));

            // then
            assertTrue(clean);
            assertEquals(300, ingester.statistics().consumed());
            assertEquals(300, store.size());
        }
    }

    @Test
    void givenABrokerThatStopsUnderAnOpenBatch_whenClosed_thenCloseReturnsWithinItsTimeout(@TempDir Path dir)
            throws Exception {
        // given: records read into an open batch, then the broker gone
        String topic = "arm-gone.demonstrations";
        publish(topic, StreamFixtures.plan(300, 30, 0, 0, 13).records());
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            DemonstrationIngester<ExpertStep> ingester = slowBatches(broker.bootstrapServers(), topic, store);
            ingester.start();
            IngestionTest.await(() -> ingester.statistics().lag() == 0, Duration.ofSeconds(60),
                    () -> "ingester stalled at " + ingester.statistics());
            broker.stop();
            try {
                // when
                long start = System.nanoTime();
                boolean clean = ingester.close(Duration.ofSeconds(4));
                long millis = (System.nanoTime() - start) / 1_000_000;

                // then: it gave up the commit in time; the batch is left to be read again
                assertTrue(millis < 6_000, "close took " + millis + " ms");
                assertFalse(clean, "the batch could not be committed");
                assertFalse(ingester.isRunning());
                assertNull(ingester.failure());
                assertEquals(0, ingester.statistics().consumed());
            } finally {
                broker.restart();
            }
        }
    }

    @Test
    void givenAnUnreachableBroker_whenClosed_thenCloseReturnsWithinItsTimeout(@TempDir Path dir) throws Exception {
        // given: an ingester still trying to reach a broker that is not there
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            DemonstrationIngester<ExpertStep> ingester = IngestionTest.ingester("127.0.0.1:1", "arm-nowhere", store);
            ingester.start();
            Thread.sleep(500);

            // when
            long start = System.nanoTime();
            boolean clean = ingester.close(Duration.ofSeconds(2));
            long millis = (System.nanoTime() - start) / 1_000_000;

            // then
            assertTrue(millis < 4_000, "close took " + millis + " ms");
            assertFalse(ingester.isRunning());
            assertFalse(clean, "it had to be interrupted");
            assertNull(ingester.failure(), "a forced close is no failure");
        }
    }

    /** An ingester whose batches stay open until it is closed. */
    private static DemonstrationIngester<ExpertStep> slowBatches(String bootstrap, String topic,
            DemonstrationStore store) {
        IngesterConfig config = IngesterConfig.defaults(bootstrap, topic).withBatching(500, 1_000_000,
                Duration.ofMinutes(10));
        return new DemonstrationIngester<>(config, StreamFixtures.STEPS, StepMapper.identity(),
                StreamFixtures.VALIDATOR, store, null);
    }

    private static void publish(String topic, List<Planned> records) throws Exception {
        try (DemonstrationPublisher<Demonstration> pub = DemonstrationPublisher.forEnvelopes(broker.bootstrapServers(),
                topic, PayloadFormat.AVRO_SINGLE_OBJECT, Map.of())) {
            for (Planned p : records) {
                pub.publishBytes(p.key(), p.value());
            }
            pub.flush();
        }
    }
}
