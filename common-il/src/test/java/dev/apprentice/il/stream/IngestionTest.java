package dev.apprentice.il.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.store.DemonstrationStore;
import dev.apprentice.il.stream.StreamFixtures.Plan;
import dev.apprentice.il.stream.StreamFixtures.Planned;
import dev.apprentice.il.stream.schema.Demonstration;
import dev.apprentice.il.stream.schema.DemonstrationEnvelope;
import dev.apprentice.kafka.embedded.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingester against a real single-node Kafka broker. */
class IngestionTest {

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
    void storesEveryValidRecordOnceAndDeadLettersEveryBadOneWithItsReason(@TempDir Path dir) throws Exception {
        // given 100,000 records on 3 partitions: 5 % defective of seven kinds, 500 re-sent duplicates
        String topic = "arm-100k.demonstrations";
        KafkaTopics.ensure(broker.bootstrapServers(), Map.of(), topic, 3);
        Plan plan = StreamFixtures.plan(100_000, 50, 0.05, 500, 42);
        Map<String, Planned> badByPosition = new HashMap<>();
        publish(topic, plan.records(), badByPosition);

        // when the ingester drains the topic
        try (DemonstrationStore store = DemonstrationStore.open(dir.resolve("store"));
                DemonstrationIngester<ExpertStep> ingester = ingester(topic, store)) {
            ingester.start();
            await(() -> ingester.statistics().consumed() == plan.records().size(), Duration.ofSeconds(120),
                    () -> "ingester stalled at " + ingester.statistics());

            // then every valid record is stored exactly once
            IngestStatistics s = ingester.statistics();
            assertEquals(100_000, s.consumed());
            assertEquals(plan.validKeys().size(), s.stored());
            assertEquals(plan.duplicates(), s.duplicates());
            assertEquals(plan.bad(), s.deadLettered());
            assertEquals(s.consumed(), s.stored() + s.duplicates() + s.deadLettered());
            assertEquals(0, s.lag());
            assertNull(ingester.failure());
            assertEquals(plan.validKeys().size(), store.size());
            for (String key : plan.validKeys()) {
                String[] parts = key.split("#");
                String[] se = parts[0].split("/");
                assertTrue(store.contains(se[0], se[1], Integer.parseInt(parts[1])), key);
            }
        }
        // and every bad one is in the DLQ exactly once, with its reason and origin
        List<DeadLetter> dead = DeadLetterReader.readAll(broker.bootstrapServers(), DeadLetter.topicFor(topic),
                Map.of(), Duration.ofSeconds(30));
        assertEquals(plan.bad(), dead.size());
        Set<String> seen = new HashSet<>();
        for (DeadLetter d : dead) {
            String position = d.originPartition() + "@" + d.originOffset();
            assertTrue(seen.add(position), "dead-lettered twice: " + position);
            Planned p = badByPosition.get(position);
            assertTrue(p != null, "not a planted defect: " + position + " " + d.reason());
            assertTrue(d.reason().contains(p.defect().reasonContains), p.defect() + " -> " + d.reason());
            assertEquals(topic, d.originTopic());
            assertTrue(java.util.Arrays.equals(p.value(), d.value()), "original bytes kept");
        }
    }

