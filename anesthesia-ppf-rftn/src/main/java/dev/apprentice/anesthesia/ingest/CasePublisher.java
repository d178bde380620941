package dev.apprentice.anesthesia.ingest;

import dev.apprentice.anesthesia.mapping.AnesthesiaRecords;
import dev.apprentice.anesthesia.schema.AnesthesiaDemonstration;
import dev.apprentice.il.stream.PayloadCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes an imported case in one Kafka transaction (begin, send every record, commit; abort on
 * any failure), so that a read_committed consumer such as the kit's ingester sees all of a case or
 * none of it: a half-stored case would train on an induction without its maintenance, or the
 * reverse. Records are keyed {@code clinician/episode} like every demonstration, so a segment stays
 * in one partition, in order.
 */
public final class CasePublisher implements AutoCloseable {

    private final String topic;
    private final PayloadCodec<AnesthesiaDemonstration> codec;
    private final AnesthesiaRecords records = new AnesthesiaRecords();
    private final KafkaProducer<String, byte[]> producer;

    /**
     * Connects and registers the transactional id, which aborts whatever an earlier producer with
     * the same id left open.
     *
     * @param transactionalId identifies this importer to the cluster; {@link #transactionalId} gives one per case
     * @param overrides extra producer properties (security, sizes), applied last
     */
    public CasePublisher(String bootstrapServers, String topic, PayloadCodec<AnesthesiaDemonstration> codec,
            String transactionalId, Map<String, Object> overrides) {
        this.topic = topic;
        this.codec = codec;
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        // A command-line import should fail within seconds, not a minute, when the cluster is away.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        p.putAll(overrides);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        try {
            producer.initTransactions();
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw new IllegalStateException("cannot start a transaction on " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    /**
     * The transactional id of a case's import: one per clinician and case, so that two imports of
     * the same case fence each other instead of interleaving.
     */
    public static String transactionalId(String clinicianId, String caseId) {
        return "apprentice-anesthesia-import-" + clinicianId + "/" + caseId;
    }

    /**
     * Publishes every record of the case and commits; returns the records committed.
     *
     * @throws IllegalStateException if any send or the commit failed; the transaction is then
     *     aborted and no record of the case becomes visible to read_committed consumers
     */
    public int publish(ImportedCase c) {
        try {
            producer.beginTransaction();
            List<Future<RecordMetadata>> sent = new ArrayList<>(c.records().size());
            for (AnesthesiaDemonstration r : c.records()) {
                sent.add(producer.send(new ProducerRecord<>(topic, records.episodeKey(r), codec.encode(r))));
            }
            producer.flush();
            Throwable first = null;
            int failed = 0;
            for (Future<RecordMetadata> f : sent) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    // Once one send fails the producer fails the transaction's pending sends too, with
                    // the same cause: report the cause once, and how many records it took down.
                    first = first == null ? e.getCause() : first;
                    failed++;
                }
            }
            if (first != null) {
                throw new IllegalStateException(failed + " of " + sent.size() + " records failed: " + first.getMessage(),
                        first);
            }
            producer.commitTransaction();
            return sent.size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort(e);
            throw new IllegalStateException("case " + c.caseId() + " not published (interrupted); its transaction was"
                    + " aborted", e);
        } catch (RuntimeException e) {
            abort(e);
            throw new IllegalStateException("case " + c.caseId() + " not published, its transaction was aborted and no"
                    + " record of it is visible: " + e.getMessage(), e);
        }
    }

    /**
     * Aborts the open transaction. After a fatal error (this producer fenced by a newer import of
     * the case) abort itself fails; the transaction is then aborted by the cluster, when the newer
     * producer registers or when the transaction times out, so read_committed readers never see it.
     */
    private void abort(Exception cause) {
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
