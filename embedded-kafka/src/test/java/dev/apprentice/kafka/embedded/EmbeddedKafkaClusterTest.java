package dev.apprentice.kafka.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three broker processes, one of them SIGKILLed while records stream in: what a scale-out deployment
 * relies on. Prints start-up, failover and memory figures with the prefix {@code [cluster]}.
 */
class EmbeddedKafkaClusterTest {

    private static final int PARTITIONS = 6;
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    /** Kept when a test fails, so that the node logs named in its message can still be read. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;

    private static EmbeddedKafkaCluster cluster;
    private static Admin admin;

    @BeforeAll
    static void startCluster() {
        long t0 = System.nanoTime();
        cluster = EmbeddedKafkaCluster.start(3, dir);
        report("start-up of 3 nodes: %d ms", millisSince(t0));
        reportMemory("after start-up");
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        admin = Admin.create(p);
    }

    @AfterAll
    static void stopCluster() {
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            long t0 = System.nanoTime();
            cluster.close();
            report("close (graceful stop of every node): %d ms", millisSince(t0));
        }
    }

    @BeforeEach
    void everyNodeRuns() {
        for (int id = 1; id <= cluster.size(); id++) {
            if (!cluster.isAlive(id)) {
                cluster.restart(id);
            }
        }
    }

    @Test
    void keepsEveryAcknowledgedRecordOnceAndInOrderWhenALeaderIsKilled() throws Exception {
        // given a replicated topic with records streaming in and a reader following them
        String topic = "orders";
        createTopic(topic);
        int victim = leaderOf(topic, 0);
        List<Integer> victimPartitions = partitionsLedBy(topic, victim);
        assertTrue(victimPartitions.contains(0), "node " + victim + " leads partition 0: " + victimPartitions);
        StreamingProducer producer = new StreamingProducer(topic, victimPartitions);
        CommittedReader reader = new CommittedReader(topic, "read_uncommitted");
        producer.start();
        reader.start();
        awaitTrue(() -> producer.acked.get() >= 1_200, "1200 records acknowledged before the kill");

        // when the leader of partition 0 dies mid-stream
        long killedAt = System.nanoTime();
        cluster.kill(victim);
        producer.sendsCountFrom(System.nanoTime());
        awaitTrue(() -> producer.firstAckAfterKill.get() != 0, "an acks=all write to a partition node "
                + victim + " led");
        report("failover (kill of node %d to first acks=all write to a partition it led): %d ms", victim,
                (producer.firstAckAfterKill.get() - killedAt) / 1_000_000);
        awaitTrue(() -> everyLeaderAvoids(topic, victim), "leaders moved off node " + victim);
        report("leaders moved off node %d after %d ms", victim, millisSince(killedAt));
        long ackedWithTwo = producer.acked.get();
        awaitTrue(() -> producer.acked.get() >= ackedWithTwo + 1_200, "1200 more records with 2 of 3 nodes");
        assertTrue(everyIsrHas(topic, 2),
                "every partition in sync on the 2 live nodes: " + partitions(topic));

        // and it comes back
        long restartedAt = System.nanoTime();
        cluster.restart(victim);
        report("restart of node %d until it serves: %d ms", victim, millisSince(restartedAt));
        awaitTrue(() -> everyIsrHas(topic, 3), "node " + victim + " back in every ISR");
        report("node %d back in every ISR %d ms after its restart", victim, millisSince(restartedAt));
        reportMemory("after the restart");
        producer.finish();

        // then every acknowledged record is read once, in the order it was sent, partition by partition
        assertEquals(List.of(), List.copyOf(producer.failures), "no send failed");
        awaitTrue(() -> reader.count() >= producer.acked.get(), producer.acked.get() + " records read");
        reader.finish();
        for (int p = 0; p < PARTITIONS; p++) {
            assertEquals(expectedValues(p, producer.sentTo(p)), reader.values(p), "partition " + p);
        }
    }

    @Test
    void commitsTransactionsExactlyOnceAcrossAKilledTransactionCoordinator() throws Exception {
        // given a transactional writer and a read_committed reader
        String topic = "ledger";
        createTopic(topic);
        TransactionalWriter writer = new TransactionalWriter(topic);
        CommittedReader reader = new CommittedReader(topic, "read_committed");
        writer.start();
        reader.start();
        awaitTrue(() -> writer.committed.get() >= 20, "20 transactions committed before the kill");
        int coordinator = leaderOf("__transaction_state", 0);

        // when the node holding the transaction coordinator dies mid-stream
        long killedAt = System.nanoTime();
        cluster.kill(coordinator);
        writer.transactionsCountFrom(System.nanoTime());
        awaitTrue(() -> writer.firstCommitAfterKill.get() != 0, "a transaction begun after the kill commits");
        report("transaction failover (kill of coordinator node %d to the first commit of a transaction begun"
                + " after it): %d ms, %d aborted and retried", coordinator,
                (writer.firstCommitAfterKill.get() - killedAt) / 1_000_000, writer.aborted.get());
        long committedWithTwo = writer.committed.get();
        awaitTrue(() -> writer.committed.get() >= committedWithTwo + 20, "20 more transactions with 2 of 3 nodes");
        assertNotEquals(coordinator, leaderOf("__transaction_state", 0), "the coordinator moved");
        cluster.restart(coordinator);
        awaitTrue(() -> everyIsrHas(topic, 3), "node " + coordinator + " back in every ISR");
        writer.finish();

        // then read_committed sees every committed record once and in order, and nothing aborted
        assertEquals(List.of(), List.copyOf(writer.failures), "no transaction failed for good");
        long expected = (long) writer.committed.get() * PARTITIONS * TransactionalWriter.PER_PARTITION;
        awaitTrue(() -> reader.count() >= expected, expected + " committed records read");
        reader.finish();
        for (int p = 0; p < PARTITIONS; p++) {
            assertEquals(expectedValues(p, writer.committed.get() * TransactionalWriter.PER_PARTITION),
                    reader.values(p), "partition " + p);
        }
    }

    @Test
    void rejectsNodeIdsOutsideTheCluster() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cluster.kill(4));
        assertEquals("embedded Kafka cluster: node ids are 1..3, found 4", e.getMessage());
    }

    /** Sends one record to every partition in turn, acks=all and idempotent, until finished. */
    private static final class StreamingProducer extends Thread {
        final AtomicLong acked = new AtomicLong();
        final AtomicLong firstAckAfterKill = new AtomicLong();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final String topic;
        private final List<Integer> watched;
        private final AtomicBoolean finishing = new AtomicBoolean();
        private final long[] sent = new long[PARTITIONS];
        private volatile long countFrom = Long.MAX_VALUE;

