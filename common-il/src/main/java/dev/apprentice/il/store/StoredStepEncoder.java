package dev.apprentice.il.store;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.stream.schema.DemonstrationBinary;
import dev.apprentice.il.stream.schema.StoredDemonstration;
import java.io.IOException;
import java.util.HexFormat;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;

/**
 * Writes a step straight into the binary encoding of {@link StoredDemonstration}: the envelope via
 * {@link DemonstrationBinary}, then the origin fields. Building the generated object (boxed floats,
 * a hash map) and walking it reflectively took most of the ingester's time. A test checks that the
 * bytes equal Avro's own encoding; the fingerprint check fails fast if the schema changes without
 * this writer being updated.
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

    static void write(ExpertStep s, RecordOrigin origin, long storedAtMillis, BinaryEncoder out) throws IOException {
        DemonstrationBinary.write(s, out);
        out.writeString(origin.topic());
        out.writeInt(origin.partition());
        out.writeLong(origin.offset());
        out.writeLong(storedAtMillis);
    }
}