    @Test
    void storesAVersion1RecordWithDefaultsAndDeadLettersAnUnknownFingerprint(@TempDir Path dir) throws Exception {
        String topic = "arm-versions.demonstrations";
        try (DemonstrationPublisher<Demonstration> pub = DemonstrationPublisher.forEnvelopes(broker.bootstrapServers(),
                topic, PayloadFormat.AVRO_SINGLE_OBJECT, Map.of())) {
            pub.publishBytes("veteran/e1", StreamFixtures.version1Record(StreamFixtures.DOMAIN, "veteran", "e1", 0,
                    1_700_000_000_000L, List.of(1f, 2f, 3f, 4f), 2));
            pub.publishBytes("future/e1", StreamFixtures.encodeWithForeignSchema());
        }

        // (through the generic path a domain's own record type takes: generated class, then a mapper)
        IngesterConfig config = IngesterConfig.defaults(broker.bootstrapServers(), topic);
        try (DemonstrationStore store = DemonstrationStore.open(dir);
                DemonstrationIngester<Demonstration> ingester = new DemonstrationIngester<>(config, StreamFixtures.CODEC,
                        DemonstrationEnvelope::toStep, StreamFixtures.VALIDATOR, store, null)) {
            ingester.start();
            await(() -> ingester.statistics().consumed() == 2, Duration.ofSeconds(60),
                    () -> "ingester stalled at " + ingester.statistics());
            assertEquals(1, ingester.statistics().stored());
            assertTrue(store.contains("veteran", "e1", 0));
        }
        List<DeadLetter> dead = DeadLetterReader.readAll(broker.bootstrapServers(), DeadLetter.topicFor(topic),
                Map.of(), Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertEquals("decode", dead.get(0).stage());
        assertTrue(dead.get(0).reason().startsWith("unknown schema fingerprint "), dead.get(0).reason());
        assertTrue(dead.get(0).reason().contains("shipped versions of dev.apprentice.il.stream.schema.Demonstration"));
    }

    @Test
    void aRestartedIngesterResumesWithoutLossOrDuplicates(@TempDir Path dir) throws Exception {
        // given a topic with 6,000 records, 2 % bad
        String topic = "arm-resume.demonstrations";
        Plan plan = StreamFixtures.plan(6_000, 40, 0.02, 0, 7);
        publish(topic, plan.records().subList(0, 3_000), new HashMap<>());

        // when one ingester reads the first half and is closed, and a second one reads the rest
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            try (DemonstrationIngester<ExpertStep> first = ingester(topic, store)) {
                first.start();
                await(() -> first.statistics().consumed() == 3_000, Duration.ofSeconds(60),
                        () -> "first ingester stalled at " + first.statistics());
            }
            publish(topic, plan.records().subList(3_000, 6_000), new HashMap<>());
            try (DemonstrationIngester<ExpertStep> second = ingester(topic, store)) {
                second.start();
                await(() -> second.statistics().consumed() == 3_000, Duration.ofSeconds(60),
                        () -> "second ingester stalled at " + second.statistics());
                assertEquals(0, second.statistics().duplicates(), "the committed half is not read again");
            }
            // then
            assertEquals(plan.validKeys().size(), store.size());
        }
        assertEquals(plan.bad(), DeadLetterReader.readAll(broker.bootstrapServers(), DeadLetter.topicFor(topic),
                Map.of(), Duration.ofSeconds(30)).size());
    }

