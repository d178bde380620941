package dev.apprentice.il.stream;

import dev.apprentice.il.stream.schema.Demonstration;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes expert demonstrations to a topic with an idempotent producer ({@code acks=all},
 * retries without duplicates or reordering). Records are keyed by episode, so all steps of an
 * episode land in one partition, in order.
 *
 * @param <T> the record type of the topic
 */
public final class DemonstrationPublisher<T> implements AutoCloseable {

    private final String topic;
    private final PayloadCodec<T> codec;
    private final Function<T, String> episodeKey;
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<Exception> firstError = new AtomicReference<>();

    /**
     * @param bootstrapServers the Kafka cluster
     * @param topic the demonstrations topic
     * @param codec encodes record values
     * @param episodeKey the record's episode key, e.g. {@code source/episode}
     * @param overrides extra producer properties (security, linger), applied last
     */
    public DemonstrationPublisher(String bootstrapServers, String topic, PayloadCodec<T> codec,
            Function<T, String> episodeKey, Map<String, Object> overrides) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.episodeKey = Objects.requireNonNull(episodeKey, "episodeKey");
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        p.putAll(overrides);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** A publisher of the generic {@link Demonstration} envelope in the given format. */
    public static DemonstrationPublisher<Demonstration> forEnvelopes(String bootstrapServers, String topic,
            PayloadFormat format, Map<String, Object> overrides) {
        return new DemonstrationPublisher<>(bootstrapServers, topic, format.codecFor(Demonstration.class),
                d -> episodeKey(d.getSource(), d.getEpisode()), overrides);
    }

    /** The key that keeps an episode in one partition. */
    public static String episodeKey(String source, String episode) {
        return source + "/" + episode;
    }

    /** Sends a record; the future completes when every in-sync replica has it. */
    public Future<RecordMetadata> publish(T value) {
        return publishBytes(episodeKey.apply(value), codec.encode(value));
    }

    /**
     * Sends bytes as they are, under an episode key: for replaying dead letters and for tests that
     * need records no codec would write.
     */
    public Future<RecordMetadata> publishBytes(String key, byte[] value) {
        return producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
            if (error == null) {
                acknowledged.incrementAndGet();
            } else {
                firstError.compareAndSet(null, error);
            }
        });
    }

    /**
     * Waits until everything sent so far is acknowledged.
     *
     * @throws IllegalStateException if any send failed, with the first failure as cause
     */
    public void flush() {
        producer.flush();
        Exception e = firstError.get();
        if (e != null) {
            throw new IllegalStateException("publishing to " + topic + " failed: " + e.getMessage(), e);
        }
    }

    /** Records the cluster has acknowledged. */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Flushes, then closes the producer. */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            producer.close(Duration.ofSeconds(30));
        }
    }
}
