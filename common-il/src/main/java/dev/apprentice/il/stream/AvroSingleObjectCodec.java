package dev.apprentice.il.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import dev.apprentice.il.stream.schema.AvroModels;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding: a two-byte marker {@code C3 01}, the writer schema's 8-byte
 * CRC-64-AVRO fingerprint, then the binary record. No schema registry is needed: the decoder knows
 * every shipped version of the schema ({@link SchemaHistory}) and resolves older records into the
 * current class, filling defaults.
 *
 * @param <T> the generated record class
 */
public final class AvroSingleObjectCodec<T extends SpecificRecord> implements PayloadCodec<T> {

    /** The configuration name of this format. */
    public static final String FORMAT = "avro-single-object";

    private static final int HEADER_BYTES = 10;
    /** A decoder per thread, re-pointed at each record: allocating one per record cost a fifth of decoding. */
    private static final ThreadLocal<BinaryDecoder> REUSABLE_DECODER = new ThreadLocal<>();

    private final Class<T> recordClass;
    private final SchemaHistory history;
    private final BinaryMessageEncoder<T> encoder;
    /** One resolving reader per shipped version, by the version's fingerprint. */
    private final Map<Long, VersionReader<T>> readers = new HashMap<>();

    /**
     * @param recordClass the generated class; its schema must be the newest version in {@code history}
     * @param history every shipped version of the schema
     * @throws IllegalArgumentException if the class's schema is not the newest version, or cannot
     *     read an older one
     */
    public AvroSingleObjectCodec(Class<T> recordClass, SchemaHistory history) {
        Schema current = AvroModels.schemaOf(recordClass);
        // Compared by fingerprint, the identity on the wire: the generated schema carries Java-only
        // properties (avro.java.string) that the shipped files do not.
        if (SchemaNormalization.parsingFingerprint64(current) != SchemaNormalization.parsingFingerprint64(history.latest())) {
            throw new IllegalArgumentException(recordClass.getName() + ": the generated schema differs from the newest"
                    + " shipped version v" + history.versions().size() + "; add it as v"
                    + (history.versions().size() + 1) + ".avsc under " + SchemaHistory.RESOURCE_ROOT
                    + history.fullName() + "/");
        }
        history.checkReadableBy(current);
        SpecificData model = AvroModels.modelFor(recordClass);
        this.recordClass = recordClass;
        this.history = history;
        this.encoder = new BinaryMessageEncoder<>(model, current);
        for (int v = 0; v < history.versions().size(); v++) {
            Schema writer = history.versions().get(v);
            readers.put(SchemaNormalization.parsingFingerprint64(writer),
                    new VersionReader<>(v + 1, new SpecificDatumReader<>(writer, current, model)));
        }
    }

    /** The reader for one shipped version; SpecificDatumReader is safe to share between threads. */
    private record VersionReader<T>(int version, SpecificDatumReader<T> reader) {
    }

    /** A codec for a generated class whose history ships on its own class path. */
    public static <T extends SpecificRecord> AvroSingleObjectCodec<T> forClass(Class<T> recordClass) {
        String fullName = AvroModels.schemaOf(recordClass).getFullName();
        return new AvroSingleObjectCodec<>(recordClass, SchemaHistory.load(fullName, recordClass.getClassLoader()));
    }

    @Override
    public byte[] encode(T value) {
        try {
            ByteBuffer buf = encoder.encode(value);
            byte[] out = new byte[buf.remaining()];
            buf.get(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + recordClass.getSimpleName(), e);
        }
    }

    @Override
    public T decode(byte[] bytes) {
        if (bytes == null) {
            throw new PayloadException("empty record value (null): expected Avro single-object encoding of "
                    + history.fullName());
        }
        if (bytes.length < HEADER_BYTES || bytes[0] != (byte) 0xC3 || bytes[1] != (byte) 0x01) {
            throw new PayloadException("not Avro single-object encoding: expected the marker C3 01 and an 8-byte"
                    + " fingerprint, found " + describeHeader(bytes));
        }
        // Parsed here rather than by Avro's BinaryMessageDecoder, which reads the body byte by byte
        // through an InputStream; an array-backed decoder is several times faster.
        long fp = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        VersionReader<T> r = readers.get(fp);
        if (r == null) {
            throw new PayloadException("unknown schema fingerprint " + HexFormat.of().toHexDigits(fp)
                    + ": not one of the " + history.versions().size() + " shipped versions of " + history.fullName()
                    + " (" + knownFingerprints() + ")");
        }
        try {
            BinaryDecoder in = DecoderFactory.get().binaryDecoder(bytes, HEADER_BYTES, bytes.length - HEADER_BYTES,
                    REUSABLE_DECODER.get());
            REUSABLE_DECODER.set(in);
            T value = r.reader().read(null, in);
            if (!in.isEnd()) {
                throw new IOException("trailing bytes after the record");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            throw new PayloadException("malformed " + history.fullName() + " v" + r.version() + " body ("
                    + bytes.length + " bytes): " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    @Override
    public String format() {
        return FORMAT;
    }

    /** The schema versions this codec decodes. */
    public SchemaHistory history() {
        return history;
    }

    private String knownFingerprints() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < history.versions().size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('v').append(i + 1).append('=')
                    .append(HexFormat.of().toHexDigits(SchemaNormalization.parsingFingerprint64(history.versions().get(i))));
        }
        return sb.toString();
    }

    private static String describeHeader(byte[] bytes) {
        int n = Math.min(bytes.length, HEADER_BYTES);
        return bytes.length + " bytes starting " + (n == 0 ? "(empty)" : HexFormat.ofDelimiter(" ").withUpperCase()
                .formatHex(bytes, 0, n));
    }
}
