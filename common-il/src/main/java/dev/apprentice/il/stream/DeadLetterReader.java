package dev.apprentice.il.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a dead-letter topic from the beginning to its current end, without joining a consumer
 * group, for inspection (the CLI's {@code dlq} command) and for tests. Only committed dead letters
 * are read: those of an aborted ingester batch are written again when the batch is replayed.
 */
public final class DeadLetterReader {

    private DeadLetterReader() {
    }

    /**
     * Every dead letter currently in {@code dlqTopic}, partitions interleaved as they are read.
     *
     * @throws IllegalStateException if the end is not reached within {@code timeout}
     */
    public static List<DeadLetter> readAll(String bootstrapServers, String dlqTopic, Map<String, Object> overrides,
            Duration timeout) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        p.putAll(overrides);
        List<DeadLetter> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = c.partitionsFor(dlqTopic, timeout);
            if (infos == null || infos.isEmpty()) {
                return out;
            }
            List<TopicPartition> parts = infos.stream().map(i -> new TopicPartition(dlqTopic, i.partition()))
                    .sorted((a, b) -> Integer.compare(a.partition(), b.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reachedEnd(c, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + dlqTopic + ": end not reached within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    out.add(DeadLetter.from(r));
                }
            }
        }
        return out;
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> c, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (c.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
