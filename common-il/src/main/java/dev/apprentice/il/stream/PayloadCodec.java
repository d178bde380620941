package dev.apprentice.il.stream;

/**
 * Turns a record value into the bytes of a Kafka record and back: the one seam where the wire
 * format is chosen ({@link PayloadFormat}), so publisher, ingester and serdes never depend on it.
 *
 * @param <T> the record type
 */
public interface PayloadCodec<T> {

    /** Encodes a value; never null. */
    byte[] encode(T value);

    /**
     * Decodes bytes written by {@link #encode} (or by an older version of the schema).
     *
     * @throws PayloadException with a reason fit for a dead-letter header when the bytes cannot be
     *     decoded
     */
    T decode(byte[] bytes);

    /** The format's name, as configured ({@code avro-single-object}, {@code avro-json}). */
    String format();
}
