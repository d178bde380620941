package dev.apprentice.service.ingest;

import dev.apprentice.il.stream.KafkaTopics;
import dev.apprentice.kafka.embedded.EmbeddedKafkaBroker;
import dev.apprentice.service.config.DomainSettings;
import dev.apprentice.service.config.KafkaSettings;
import io.quarkus.logging.Log;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the service's Kafka is: an external cluster from configuration, or an in-process KRaft
 * broker started for the one-command demo. Makes sure every hosted domain's demonstrations topic
 * and its dead-letter topic exist. One connection serves all the domains of a service.
 */
public class KafkaConnection {

    private final KafkaSettings kafka;
    private final List<String> topics;
    private EmbeddedKafkaBroker broker;
    private String bootstrapServers;

    /** A connection for one domain's demonstrations topic. */
    public KafkaConnection(KafkaSettings kafka, DomainSettings settings) {
        this(kafka, List.of(settings.topic()));
    }

    /** A connection that ensures each of these demonstrations topics. */
    public KafkaConnection(KafkaSettings kafka, List<String> topics) {
        this.kafka = kafka;
        this.topics = List.copyOf(topics);
    }

    /** Connects (starting the embedded broker if configured) and creates the topics; idempotent. */
    public synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            if (kafka.embedded()) {
                EmbeddedKafkaBroker.Options options = EmbeddedKafkaBroker.options().withPort(kafka.embeddedPort());
                if (kafka.embeddedDataDir().isPresent()) {
                    options = options.withDataDir(Path.of(kafka.embeddedDataDir().get()));
                }
                broker = EmbeddedKafkaBroker.start(options);
                Log.infof("embedded Kafka broker listening on %s", broker.bootstrapServers());
                bootstrapServers = broker.bootstrapServers();
            } else {
                bootstrapServers = kafka.bootstrapServers().orElseThrow(() -> new IllegalArgumentException(
                        "apprentice.kafka.bootstrap-servers: expected host:port of a Kafka cluster (or set"
                                + " apprentice.kafka.embedded=true)"));
            }
            for (String topic : topics) {
                KafkaTopics.ensureWithDeadLetters(bootstrapServers, Map.of(), topic, kafka.partitions());
            }
        }
        return bootstrapServers;
    }

    /**
     * The demonstrations topic of a service hosting one domain.
     *
     * @throws IllegalStateException when the connection serves several domains' topics
     */
    public String topic() {
        if (topics.size() != 1) {
            throw new IllegalStateException("this connection serves the topics " + topics + "; ask a domain's settings"
                    + " for its topic");
        }
        return topics.get(0);
    }

    /** Stops the embedded broker, if this service started one (idempotent). */
    public synchronized void close() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