    @Test
    @Tag("reliability")
    void givenRecordsBreakingEachLimitOrTheirEpisodesEnd_whenIngested_thenEachIsDeadLetteredNamingTheField(
            @TempDir Path dir) throws Exception {
        // given: a domain with episodes up to 50 steps, ids up to 12 characters and events from 2020 to an
        // hour ahead; one sound episode, then one record breaking each limit or its episode's end
        String topic = "arm-limits.demonstrations";
        Instant now = Instant.now();
        Instant earliest = Instant.parse("2020-01-01T00:00:00Z");
        DemonstrationValidator limited = new DemonstrationValidator(StreamFixtures.DOMAIN, StreamFixtures.STATE_SPACE,
                StreamFixtures.ACTION_SPACE, new IngestLimits(50, 12, earliest, Duration.ofHours(1)));
        SplittableRandom rng = new SplittableRandom(3);
        List<ExpertStep> sound = List.of(StreamFixtures.step("alice", "ok", 0, false, now, rng),
                StreamFixtures.step("alice", "ok", 1, false, now, rng), StreamFixtures.step("alice", "ok", 2, true, now,
                        rng), StreamFixtures.step("alice", "gap", 0, false, now, rng),
                StreamFixtures.step("alice", "gap", 2, false, now, rng));
        Map<String, ExpertStep> bad = new LinkedHashMap<>();
        bad.put("validate:step: expected a step index below the domain's maximum episode length 50, found 50",
                StreamFixtures.step("alice", "long", 50, false, now, rng));
        bad.put("validate:source: expected an id of at most 12 characters, found 13 characters",
                StreamFixtures.step("a".repeat(13), "e", 0, false, now, rng));
        bad.put("validate:episode: expected an id of at most 12 characters, found 40 characters",
                StreamFixtures.step("alice", "e".repeat(40), 0, false, now, rng));
        bad.put("validate:eventTime: expected a time at or after 2020-01-01T00:00:00Z, found 2019-12-31T00:00:00Z",
                StreamFixtures.step("alice", "old", 0, false, earliest.minus(Duration.ofDays(1)), rng));
        bad.put("validate:eventTime: expected a time at most PT1H after the ingester's clock",
                StreamFixtures.step("alice", "ahead", 0, false, now.plus(Duration.ofHours(3)), rng));
        bad.put("store:step: expected at most 2, the terminal step of episode ok of source alice, found 3",
                StreamFixtures.step("alice", "ok", 3, false, now, rng));
        bad.put("store:terminal: expected the terminal step to be the last of episode gap of source alice, found"
                + " terminal step 1 below step 2 already stored", StreamFixtures.step("alice", "gap", 1, true, now, rng));
        KafkaTopics.ensure(broker.bootstrapServers(), Map.of(), topic, 1);
        try (DemonstrationPublisher<Demonstration> pub = DemonstrationPublisher.forEnvelopes(broker.bootstrapServers(),
                topic, PayloadFormat.AVRO_SINGLE_OBJECT, Map.of())) {
            for (ExpertStep s : sound) {
                pub.publishBytes(s.source() + "/" + s.episode(), StreamFixtures.CODEC.encode(
                        DemonstrationEnvelope.toEnvelope(s)));
            }
            for (ExpertStep s : bad.values()) {
                pub.publishBytes(s.source() + "/" + s.episode(), StreamFixtures.CODEC.encode(
                        DemonstrationEnvelope.toEnvelope(s)));
            }
        }

        // when
        IngesterConfig config = IngesterConfig.defaults(broker.bootstrapServers(), topic);
        try (DemonstrationStore store = DemonstrationStore.open(dir);
                DemonstrationIngester<ExpertStep> ingester = new DemonstrationIngester<>(config, StreamFixtures.STEPS,
                        StepMapper.identity(), limited, store, null)) {
            ingester.start();
            int total = sound.size() + bad.size();
            await(() -> ingester.statistics().consumed() == total, Duration.ofSeconds(60),
                    () -> "ingester stalled at " + ingester.statistics());

            // then: the sound records are stored, every other one is dead-lettered once, counted as such
            assertEquals(new IngestStatistics(total, sound.size(), 0, bad.size(), 0, 0, 0), ingester.statistics());
            assertEquals(sound.size(), store.size());
            assertEquals(1, store.statistics().completeEpisodes());
        }
        List<DeadLetter> dead = DeadLetterReader.readAll(broker.bootstrapServers(), DeadLetter.topicFor(topic),
                Map.of(), Duration.ofSeconds(30));
        List<String> expected = new ArrayList<>(bad.keySet());
        assertEquals(expected.size(), dead.size(), dead.toString());
        for (int i = 0; i < dead.size(); i++) {
            String got = dead.get(i).stage() + ":" + dead.get(i).reason();
            assertTrue(got.startsWith(expected.get(i)), "expected " + expected.get(i) + ", found " + got);
        }
    }

    /** How the ingester ends: on a failure it reports the original cause, and closing is bounded in time. */
    @Tag("reliability")
    @Nested
    class Shutdown {

