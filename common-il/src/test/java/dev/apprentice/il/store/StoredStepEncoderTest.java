package dev.apprentice.il.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.stream.schema.AvroModels;
import dev.apprentice.il.stream.schema.DemonstrationEnvelope;
import dev.apprentice.il.stream.schema.StoredDemonstration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

class StoredStepEncoderTest {

    private static final Instant T = Instant.parse("2026-11-25T01:02:03.456Z");
    private static final RecordOrigin ORIGIN = new RecordOrigin("lane-change.demonstrations", 2, 123_456_789L);

    @Test
    void followsTheGeneratedSchema() {
        StoredStepEncoder.checkSchema();
    }

    @Test
    void writesExactlyWhatAvroWritesForEveryKindOfStep() throws IOException {
        ExpertStep discrete = new ExpertStep("lane-change", "driver-1", "ep-9", 3, T, new float[] {1f, -2.5f, Float.MIN_VALUE},
                new float[] {4f}, true, false, false, null, Map.of());
        ExpertStep continuous = new ExpertStep("anesthesia", "clinician-ü", "case/7", 0, T, new float[] {0f},
                new float[] {0.25f, -1f}, false, true, true, new float[] {9f}, Map.of("style", "cautious"));

        for (ExpertStep s : new ExpertStep[] {discrete, continuous}) {
            assertArrayEquals(avro(s), ours(s), s.toString());
        }
    }

    @Test
    void aStepWithSeveralLabelsReadsBackIntact() throws IOException {
        // Map entries may come in any order, so this compares the decoded record, not the bytes.
        ExpertStep s = new ExpertStep("lane-change", "driver-1", "ep-9", 3, T, new float[] {1f}, new float[] {4f}, true,
                false, false, null, Map.of("style", "cautious", "seed", "42", "road", "A7"));

        StoredDemonstration read = new SpecificDatumReader<StoredDemonstration>(StoredDemonstration.getClassSchema(),
                StoredDemonstration.getClassSchema(), AvroModels.modelFor(StoredDemonstration.class))
                .read(null, DecoderFactory.get().binaryDecoder(ours(s), null));

        assertEquals(s, DemonstrationEnvelope.toStep(read.getDemonstration()));
        assertEquals(ORIGIN, new RecordOrigin(read.getTopic(), read.getPartition(), read.getOffset()));
        assertEquals(T, read.getStoredAt());
    }

    private static byte[] ours(ExpertStep s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        StoredStepEncoder.write(s, ORIGIN, T.toEpochMilli(), enc);
        enc.flush();
        return out.toByteArray();
    }

    private static byte[] avro(ExpertStep s) throws IOException {
        StoredDemonstration r = StoredDemonstration.newBuilder().setDemonstration(DemonstrationEnvelope.toEnvelope(s))
                .setTopic(ORIGIN.topic()).setPartition(ORIGIN.partition()).setOffset(ORIGIN.offset()).setStoredAt(T)
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(StoredDemonstration.getClassSchema(), AvroModels.modelFor(StoredDemonstration.class))
                .write(r, enc);
        enc.flush();
        return out.toByteArray();
    }
}
