package dev.apprentice.il.stream;

import java.time.Duration;
import java.util.Map;

/**
 * How an ingester reads its topic and when it makes a batch durable. A batch is flushed to the
 * store and committed when it holds {@code flushRecords} records or is {@code flushInterval} old,
 * whichever comes first: larger batches amortise the fsync and the transaction commit.
 *
 * @param bootstrapServers the Kafka cluster
 * @param topic the demonstrations topic; bad records go to {@code <topic>.dlq}
 * @param groupId the consumer group
 * @param transactionalId the id of the producer that writes dead letters and commits offsets in one
 *     transaction, also the consumer's static group membership id; must be stable across restarts
 *     of one ingester (a restart fences its zombie and takes its partitions back at once) and
 *     unique among concurrent ingesters
 * @param maxPollRecords upper bound on records per poll
 * @param flushRecords records per durable batch
 * @param flushInterval the longest a record waits before its batch is flushed
 * @param pollTimeout how long one poll waits for records
 * @param consumerOverrides extra consumer properties (security, fetch sizes), applied last
 * @param producerOverrides extra producer properties, applied last
 */
public record IngesterConfig(String bootstrapServers, String topic, String groupId, String transactionalId,
        int maxPollRecords, int flushRecords, Duration flushInterval, Duration pollTimeout,
        Map<String, Object> consumerOverrides, Map<String, Object> producerOverrides) {

    public IngesterConfig {
        requireText(bootstrapServers, "bootstrapServers");
        requireText(topic, "topic");
        requireText(groupId, "groupId");
        requireText(transactionalId, "transactionalId");
        if (maxPollRecords < 1 || flushRecords < 1) {
            throw new IllegalArgumentException("ingester: maxPollRecords and flushRecords must be at least 1, found "
                    + maxPollRecords + " and " + flushRecords);
        }
        if (flushInterval == null || flushInterval.isNegative() || flushInterval.isZero()
                || pollTimeout == null || pollTimeout.isNegative() || pollTimeout.isZero()) {
            throw new IllegalArgumentException("ingester: flushInterval and pollTimeout must be positive, found "
                    + flushInterval + " and " + pollTimeout);
        }
        consumerOverrides = Map.copyOf(consumerOverrides);
        producerOverrides = Map.copyOf(producerOverrides);
    }

    /**
     * Defaults: group {@code apprentice-ingest-<topic>}, 2,000 records per poll, batches of 50,000
     * records or 500 ms, 100 ms polls. A batch costs one fsync and one Kafka transaction (about
     * 5 and 9 ms on the embedded broker), so batches of 10,000 spent a third of the time committing.
     */
    public static IngesterConfig defaults(String bootstrapServers, String topic) {
        String group = "apprentice-ingest-" + topic;
        return new IngesterConfig(bootstrapServers, topic, group, group + "-0", 2000, 50_000,
                Duration.ofMillis(500), Duration.ofMillis(100), Map.of(), Map.of());
    }

    /** This config with another group (and the matching transactional id). */
    public IngesterConfig withGroupId(String group) {
        return new IngesterConfig(bootstrapServers, topic, group, group + "-0", maxPollRecords, flushRecords,
                flushInterval, pollTimeout, consumerOverrides, producerOverrides);
    }

    /** This config with another transactional id, e.g. the pod name of one of several replicas. */
    public IngesterConfig withTransactionalId(String id) {
        return new IngesterConfig(bootstrapServers, topic, groupId, id, maxPollRecords, flushRecords, flushInterval,
                pollTimeout, consumerOverrides, producerOverrides);
    }

    /** This config with other batch bounds. */
    public IngesterConfig withBatching(int newMaxPollRecords, int newFlushRecords, Duration newFlushInterval) {
        return new IngesterConfig(bootstrapServers, topic, groupId, transactionalId, newMaxPollRecords, newFlushRecords,
                newFlushInterval, pollTimeout, consumerOverrides, producerOverrides);
    }

    /** This config with extra consumer and producer properties. */
    public IngesterConfig withOverrides(Map<String, Object> consumer, Map<String, Object> producer) {
        return new IngesterConfig(bootstrapServers, topic, groupId, transactionalId, maxPollRecords, flushRecords,
                flushInterval, pollTimeout, consumer, producer);
    }

    /** The dead-letter topic. */
    public String deadLetterTopic() {
        return DeadLetter.topicFor(topic);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("ingester: " + field + " must not be empty");
        }
    }
}
