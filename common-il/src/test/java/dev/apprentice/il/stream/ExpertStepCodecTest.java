package dev.apprentice.il.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.stream.schema.DemonstrationBinary;
import dev.apprentice.il.stream.schema.DemonstrationEnvelope;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpertStepCodecTest {

    private static final ExpertStepCodec STEPS = StreamFixtures.STEPS;
    private static final Instant T = Instant.parse("2026-11-25T10:15:30.123Z");

    @Test
    void followsTheGeneratedSchema() {
        DemonstrationBinary.checkSchema();
    }

    @Test
    void writesTheSameBytesAsTheGenericCodecAndReadsThemBack() {
        for (ExpertStep s : List.of(discrete(), continuous())) {
            byte[] generic = StreamFixtures.CODEC.encode(DemonstrationEnvelope.toEnvelope(s));

            assertArrayEquals(generic, STEPS.encode(s), s.toString());
            assertEquals(s, STEPS.decode(generic));
        }
    }

    @Test
    void readsSeveralLabelsWrittenByTheGenericCodec() {
        ExpertStep s = new ExpertStep("lane-change", "d", "e", 1, T, new float[] {1f}, new float[] {0f}, true, false,
                false, null, Map.of("style", "cautious", "seed", "7", "road", "A7"));

        assertEquals(s, STEPS.decode(StreamFixtures.CODEC.encode(DemonstrationEnvelope.toEnvelope(s))));
    }

    @Test
    void decodesAnOlderVersionThroughTheGenericCodec() {
        ExpertStep s = STEPS.decode(StreamFixtures.version1Record("cartpole", "expert-1", "e1", 4, T.toEpochMilli(),
                List.of(0.1f, 0.2f), 1));

        assertEquals(new ExpertStep("cartpole", "expert-1", "e1", 4, T, new float[] {0.1f, 0.2f}, new float[] {1f}, true,
                true, false, null, Map.of()), s);
    }

    @Test
    void namesWhatIsWrongWithBadBytes() {
        byte[] good = STEPS.encode(continuous());

        assertTrue(reason(Arrays.copyOf(good, good.length - 3)).startsWith(
                "malformed dev.apprentice.il.stream.schema.Demonstration v2 body"));
        assertTrue(reason(Arrays.copyOf(good, good.length + 2)).endsWith("trailing bytes after the record"));
        assertTrue(reason(StreamFixtures.encodeWithForeignSchema()).startsWith("unknown schema fingerprint"));
        assertTrue(reason(new byte[] {1, 2}).startsWith("not Avro single-object encoding"));
    }

    @Test
    void refusesAnImpossibleArrayLengthWithoutAllocatingIt() {
        byte[] good = STEPS.encode(discrete());
        // domain, source, episode (each 1 length byte + text), step, time, then the state's count
        int stateCount = 10 + 1 + 2 + 1 + 1 + 1 + 1 + 1 + 6;
        byte[] bad = good.clone();
        // a count of 1,000,000 (zig-zag varint 80 89 7A) in a 40-byte record
        bad[stateCount] = (byte) 0x80;
        bad[stateCount + 1] = (byte) 0x89;
        bad[stateCount + 2] = (byte) 0x7A;

        assertTrue(reason(bad).endsWith("state: impossible length 1000000"), reason(bad));
    }

    @Test
    void aWellFormedRecordThatIsNotAValidStepNamesTheField() {
        var d = DemonstrationEnvelope.toEnvelope(discrete());
        d.setSource("");

        assertEquals("source: expected a non-empty id, found ''", reason(StreamFixtures.CODEC.encode(d)));
    }

    private static String reason(byte[] bytes) {
        return assertThrows(PayloadException.class, () -> STEPS.decode(bytes)).getMessage();
    }

    private static ExpertStep discrete() {
        return new ExpertStep("c", "ab", "e", 3, T, new float[] {0.5f, -1f}, new float[] {2f}, true, false, false, null,
                Map.of());
    }

    private static ExpertStep continuous() {
        return new ExpertStep("anesthesia", "clinician-ü", "case/7", 0, T, new float[] {0f}, new float[] {0.25f, -1f},
                false, true, true, new float[] {9f}, Map.of("style", "cautious"));
    }
}
