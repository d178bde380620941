package dev.apprentice.il.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record the ingester could not store, as kept in {@code <topic>.dlq}: the original key and
 * value bytes untouched, and headers saying why, at which stage, and where it came from, so it
 * can be inspected, fixed and replayed.
 *
 * @param originTopic the topic it was read from
 * @param originPartition its partition there
 * @param originOffset its offset there
 * @param stage where it failed: {@code decode}, {@code map}, {@code validate}, or {@code store} (the
 *     store refused the step: it contradicts its episode's terminal step)
 * @param reason what was wrong
 * @param failedAt when the ingester gave up on it
 * @param key the original key bytes, or null
 * @param value the original value bytes, or null
 */
public record DeadLetter(String originTopic, int originPartition, long originOffset, String stage, String reason,
        Instant failedAt, byte[] key, byte[] value) {

    /** Header: why the record was dead-lettered. */
    public static final String REASON = "apprentice.dlq.reason";
    /** Header: the stage that failed. */
    public static final String STAGE = "apprentice.dlq.stage";
    /** Header: the original topic. */
    public static final String TOPIC = "apprentice.dlq.topic";
    /** Header: the original partition (decimal). */
    public static final String PARTITION = "apprentice.dlq.partition";
    /** Header: the original offset (decimal). */
    public static final String OFFSET = "apprentice.dlq.offset";
    /** Header: when it was dead-lettered (ISO-8601). */
    public static final String FAILED_AT = "apprentice.dlq.failed-at";

    /** The dead-letter topic of a source topic. */
    public static String topicFor(String sourceTopic) {
        return sourceTopic + ".dlq";
    }

    /** The dead-letter record for a consumed record, keeping its original headers after ours. */
    static ProducerRecord<byte[], byte[]> of(ConsumerRecord<byte[], byte[]> r, String stage, String reason) {
        Headers h = new RecordHeaders();
        h.add(REASON, utf8(reason));
        h.add(STAGE, utf8(stage));
        h.add(TOPIC, utf8(r.topic()));
        h.add(PARTITION, utf8(Integer.toString(r.partition())));
        h.add(OFFSET, utf8(Long.toString(r.offset())));
        h.add(FAILED_AT, utf8(Instant.now().toString()));
        for (Header original : r.headers()) {
            h.add(original);
        }
        return new ProducerRecord<>(topicFor(r.topic()), null, r.key(), r.value(), h);
    }

    /**
     * Reads a record of a dead-letter topic.
     *
     * @throws IllegalArgumentException if a header the ingester always writes is missing
     */
    public static DeadLetter from(ConsumerRecord<byte[], byte[]> r) {
        Headers h = r.headers();
        return new DeadLetter(header(h, TOPIC), Integer.parseInt(header(h, PARTITION)),
                Long.parseLong(header(h, OFFSET)), header(h, STAGE), header(h, REASON),
                Instant.parse(header(h, FAILED_AT)), r.key(), r.value());
    }

    private static String header(Headers h, String name) {
        Header v = h.lastHeader(name);
        if (v == null) {
            throw new IllegalArgumentException("dead letter: header " + name + " is missing");
        }
        return new String(v.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
