package dev.apprentice.il.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The compacted topic {@code <topic>.ledger} where each ingester writes, inside the transaction that
 * commits a batch's offsets, the id of the batch its store flushed, keyed by its transactional id.
 * A record there is visible to read-committed readers exactly when the batch's offsets were
 * committed, so an ingester that restarts with an {@link dev.apprentice.il.store.UncommittedBatch}
 * in its store can tell whether to keep the steps or take them out (another replica read them
 * again). One partition; compaction keeps one record per ingester.
 */
public final class IngestLedger {

    /** Appended to the demonstrations topic's name. */
    public static final String SUFFIX = ".ledger";

    /** The ledger's topic configuration: compacted, and compacted soon, so a start reads a few records. */
    public static final Map<String, String> TOPIC_CONFIG = Map.of("cleanup.policy", "compact", "segment.ms", "3600000",
            "min.cleanable.dirty.ratio", "0.1");

    private IngestLedger() {
    }

    /** The ledger of a demonstrations topic. */
    public static String topicFor(String topic) {
        return topic + SUFFIX;
    }

    /** Creates the ledger of {@code topic} unless it exists. */
    public static void ensure(String bootstrapServers, Map<String, Object> adminOverrides, String topic) {
        KafkaTopics.ensure(bootstrapServers, adminOverrides, topicFor(topic), 1, TOPIC_CONFIG);
    }

    /** The receipt to send in the batch's transaction. */
    static ProducerRecord<byte[], byte[]> receipt(String topic, String transactionalId, String batchId) {
        return new ProducerRecord<>(topicFor(topic), transactionalId.getBytes(StandardCharsets.UTF_8),
                batchId.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The last batch id committed under {@code transactionalId}, reading the ledger to its end with
     * read-committed isolation; empty when it has none. Call it after the producer with that id has
     * initialised its transactions, which completes or aborts whatever a previous run left open.
     *
     * @throws IllegalStateException when the ledger cannot be read to its end within {@code timeout}
     */
    public static Optional<String> lastCommitted(String bootstrapServers, Map<String, Object> consumerOverrides,
            String topic, String transactionalId, Duration timeout) {
        String ledger = topicFor(topic);
        Map<String, Object> p = new HashMap<>(consumerOverrides);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, transactionalId + "-ledger");
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        byte[] key = transactionalId.getBytes(StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(ledger, timeout)) {
                partitions.add(new TopicPartition(ledger, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // With read_committed, the end offsets are the last stable offsets: no open transaction hides a receipt.
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            String last = null;
            while (!caughtUp(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read the ingest ledger " + ledger + " to its end within "
                            + timeout.toSeconds() + " s at " + bootstrapServers);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() != null && Arrays.equals(key, r.key())) {
                        last = r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8);
                    }
                }
            }
            return Optional.ofNullable(last);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new IllegalStateException("cannot read the ingest ledger " + ledger + " at " + bootstrapServers
                    + " within " + timeout.toSeconds() + " s: " + e.getMessage(), e);
        }
    }

    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
