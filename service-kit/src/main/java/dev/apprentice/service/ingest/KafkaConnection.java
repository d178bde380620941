package dev.apprentice.service.ingest;

import dev.apprentice.il.stream.KafkaTopics;
import dev.apprentice.kafka.embedded.EmbeddedKafkaBroker;
import dev.apprentice.service.config.DomainSettings;
import dev.apprentice.service.config.KafkaSettings;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the service's Kafka is: an external cluster from configuration, or an in-process KRaft
 * broker started for the one-command demo. Makes sure the demonstrations topic and its
 * dead-letter topic exist.
 */
@ApplicationScoped
public class KafkaConnection {

    private final KafkaSettings kafka;
    private final DomainSettings settings;
    private EmbeddedKafkaBroker broker;
    private String bootstrapServers;

    public KafkaConnection(KafkaSettings kafka, DomainSettings settings) {
        this.kafka = kafka;
        this.settings = settings;
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
            KafkaTopics.ensureWithDeadLetters(bootstrapServers, Map.of(), settings.topic(), kafka.partitions());
        }
        return bootstrapServers;
    }

    /** The demonstrations topic. */
    public String topic() {
        return settings.topic();
    }

    /** Stops the embedded broker, if this service started one (idempotent). */
    @PreDestroy
    public synchronized void close() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
