package dev.apprentice.il.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
