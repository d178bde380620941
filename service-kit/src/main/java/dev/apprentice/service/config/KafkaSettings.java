package dev.apprentice.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where Kafka is and how the service uses it ({@code apprentice.kafka.*}). */
@ConfigMapping(prefix = "apprentice.kafka")
public interface KafkaSettings {

    /** Bootstrap servers of an existing cluster; ignored when {@link #embedded()} is true. */
    Optional<String> bootstrapServers();

    /** Start an in-process single-node KRaft broker (the one-command demo). */
    @WithDefault("false")
    boolean embedded();

    /** Port of the embedded broker (0: a free port). */
    @WithDefault("0")
    int embeddedPort();

    /** Data directory of the embedded broker (unset: a temporary directory deleted on exit). */
    Optional<String> embeddedDataDir();

    /** The demonstrations topic; unset: {@code <domain>.demonstrations}. */
    Optional<String> topic();

    /** The compacted policy topic; unset: {@code <domain>.policies}. */
    Optional<String> policyTopic();

    /** Partitions of the demonstrations topic when the service creates it. */
    @WithDefault("3")
    int partitions();

    /** Consumer group of the ingester; unset: {@code <domain>-ingest}. */
    Optional<String> groupId();

    /** Transactional id of the ingester, unique per ingesting replica; unset: {@code <domain>-ingest-0}. */
    Optional<String> transactionalId();

    /** Wire format of the demonstrations topic: {@code avro-single-object} or {@code avro-json}. */
    @WithDefault("avro-single-object")
    String payloadFormat();

    /**
     * The ingester's consumer session timeout: how long the partitions of an ingesting replica that
     * crashed wait for it (static membership: a replica restarted within it takes them back at once)
     * before they move to another replica of the group. Between the broker's
     * {@code group.min.session.timeout.ms} and {@code group.max.session.timeout.ms} (6 s and 30 min by default).
     */
    @WithDefault("45s")
    Duration sessionTimeout();

    /**
     * Whether this replica ingests demonstrations (a serving-only replica sets false); it also trains
     * unless {@code apprentice.training.enabled=false}.
     */
    @WithDefault("true")
    boolean ingest();
}
