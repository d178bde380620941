package dev.apprentice.il.stream;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Creates the topics the data plane needs when they are missing, so a fresh cluster just works. */
public final class KafkaTopics {

    private static final long TIMEOUT_SECONDS = 30;

    private KafkaTopics() {
    }

    /**
     * Creates {@code topic} with {@code partitions} partitions and the cluster's default replication
     * unless it exists; returns its partition count.
     */
    public static int ensure(String bootstrapServers, Map<String, Object> adminOverrides, String topic, int partitions) {
        try (Admin admin = Admin.create(adminProps(bootstrapServers, adminOverrides))) {
            return ensure(admin, bootstrapServers, topic, partitions);
        }
    }

    /**
     * Creates {@code topic} with these partitions and topic configurations (e.g.
     * {@code cleanup.policy=compact}) unless it exists; returns its partition count. An existing
     * topic's configuration is left alone.
     */
    public static int ensure(String bootstrapServers, Map<String, Object> adminOverrides, String topic, int partitions,
            Map<String, String> topicConfigs) {
        try (Admin admin = Admin.create(adminProps(bootstrapServers, adminOverrides))) {
            return ensure(admin, bootstrapServers, topic, partitions, topicConfigs);
        }
    }

    /**
     * Ensures a topic and its dead-letter topic (with as many partitions) with one admin client;
     * returns the topic's partition count.
     */
    public static int ensureWithDeadLetters(String bootstrapServers, Map<String, Object> adminOverrides, String topic,
            int partitions) {
        try (Admin admin = Admin.create(adminProps(bootstrapServers, adminOverrides))) {
            int actual = ensure(admin, bootstrapServers, topic, partitions);
            ensure(admin, bootstrapServers, DeadLetter.topicFor(topic), actual);
            return actual;
        }
    }

    private static int ensure(Admin admin, String bootstrapServers, String topic, int partitions) {
        return ensure(admin, bootstrapServers, topic, partitions, Map.of());
    }

    private static int ensure(Admin admin, String bootstrapServers, String topic, int partitions,
            Map<String, String> topicConfigs) {
        try {
            Optional<Integer> existing = partitionCount(admin, topic);
            if (existing.isPresent()) {
                return existing.get();
            }
            try {
                admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()).configs(topicConfigs)))
                        .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + topic + ": " + e.getCause().getMessage(),
                            e.getCause());
                }
            }
            return partitionCount(admin, topic).orElse(partitions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + bootstrapServers + " to create topic " + topic
                    + " within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    /** The partition count of {@code topic}, or empty if it does not exist. */
    static Optional<Integer> partitionCount(Admin admin, String topic)
            throws InterruptedException, TimeoutException {
        try {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
            return Optional.of(d.partitions().size());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw new IllegalStateException("cannot describe topic " + topic + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    static Map<String, Object> adminProps(String bootstrapServers, Map<String, Object> overrides) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.putAll(overrides);
        return p;
    }
}
