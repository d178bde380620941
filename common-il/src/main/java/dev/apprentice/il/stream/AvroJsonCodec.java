package dev.apprentice.il.stream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import dev.apprentice.il.stream.schema.AvroModels;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro's JSON encoding of the current schema: slower and larger than binary, but a person can type
 * a record into {@code kafka-console-producer} or read one in a log. It carries no schema
 * fingerprint, so it cannot evolve: every field of the current schema must be present.
 *
 * @param <T> the generated record class
 */
public final class AvroJsonCodec<T extends SpecificRecord> implements PayloadCodec<T> {

    /** The configuration name of this format. */
    public static final String FORMAT = "avro-json";

    private final Schema schema;
    private final SpecificDatumWriter<T> writer;
    private final SpecificDatumReader<T> reader;

    public AvroJsonCodec(Class<T> recordClass) {
        this.schema = AvroModels.schemaOf(recordClass);
        SpecificData model = AvroModels.modelFor(recordClass);
        this.writer = new SpecificDatumWriter<>(schema, model);
        this.reader = new SpecificDatumReader<>(schema, schema, model);
    }

    @Override
    public byte[] encode(T value) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            JsonEncoder enc = EncoderFactory.get().jsonEncoder(schema, out);
            writer.write(value, enc);
            enc.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + schema.getName() + " as JSON", e);
        }
    }

    @Override
    public T decode(byte[] bytes) {
        if (bytes == null) {
            throw new PayloadException("empty record value (null): expected Avro JSON of " + schema.getFullName());
        }
        try {
            return reader.read(null, DecoderFactory.get().jsonDecoder(schema, new String(bytes, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            throw new PayloadException("malformed Avro JSON for " + schema.getFullName() + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    @Override
    public String format() {
        return FORMAT;
    }
}
