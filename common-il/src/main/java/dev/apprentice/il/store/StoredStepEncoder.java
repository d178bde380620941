package dev.apprentice.il.store;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.stream.schema.StoredDemonstration;
import java.io.IOException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.Encoder;

/**
 * Writes a step straight into the binary encoding of {@link StoredDemonstration}, field by field,
 * without building the generated object (boxed floats, a hash map) and walking it reflectively:
 * the ingester's hot path spends most of its time here otherwise. A test checks that the bytes
 * equal Avro's own encoding, and the fingerprint check below fails fast if the schema changes
 * without this writer being updated.
 */
final class StoredStepEncoder {

    /** Parsing fingerprint of the StoredDemonstration schema this writer follows. */
    static final long WRITTEN_FOR = 0xed950363a1767a99L;

    private StoredStepEncoder() {
    }

    /**
     * @throws IllegalStateException if the generated schema is not the one this writer follows
     */
    static void checkSchema() {
        long actual = SchemaNormalization.parsingFingerprint64(StoredDemonstration.getClassSchema());
        if (actual != WRITTEN_FOR) {
            throw new IllegalStateException("StoredDemonstration changed (fingerprint " + HexFormat.of().toHexDigits(actual)
                    + ", StoredStepEncoder follows " + HexFormat.of().toHexDigits(WRITTEN_FOR) + "): update the encoder");
        }
    }

    static void write(ExpertStep s, RecordOrigin origin, Instant storedAt, Encoder out) throws IOException {
        out.writeString(s.domain());
        out.writeString(s.source());
        out.writeString(s.episode());
        out.writeInt(s.step());
        out.writeLong(s.eventTime().toEpochMilli());
        writeFloats(s.state(), out);
        if (s.discreteAction()) {
            out.writeIndex(0);
            out.writeInt(s.actionIndex());
        } else {
            out.writeIndex(1);
            writeFloats(s.action(), out);
        }
        out.writeBoolean(s.terminal());
        out.writeBoolean(s.timeLimited());
        float[] finalState = s.finalState();
        if (finalState == null) {
            out.writeIndex(0);
            out.writeNull();
        } else {
            out.writeIndex(1);
            writeFloats(finalState, out);
        }
        Map<String, String> metadata = s.metadata();
        out.writeMapStart();
        out.setItemCount(metadata.size());
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            out.startItem();
            out.writeString(e.getKey());
            out.writeString(e.getValue());
        }
        out.writeMapEnd();
        out.writeString(origin.topic());
        out.writeInt(origin.partition());
        out.writeLong(origin.offset());
        out.writeLong(storedAt.toEpochMilli());
    }

    private static void writeFloats(float[] values, Encoder out) throws IOException {
        out.writeArrayStart();
        out.setItemCount(values.length);
        for (float v : values) {
            out.startItem();
            out.writeFloat(v);
        }
        out.writeArrayEnd();
    }
}