        StreamingProducer(String topic, List<Integer> watched) {
            super("streaming-producer");
            this.topic = topic;
            this.watched = watched;
        }

        /** From {@code nanoTime} on, the first acknowledged send to a watched partition is timed. */
        void sendsCountFrom(long nanoTime) {
            countFrom = nanoTime;
        }

        long sentTo(int partition) {
            return sent[partition];
        }

        void finish() throws InterruptedException {
            finishing.set(true);
            join();
        }

        @Override
        public void run() {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                    new StringSerializer())) {
                while (!finishing.get()) {
                    for (int partition = 0; partition < PARTITIONS; partition++) {
                        long sentAt = System.nanoTime();
                        boolean timed = watched.contains(partition) && sentAt > countFrom;
                        int target = partition;
                        producer.send(new ProducerRecord<>(topic, partition, null, partition + "-" + sent[partition]),
                                (metadata, e) -> {
                                    if (e != null) {
                                        failures.add("partition " + target + ": " + e);
                                    } else {
                                        acked.incrementAndGet();
                                        if (timed) {
                                            firstAckAfterKill.compareAndSet(0, System.nanoTime());
                                        }
                                    }
                                });
                        sent[partition]++;
                    }
                    Thread.sleep(4);
                }
                producer.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Writes transactions of {@link #PER_PARTITION} records to every partition; aborts and retries on abortable errors. */
    private static final class TransactionalWriter extends Thread {
        static final int PER_PARTITION = 5;
        final AtomicInteger committed = new AtomicInteger();
        final AtomicInteger aborted = new AtomicInteger();
        final AtomicLong firstCommitAfterKill = new AtomicLong();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final String topic;
        private final AtomicBoolean finishing = new AtomicBoolean();
        private volatile long countFrom = Long.MAX_VALUE;

        TransactionalWriter(String topic) {
            super("transactional-writer");
            this.topic = topic;
        }

        void transactionsCountFrom(long nanoTime) {
            countFrom = nanoTime;
        }

        void finish() throws InterruptedException {
            finishing.set(true);
            join();
        }

        @Override
        public void run() {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "ledger-writer");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                    new StringSerializer())) {
                producer.initTransactions();
                while (!finishing.get()) {
                    long begunAt = System.nanoTime();
                    int batch = committed.get();
                    try {
                        producer.beginTransaction();
                        for (int partition = 0; partition < PARTITIONS; partition++) {
                            for (int i = 0; i < PER_PARTITION; i++) {
                                long seq = (long) batch * PER_PARTITION + i;
                                producer.send(new ProducerRecord<>(topic, partition, null, partition + "-" + seq));
                            }
                        }
                        producer.commitTransaction();
                        committed.incrementAndGet();
                        if (begunAt > countFrom) {
                            firstCommitAfterKill.compareAndSet(0, System.nanoTime());
                        }
                    } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
                        failures.add("batch " + batch + ": " + e);
                        return;
                    } catch (KafkaException e) {
                        // The same batch goes again; read_committed readers never see the aborted copy.
                        producer.abortTransaction();
                        aborted.incrementAndGet();
                    }
                }
            } catch (RuntimeException e) {
                failures.add(e.toString());
            }
        }
    }

    /** Reads every partition from the start, without a consumer group, at the given isolation level. */
    private static final class CommittedReader extends Thread {
        private final String topic;
        private final String isolation;
        private final Map<Integer, List<String>> values = new ConcurrentHashMap<>();
        private final AtomicLong count = new AtomicLong();
        private final AtomicBoolean finishing = new AtomicBoolean();

        CommittedReader(String topic, String isolation) {
            super("reader-" + topic);
            this.topic = topic;
            this.isolation = isolation;
            IntStream.range(0, PARTITIONS).forEach(p -> values.put(p, Collections.synchronizedList(new ArrayList<>())));
        }

        long count() {
            return count.get();
        }

        List<String> values(int partition) {
            return List.copyOf(values.get(partition));
        }

        void finish() throws InterruptedException {
            finishing.set(true);
            join();
        }

        @Override
        public void run() {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                    new StringDeserializer())) {
                List<TopicPartition> all = IntStream.range(0, PARTITIONS).mapToObj(i -> new TopicPartition(topic, i))
                        .toList();
                consumer.assign(all);
                consumer.seekToBeginning(all);
                while (!finishing.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        values.get(r.partition()).add(r.value());
                        count.incrementAndGet();
                    }
                }
            }
        }
    }

    private static List<String> expectedValues(int partition, long count) {
        return IntStream.range(0, (int) count).mapToObj(i -> partition + "-" + i).collect(Collectors.toList());
    }

    private static void createTopic(String topic) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 3)
                .configs(Map.of("min.insync.replicas", "2")))).all().get();
        awaitTrue(() -> everyIsrHas(topic, 3), topic + " fully replicated");
    }

    /** The topic's partitions, none while the broker asked has not heard of the topic yet. */
    private static List<TopicPartitionInfo> partitions(String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return List.of();
            }
            throw new IllegalStateException("cannot describe " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + topic, e);
        }
    }

    private static int leaderOf(String topic, int partition) throws InterruptedException {
        int[] leader = {-1};
        awaitTrue(() -> (leader[0] = leaders(topic).getOrDefault(partition, -1)) != -1,
                topic + "-" + partition + " has a leader");
        return leader[0];
    }

    /** Partition → leader id (-1 where there is none). */
    private static Map<Integer, Integer> leaders(String topic) {
        Map<Integer, Integer> leaders = new TreeMap<>();
        for (TopicPartitionInfo pi : partitions(topic)) {
            leaders.put(pi.partition(), pi.leader() == null ? -1 : pi.leader().id());
        }
        return leaders;
    }

    private static List<Integer> partitionsLedBy(String topic, int node) {
        return leaders(topic).entrySet().stream().filter(e -> e.getValue() == node).map(Map.Entry::getKey).toList();
    }

    private static boolean everyLeaderAvoids(String topic, int node) {
        Map<Integer, Integer> leaders = leaders(topic);
        return !leaders.isEmpty() && leaders.values().stream().allMatch(l -> l != node && l != -1);
    }

    private static boolean everyIsrHas(String topic, int size) {
        List<TopicPartitionInfo> partitions = partitions(topic);
        return !partitions.isEmpty()
                && partitions.stream().allMatch(pi -> pi.leader() != null && pi.isr().size() == size);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertFalse(System.nanoTime() > deadline, "waited " + PATIENCE.toSeconds() + " s for: " + what
                    + " (node logs: " + dir + "/node-*/node.log)");
            Thread.sleep(50);
        }
    }

    private static void reportMemory(String when) {
        String rss = IntStream.rangeClosed(1, cluster.size())
                .mapToObj(id -> "node " + id + " " + cluster.residentBytes(id).orElse(-1) / (1024 * 1024) + " MB")
                .collect(Collectors.joining(", "));
        report("resident memory %s: %s", when, rss);
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static void report(String format, Object... args) {
        System.out.printf("[cluster] " + format + "%n", args);
    }
}
