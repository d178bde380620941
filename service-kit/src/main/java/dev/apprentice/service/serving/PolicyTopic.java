package dev.apprentice.service.serving;

import dev.apprentice.il.registry.CorruptArtefactException;
import dev.apprentice.il.registry.LoadedPolicy;
import dev.apprentice.il.registry.PolicyArtefact;
import dev.apprentice.il.stream.KafkaTopics;
import dev.apprentice.service.config.DomainSettings;
import dev.apprentice.service.config.ServingSettings;
import dev.apprentice.service.error.UnservableVersionException;
import dev.apprentice.service.ingest.KafkaConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The compacted {@code <domain>.policies} topic that carries served policies to every replica
 * without a shared disk. The training replica ({@link DomainSettings#trains()}) publishes the
 * promoted version of each model as a {@link PolicyArtefact} keyed by model id, after every
 * promotion and rollback, and once at start-up the version it serves (an older promotion when the
 * promoted artefact is corrupt); when it forgets a model, it publishes a tombstone (a null value)
 * under the model's key, which compaction eventually leaves as the key's only trace. A
 * replica that does not train (serving only, or ingesting only) reads the topic from the start: at start-up it catches up to the end before
 * taking traffic and serves the newest valid artefact of each model that no later tombstone
 * forgot; afterwards it hot-swaps as artefacts arrive and stops serving a model whose tombstone
 * arrives, without touching its own registry. An artefact that does not verify, or that this
 * service cannot serve, is refused with a logged reason and counted in
 * {@code apprentice_policy_topic_refused}; the replica keeps serving what it had.
 */
public class PolicyTopic {

    /** Largest artefact accepted and produced (a topic-level {@code max.message.bytes} too). */
    static final int MAX_ARTEFACT_BYTES = 16 * 1024 * 1024;
    /** How long start-up waits to catch up with the topic. */
    static final Duration CATCH_UP = Duration.ofSeconds(30);

    private final DomainSettings settings;
    private final boolean enabled;
    private final KafkaConnection connection;
    private final PolicyServing serving;
    private final Counter refused;
    private final Counter publishFailures;
    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread follower;
    private volatile boolean closed;

    public PolicyTopic(DomainSettings settings, ServingSettings serving, KafkaConnection connection,
            PolicyServing policies, MeterRegistry metrics) {
        this.settings = settings;
        this.enabled = serving.policyTopic();
        this.connection = connection;
        this.serving = policies;
        this.refused = Counter.builder("apprentice_policy_topic_refused").tag("domain", settings.domain().name())
                .description("Policy artefacts on the policy topic that were refused").register(metrics);
        this.publishFailures = Counter.builder("apprentice_policy_topic_publish_failures")
                .tag("domain", settings.domain().name()).description("Promotions that could not be published")
                .register(metrics);
    }

    /**
     * Starts this replica's side: a training replica republishes what its registry promotes and
     * publishes every later promotion; a serving-only replica catches up and follows.
     */
    public synchronized void start() {
        if (!enabled) {
            return;
        }
        String bootstrap = connection.bootstrapServers();
        KafkaTopics.ensure(bootstrap, Map.of(), settings.policyTopic(), 1, Map.of("cleanup.policy", "compact",
                "max.message.bytes", Integer.toString(MAX_ARTEFACT_BYTES)));
        if (settings.trains()) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_ARTEFACT_BYTES,
                    ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new ByteArraySerializer());
            serving.onPromotion(p -> publish(p.model(), p.version()));
            serving.onForget(this::publishTombstone);
            for (String model : serving.registry().models()) {
                serving.served(model).ifPresent(p -> publish(model, p.version()));
            }
            Log.infof("publishing promoted policies to %s", settings.policyTopic());
        } else {
            serving.followOtherReplicas("this replica serves from " + settings.policyTopic()
                    + " (apprentice.kafka.ingest=false or apprentice.training.enabled=false); promote and roll back on"
                    + " the training replica");
            follow(bootstrap);
        }
    }

    private void publish(String model, int version) {
        try {
            byte[] artefact = serving.registry().artefact(model, version);
            producer.send(new ProducerRecord<>(settings.policyTopic(), model, artefact), (metadata, error) -> {
                if (error != null) {
                    publishFailures.increment();
                    Log.errorf("could not publish %s v%d to %s: %s", model, version, settings.policyTopic(), error);
                }
            });
        } catch (RuntimeException e) {
            publishFailures.increment();
            Log.errorf(e, "could not publish %s v%d to %s", model, version, settings.policyTopic());
        }
    }

    private void publishTombstone(String model) {
        try {
            producer.send(new ProducerRecord<>(settings.policyTopic(), model, null), (metadata, error) -> {
                if (error != null) {
                    publishFailures.increment();
                    Log.errorf("could not publish the tombstone of %s to %s (other replicas still serve it; forget it"
                            + " again): %s", model, settings.policyTopic(), error);
                }
            });
        } catch (RuntimeException e) {
            publishFailures.increment();
            Log.errorf(e, "could not publish the tombstone of %s to %s (other replicas still serve it; forget it again)",
                    model, settings.policyTopic());
        }
    }

    private void follow(String bootstrap) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_ARTEFACT_BYTES);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, MAX_ARTEFACT_BYTES * 2);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(settings.policyTopic()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<String, ConsumerRecord<String, byte[]>> newest = new LinkedHashMap<>();
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (!caughtUp(end) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                // After catching up, each model is served from its newest valid artefact, unless a tombstone came later.
                if (isTombstone(r) || decode(r).isPresent()) {
                    newest.put(r.key(), r);
                }
            }
        }
        newest.values().forEach(this::apply);
        Log.infof("caught up with %s: serving %d models", settings.policyTopic(), serving.servedCount());
        follower = new Thread(() -> {
            try {
                while (!closed) {
                    consumer.poll(Duration.ofMillis(500)).forEach(this::apply);
                }
            } catch (WakeupException e) {
                if (!closed) {
                    throw e;
                }
            } catch (RuntimeException e) {
                Log.errorf(e, "following %s stopped", settings.policyTopic());
            } finally {
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            }
        }, settings.domain().name() + "-policy-follower");
        follower.setDaemon(true);
        follower.start();
    }

    private boolean caughtUp(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** A forgotten model's record: its key and no value. */
    private static boolean isTombstone(ConsumerRecord<String, byte[]> r) {
        return r.value() == null && r.key() != null;
    }

    private Optional<LoadedPolicy> decode(ConsumerRecord<String, byte[]> r) {
        try {
            if (r.value() == null) {
                throw new CorruptArtefactException("an empty record without a key");
            }
            LoadedPolicy received = PolicyArtefact.decode(r.value());
            serving.verify(received);
            if (!received.card().model().equals(r.key())) {
                throw new CorruptArtefactException("the record's key " + r.key() + " names another model than its card, "
                        + received.card().model());
            }
            return Optional.of(received);
        } catch (CorruptArtefactException | UnservableVersionException e) {
            refused.increment();
            Log.warnf("refused the policy artefact at %s-%d offset %d (key %s): %s; still serving %s", r.topic(),
                    r.partition(), r.offset(), r.key(), e.getMessage(),
                    serving.served(String.valueOf(r.key())).map(s -> "version " + s.version()).orElse("nothing"));
            return Optional.empty();
        }
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (isTombstone(r)) {
            serving.forgetAdopted(r.key());
        } else {
            decode(r).ifPresent(serving::adopt);
        }
    }

    /** Stops publishing and following (idempotent). */
    public synchronized void close() {
        closed = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
        if (consumer != null && follower != null) {
            consumer.wakeup();
            try {
                follower.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            follower = null;
            consumer = null;
        }
    }
}
