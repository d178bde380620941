package dev.apprentice.lanechange.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.apprentice.il.stream.AvroSingleObjectCodec;
import dev.apprentice.il.stream.SchemaHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

class LaneChangeDemonstrationCodecTest {

    private static final Instant T = Instant.parse("2026-11-25T10:15:30.123Z");

    @Test
    void theShippedHistoryEndsWithTheGeneratedSchema() {
        SchemaHistory history = SchemaHistory.load(LaneChangeDemonstration.getClassSchema().getFullName(),
                LaneChangeDemonstration.class.getClassLoader());

        assertEquals(SchemaNormalization.parsingFingerprint64(LaneChangeDemonstration.getClassSchema()),
                SchemaNormalization.parsingFingerprint64(history.latest()));
        history.checkReadableBy(LaneChangeDemonstration.getClassSchema());
    }

    @Test
    void roundTripsATerminalRecordWithEveryField() {
        AvroSingleObjectCodec<LaneChangeDemonstration> codec = AvroSingleObjectCodec.forClass(LaneChangeDemonstration.class);
        LaneChangeDemonstration record = LaneChangeDemonstration.newBuilder()
                .setDriverId("driver-7")
                .setDriverStyle("cautious")
                .setEpisode("ep-3")
                .setStep(39)
                .setEventTime(T)
                .setObservation(observation(0.01f))
                .setAction(MetaAction.LANE_LEFT)
                .setTerminal(true)
                .setTimeLimited(true)
                .setFinalObservation(observation(0.02f))
                .setSeed(12345L)
                .build();

        byte[] bytes = codec.encode(record);

        assertEquals((byte) 0xC3, bytes[0]);
        assertEquals((byte) 0x01, bytes[1]);
        assertEquals(record, codec.decode(bytes));
    }

    @Test
    void leavesTheOptionalFieldsAtTheirDefaults() {
        AvroSingleObjectCodec<LaneChangeDemonstration> codec = AvroSingleObjectCodec.forClass(LaneChangeDemonstration.class);
        LaneChangeDemonstration record = LaneChangeDemonstration.newBuilder()
                .setDriverId("driver-1")
                .setDriverStyle("aggressive")
                .setEpisode("ep-0")
                .setStep(0)
                .setEventTime(T)
                .setObservation(observation(-0.5f))
                .setAction(MetaAction.IDLE)
                .build();

        LaneChangeDemonstration decoded = codec.decode(codec.encode(record));

        assertEquals(record, decoded);
        assertFalse(decoded.getTerminal());
        assertFalse(decoded.getTimeLimited());
        assertNull(decoded.getFinalObservation());
        assertNull(decoded.getSeed());
    }

    /** A 5x5 observation whose cells differ, so that a transposition or truncation would show. */
    private static List<Float> observation(float scale) {
        List<Float> cells = new ArrayList<>(25);
        for (int i = 0; i < 25; i++) {
            cells.add(Math.max(-1f, Math.min(1f, scale * i)));
        }
        return cells;
    }
}
