package dev.apprentice.il.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.store.DemonstrationStore;
import dev.apprentice.il.stream.StreamFixtures.Plan;
import dev.apprentice.il.stream.schema.Demonstration;
import dev.apprentice.kafka.embedded.EmbeddedKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crashes: the ingester killed between store and commit, and the broker stopped mid-stream. */
@Tag("reliability")
class IngesterCrashTest {

    @Test
    void anIngesterKilledAfterStoringButBeforeCommittingLosesAndDuplicatesNothing(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.options())) {
            // given 20,000 records on 2 partitions, 2 % bad
            String topic = "arm-crash.demonstrations";
            KafkaTopics.ensure(broker.bootstrapServers(), Map.of(), topic, 2);
            Plan plan = StreamFixtures.plan(20_000, 40, 0.02, 0, 11);
            publish(broker, topic, plan);
            Path storeDir = dir.resolve("store");

            // when an ingester in its own JVM halts right after its second batch is durably stored
            Process child = new ProcessBuilder(javaBinary(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    IngesterCrashMain.class.getName(), broker.bootstrapServers(), topic, storeDir.toString(), "2",
                    "3000").redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child ingester did not halt");
            assertEquals(IngesterCrashMain.HALTED, child.exitValue(), Files.readString(dir.resolve("child.log")));

            long committed = committedOffsets(broker, IngesterConfig.defaults(broker.bootstrapServers(), topic).groupId());
            long storedByChild;
            try (DemonstrationStore store = DemonstrationStore.open(storeDir)) {
                storedByChild = store.size();
            }
            // then the store holds more than the committed offsets account for: the crash window
            assertTrue(committed < 20_000 && storedByChild > 0, "committed " + committed + ", stored " + storedByChild);

            // and a restarted ingester finishes the topic without loss or duplicates
            try (DemonstrationStore store = DemonstrationStore.open(storeDir);
                    DemonstrationIngester<ExpertStep> again = IngestionTest.ingester(broker.bootstrapServers(),
                            topic, store)) {
                again.start();
                long expected = 20_000 - committed;
                IngestionTest.await(() -> again.statistics().consumed() == expected, Duration.ofSeconds(120),
                        () -> "restarted ingester stalled at " + again.statistics() + ", expected " + expected);
                assertTrue(again.statistics().rolledBack() > 0, "the uncommitted batch is taken out: "
                        + again.statistics());
                assertEquals(0, again.statistics().duplicates(), "and read again as new: " + again.statistics());
                assertEquals(plan.validKeys().size(), store.size());
                assertTrue(store.uncommittedBatch().isEmpty());
            }
            assertEquals(plan.bad(), DeadLetterReader.readAll(broker.bootstrapServers(), DeadLetter.topicFor(topic),
                    Map.of(), Duration.ofSeconds(30)).size(), "each bad record dead-lettered exactly once");
        }
    }

    @Test
    void twoReplicasStoreEveryRecordOnceAcrossTheirStoresWhenOneIsKilledBetweenStoreAndCommit(@TempDir Path dir)
            throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.options())) {
            // given 24,000 records on 4 partitions, 2 % bad, for two replicas of one consumer group
            String topic = "arm-replicas.demonstrations";
            KafkaTopics.ensure(broker.bootstrapServers(), Map.of(), topic, 4);
            Plan plan = StreamFixtures.plan(24_000, 40, 0.02, 0, 17);
            publish(broker, topic, plan);
            Path storeA = dir.resolve("store-a");
            IngesterConfig configB = replica(IngesterConfig.defaults(broker.bootstrapServers(), topic), "replica-b",
                    SESSION_TIMEOUT_MS).withBatching(500, 1500, Duration.ofMillis(200));

            // when replica A, in its own JVM, halts right after storing its third batch, before committing it
            // (alone in the group, so that it has records to store whatever the machine's load)
            Process a = new ProcessBuilder(javaBinary(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    IngesterCrashMain.class.getName(), broker.bootstrapServers(), topic, storeA.toString(), "3",
                    "1500", "replica-a", Integer.toString(SESSION_TIMEOUT_MS)).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("replica-a.log").toFile()).start();
            if (!a.waitFor(120, TimeUnit.SECONDS)) {
                a.destroyForcibly();
                throw new AssertionError("replica A did not halt; its log: " + log(dir.resolve("replica-a.log")));
            }
            assertEquals(IngesterCrashMain.HALTED, a.exitValue(), log(dir.resolve("replica-a.log")));
            long committedByA;
            try (DemonstrationStore a0 = DemonstrationStore.open(storeA)) {
                assertTrue(a0.uncommittedBatch().isPresent(), "A's crash left its last batch uncommitted");
                committedByA = a0.size();
            }

            // then replica B gets the partitions once A's session expires and reads the rest, A's lost batch included
            try (DemonstrationStore storeB = DemonstrationStore.open(dir.resolve("store-b"));
                    DemonstrationIngester<ExpertStep> b = new DemonstrationIngester<>(configB, StreamFixtures.STEPS,
                            StepMapper.identity(), StreamFixtures.VALIDATOR, storeB, new IngestionListener() {})) {
                b.start();
                IngestionTest.await(() -> committedOffsets(broker, configB.groupId()) == 24_000, Duration.ofSeconds(120),
                        () -> "replica B stalled at " + b.statistics());

                // and A, restarted as its StatefulSet would, takes its uncommitted batch back out of its store
                try (DemonstrationStore a1 = DemonstrationStore.open(storeA);
                        DemonstrationIngester<ExpertStep> again = new DemonstrationIngester<>(
                                replica(configB, "replica-a", SESSION_TIMEOUT_MS), StreamFixtures.STEPS,
                                StepMapper.identity(), StreamFixtures.VALIDATOR, a1, new IngestionListener() {})) {
                    again.start();
                    IngestionTest.await(() -> again.statistics().rolledBack() > 0, Duration.ofSeconds(60),
                            () -> "replica A never settled its batch: " + again.statistics());
                    assertTrue(a1.uncommittedBatch().isEmpty());
                    assertTrue(again.statistics().rolledBack() > 0 && a1.size() < committedByA,
                            "rolled back " + again.statistics().rolledBack() + " of " + committedByA);
                    int inBoth = 0;
                    int inNeither = 0;
                    for (String key : plan.validKeys()) {
                        String source = key.substring(0, key.indexOf('/'));
                        String episode = key.substring(key.indexOf('/') + 1, key.indexOf('#'));
                        int step = Integer.parseInt(key.substring(key.indexOf('#') + 1));
                        boolean inA = a1.contains(source, episode, step);
                        boolean inB = storeB.contains(source, episode, step);
                        inBoth += inA && inB ? 1 : 0;
                        inNeither += !inA && !inB ? 1 : 0;
                    }
                    assertEquals(0, inBoth, "records stored by both replicas");
                    assertEquals(0, inNeither, "valid records stored by neither");
                    assertEquals(plan.validKeys().size(), a1.size() + storeB.size());
                }
            }
            assertEquals(plan.bad(), DeadLetterReader.readAll(broker.bootstrapServers(), DeadLetter.topicFor(topic),
                    Map.of(), Duration.ofSeconds(30)).size(), "each bad record dead-lettered exactly once");
        }
    }

    /** Session timeout of the replicas: a killed static member's partitions move after it. */
    private static final int SESSION_TIMEOUT_MS = 6_000;

    /** {@code config} as one replica of several: its own transactional id (and static member id), a short session. */
    static IngesterConfig replica(IngesterConfig config, String id, int sessionTimeoutMs) {
        return config.withTransactionalId(id).withOverrides(
                Map.of(org.apache.kafka.clients.consumer.ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionTimeoutMs),
                Map.of());
    }

    @Test
    void aBrokerStoppedAndRestartedMidStreamLosesNothing(@TempDir Path dir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(
                EmbeddedKafkaBroker.options().withDataDir(dir.resolve("kafka")))) {
            String topic = "arm-outage.demonstrations";
            KafkaTopics.ensure(broker.bootstrapServers(), Map.of(), topic, 2);
            Plan plan = StreamFixtures.plan(30_000, 40, 0.02, 100, 13);
            try (DemonstrationStore store = DemonstrationStore.open(dir.resolve("store"));
                    DemonstrationIngester<ExpertStep> ingester = IngestionTest.ingester(broker.bootstrapServers(),
                            topic, store);
                    DemonstrationPublisher<Demonstration> pub = DemonstrationPublisher.forEnvelopes(
                            broker.bootstrapServers(), topic, PayloadFormat.AVRO_SINGLE_OBJECT,
                            Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000))) {
                ingester.start();
                // given a stream in progress, when the broker goes away for a few seconds mid-stream
                Thread outage = new Thread(() -> {
                    try {
                        IngestionTest.await(() -> ingester.statistics().consumed() >= 5_000, Duration.ofSeconds(120),
                                () -> "ingester never got going: " + ingester.statistics());
                        broker.stop();
                        Thread.sleep(3_000);
                        broker.restart();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "outage");
                outage.start();
                List<StreamFixtures.Planned> records = plan.records();
                for (int i = 0; i < records.size(); i++) {
                    // Sends block while the broker is away (up to max.block.ms) and resume when it is back.
                    pub.publishBytes(records.get(i).key(), records.get(i).value());
                    if (i % 500 == 499) {
                        Thread.sleep(20);
                    }
                }
                outage.join();
                assertTrue(broker.isRunning());
                pub.flush();

                // then everything arrives, once
                IngestionTest.await(() -> ingester.statistics().consumed() == records.size(), Duration.ofSeconds(180),
                        () -> "ingester stalled at " + ingester.statistics() + " (" + ingester.failure() + ")");
                IngestStatistics s = ingester.statistics();
                assertEquals(plan.validKeys().size(), s.stored());
                assertEquals(plan.duplicates(), s.duplicates());
                assertEquals(plan.bad(), s.deadLettered());
                assertEquals(plan.validKeys().size(), store.size());
                assertEquals(records.size(), pub.acknowledged());
            }
            assertEquals(plan.bad(), DeadLetterReader.readAll(broker.bootstrapServers(), DeadLetter.topicFor(topic),
                    Map.of(), Duration.ofSeconds(30)).size());
        }
    }

    private static void publish(EmbeddedKafkaBroker broker, String topic, Plan plan) throws Exception {
        try (DemonstrationPublisher<Demonstration> pub = DemonstrationPublisher.forEnvelopes(broker.bootstrapServers(),
                topic, PayloadFormat.AVRO_SINGLE_OBJECT, Map.of())) {
            IngestionTest.publish(pub, plan.records(), new HashMap<>());
        }
    }

    private static long committedOffsets(EmbeddedKafkaBroker broker, String group) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            List<Long> values = new ArrayList<>();
            offsets.values().forEach(o -> values.add(o == null ? 0 : o.offset()));
            return values.stream().mapToLong(Long::longValue).sum();
        } catch (Exception e) {
            throw new AssertionError("cannot read the committed offsets of group " + group, e);
        }
    }

    private static String log(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
