package dev.apprentice.il.stream.schema;

import dev.apprentice.il.data.ExpertStep;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;

/**
 * The binary encoding of the current {@link Demonstration} schema, read and written field by field
 * straight from and into an {@link ExpertStep}: no generated object, no boxed floats. The data
 * plane's hot paths (ingesting, storing) use it; tests check that its bytes equal Avro's own and
 * that it reads what Avro writes, and {@link #checkSchema()} fails fast if the schema changes
 * without this class being updated.
 */
public final class DemonstrationBinary {

    /** Parsing fingerprint of the Demonstration schema (v2) this class follows. */
    public static final long FINGERPRINT = 0xe9a2a57a016ada09L;

    private DemonstrationBinary() {
    }

    /**
     * @throws IllegalStateException if the generated schema is not the one this class follows
     */
    public static void checkSchema() {
        long actual = SchemaNormalization.parsingFingerprint64(Demonstration.getClassSchema());
        if (actual != FINGERPRINT) {
            throw new IllegalStateException("Demonstration changed (fingerprint " + HexFormat.of().toHexDigits(actual)
                    + ", DemonstrationBinary follows " + HexFormat.of().toHexDigits(FINGERPRINT) + "): update it");
        }
    }

    /** Writes a step as a Demonstration record. */
    public static void write(ExpertStep s, BinaryEncoder out) throws IOException {
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
    }

    /**
     * Reads a Demonstration record written with the current schema.
     *
     * @param maxItems an upper bound on any array or map length (e.g. the payload's byte count), so
     *     a corrupt length cannot make it allocate gigabytes
     * @throws IOException when the bytes end early or a length is impossible
     * @throws IllegalArgumentException when the record is well-formed but not a valid step (blank
     *     ids, a negative step), naming the field
     */
    public static ExpertStep read(BinaryDecoder in, int maxItems) throws IOException {
        String domain = in.readString();
        String source = in.readString();
        String episode = in.readString();
        int step = in.readInt();
        Instant eventTime = Instant.ofEpochMilli(in.readLong());
        float[] state = readFloats(in, maxItems, "state");
        float[] action;
        boolean discrete;
        int actionBranch = in.readIndex();
        if (actionBranch == 0) {
            action = new float[] {in.readInt()};
            discrete = true;
        } else if (actionBranch == 1) {
            action = readFloats(in, maxItems, "action");
            discrete = false;
        } else {
            throw new IOException("action: union branch " + actionBranch + " does not exist");
        }
        boolean terminal = in.readBoolean();
        boolean timeLimited = in.readBoolean();
        float[] finalState;
        int finalBranch = in.readIndex();
        if (finalBranch == 0) {
            in.readNull();
            finalState = null;
        } else if (finalBranch == 1) {
            finalState = readFloats(in, maxItems, "finalState");
        } else {
            throw new IOException("finalState: union branch " + finalBranch + " does not exist");
        }
        Map<String, String> metadata = readMetadata(in, maxItems);
        return new ExpertStep(domain, source, episode, step, eventTime, state, action, discrete, terminal, timeLimited,
                finalState, metadata);
    }

    /** Immutable from the start, so ExpertStep's defensive copy is free. */
    private static Map<String, String> readMetadata(BinaryDecoder in, int maxItems) throws IOException {
        long n = in.readMapStart();
        if (n == 0) {
            return Map.of();
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>((int) Math.min(n, maxItems));
        for (; n != 0; n = in.mapNext()) {
            checkCount(entries.size() + n, maxItems, "metadata");
            for (long i = 0; i < n; i++) {
                entries.add(Map.entry(in.readString(), in.readString()));
            }
        }
        if (entries.size() == 1) {
            return Map.of(entries.get(0).getKey(), entries.get(0).getValue());
        }
        Map<String, String> m = new HashMap<>();
        for (Map.Entry<String, String> e : entries) {
            m.put(e.getKey(), e.getValue());
        }
        return Map.copyOf(m);
    }

    /** Reads a float array block by block, each block's floats in one bulk read (Avro floats are 4 bytes, little-endian). */
    private static float[] readFloats(BinaryDecoder in, int maxItems, String field) throws IOException {
        long n = in.readArrayStart();
        checkCount(n, maxItems, field);
        float[] values = new float[(int) n];
        int filled = 0;
        while (n != 0) {
            byte[] raw = new byte[(int) n * Float.BYTES];
            in.readFixed(raw);
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values, filled, (int) n);
            filled += (int) n;
            n = in.arrayNext();
            if (n != 0) {
                checkCount(filled + n, maxItems, field);
                values = Arrays.copyOf(values, (int) (filled + n));
            }
        }
        return values;
    }

    private static void checkCount(long n, int maxItems, String field) throws IOException {
        if (n < 0 || n > maxItems) {
            throw new IOException(field + ": impossible length " + n);
        }
    }

    private static void writeFloats(float[] values, BinaryEncoder out) throws IOException {
        out.writeArrayStart();
        out.setItemCount(values.length);
        if (values.length > 0) {
            // A binary encoder needs no startItem per element, so the floats go out in one write.
            ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            raw.asFloatBuffer().put(values);
            out.writeFixed(raw.array());
        }
        out.writeArrayEnd();
    }
}
