package dev.apprentice.il.stream;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.stream.schema.Demonstration;
import dev.apprentice.il.stream.schema.DemonstrationBinary;
import dev.apprentice.il.stream.schema.DemonstrationEnvelope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * The {@link Demonstration} envelope in single-object encoding, decoded straight into an
 * {@link ExpertStep}: the same bytes as {@link AvroSingleObjectCodec}, without the generated object
 * in between. Records of the current schema version take the direct path; older versions are
 * resolved by the generic codec, so every shipped version still decodes.
 */
public final class ExpertStepCodec implements PayloadCodec<ExpertStep> {

    private static final int HEADER_BYTES = 10;
    /** A decoder per thread, re-pointed at each record: allocating one per record cost a fifth of decoding. */
    private static final ThreadLocal<BinaryDecoder> REUSABLE_DECODER = new ThreadLocal<>();

    private final AvroSingleObjectCodec<Demonstration> generic = AvroSingleObjectCodec.forClass(Demonstration.class);
    private final byte[] header;

    public ExpertStepCodec() {
        DemonstrationBinary.checkSchema();
        header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0xC3).put((byte) 0x01)
                .putLong(DemonstrationBinary.FINGERPRINT).array();
    }

    @Override
    public byte[] encode(ExpertStep step) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(header);
            BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
            DemonstrationBinary.write(step, enc);
            enc.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode step " + step.describe(), e);
        }
    }

    @Override
    public ExpertStep decode(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_BYTES || !isCurrentVersion(bytes)) {
            // Older versions, unknown fingerprints and non-Avro bytes: the generic codec resolves the
            // first and names what is wrong with the others.
            return toStep(generic.decode(bytes));
        }
        BinaryDecoder in = DecoderFactory.get().binaryDecoder(bytes, HEADER_BYTES, bytes.length - HEADER_BYTES,
                REUSABLE_DECODER.get());
        REUSABLE_DECODER.set(in);
        ExpertStep step;
        try {
            step = DemonstrationBinary.read(in, bytes.length);
            if (!in.isEnd()) {
                throw new IOException("trailing bytes after the record");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException invalid) {
                throw new PayloadException(invalid.getMessage(), invalid);
            }
            throw new PayloadException("malformed " + Demonstration.getClassSchema().getFullName() + " v"
                    + generic.history().versions().size() + " body (" + bytes.length + " bytes): "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
        return step;
    }

    @Override
    public String format() {
        return AvroSingleObjectCodec.FORMAT;
    }

    private boolean isCurrentVersion(byte[] bytes) {
        for (int i = 0; i < HEADER_BYTES; i++) {
            if (bytes[i] != header[i]) {
                return false;
            }
        }
        return true;
    }

    private static ExpertStep toStep(Demonstration d) {
        try {
            return DemonstrationEnvelope.toStep(d);
        } catch (IllegalArgumentException e) {
            throw new PayloadException(e.getMessage(), e);
        }
    }
}