        @Test
        void givenAStoreThatFailsUnderARunningIngester_whenTheIngesterDies_thenItsFailureIsTheStoresOwnException(
                @TempDir Path dir) throws Exception {
            // given: an ingester that stored a first half, then its store closed under it
            String topic = "arm-dies.demonstrations";
            List<Planned> records = StreamFixtures.plan(2_000, 40, 0, 0, 11).records();
            publish(topic, records.subList(0, 1_000), new HashMap<>());
            DemonstrationStore store = DemonstrationStore.open(dir);
            DemonstrationIngester<ExpertStep> ingester = ingester(topic, store);
            try {
                ingester.start();
                await(() -> ingester.statistics().consumed() == 1_000, Duration.ofSeconds(60),
                        () -> "ingester stalled at " + ingester.statistics());
                store.close();

                // when: more records arrive
                publish(topic, records.subList(1_000, 2_000), new HashMap<>());
                await(() -> !ingester.isRunning(), Duration.ofSeconds(60), () -> "ingester still running");

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
            try (DemonstrationStore store = DemonstrationStore.open(dir)) {
                DemonstrationIngester<ExpertStep> ingester = withOpenBatch("arm-close.demonstrations", 12, store);

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
            try (DemonstrationStore store = DemonstrationStore.open(dir)) {
                DemonstrationIngester<ExpertStep> ingester = withOpenBatch("arm-gone.demonstrations", 13, store);
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
                DemonstrationIngester<ExpertStep> ingester = ingester("127.0.0.1:1", "arm-nowhere", store);
                ingester.start();
                // Not a wait for a condition: close must be bounded whether or not the consumer is
                // already inside its first poll; half a second makes it likely that it is.
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

        /** A started ingester that has read 300 records into a batch that would stay open for minutes. */
        private DemonstrationIngester<ExpertStep> withOpenBatch(String topic, long seed, DemonstrationStore store)
                throws Exception {
            publish(topic, StreamFixtures.plan(300, 30, 0, 0, seed).records(), new HashMap<>());
            IngesterConfig config = IngesterConfig.defaults(broker.bootstrapServers(), topic).withBatching(500,
                    1_000_000, Duration.ofMinutes(10));
            DemonstrationIngester<ExpertStep> ingester = new DemonstrationIngester<>(config, StreamFixtures.STEPS,
                    StepMapper.identity(), StreamFixtures.VALIDATOR, store, null);
            ingester.start();
            await(() -> ingester.statistics().lag() == 0, Duration.ofSeconds(60),
                    () -> "ingester stalled at " + ingester.statistics());
            return ingester;
        }
    }

    static DemonstrationIngester<ExpertStep> ingester(String topic, DemonstrationStore store) {
        return ingester(broker.bootstrapServers(), topic, store);
    }

    static DemonstrationIngester<ExpertStep> ingester(String bootstrap, String topic, DemonstrationStore store) {
        IngesterConfig config = IngesterConfig.defaults(bootstrap, topic).withBatching(2000, 5000,
                Duration.ofMillis(100));
        return new DemonstrationIngester<>(config, StreamFixtures.STEPS, StepMapper.identity(),
                StreamFixtures.VALIDATOR, store, new IngestionListener() {});
    }

    /** Publishes the records in order and remembers where each defective one landed. */
    static void publish(String topic, List<Planned> records, Map<String, Planned> badByPosition) throws Exception {
        try (DemonstrationPublisher<Demonstration> pub = DemonstrationPublisher.forEnvelopes(broker.bootstrapServers(),
                topic, PayloadFormat.AVRO_SINGLE_OBJECT, Map.of())) {
            publish(pub, records, badByPosition);
        }
    }

    static void publish(DemonstrationPublisher<Demonstration> pub, List<Planned> records,
            Map<String, Planned> badByPosition) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        for (Planned p : records) {
            sent.add(pub.publishBytes(p.key(), p.value()));
        }
        pub.flush();
        for (int i = 0; i < records.size(); i++) {
            Planned p = records.get(i);
            if (p.defect() != null) {
                RecordMetadata m = sent.get(i).get();
                badByPosition.put(m.partition() + "@" + m.offset(), p);
            }
        }
    }

    static void await(BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> message)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(message.get());
            }
            Thread.sleep(50);
        }
    }
}
