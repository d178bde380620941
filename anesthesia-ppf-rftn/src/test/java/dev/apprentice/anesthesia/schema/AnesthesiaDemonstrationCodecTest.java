package dev.apprentice.anesthesia.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.apprentice.il.stream.AvroSingleObjectCodec;
import dev.apprentice.il.stream.SchemaHistory;
import java.time.Instant;
import java.util.List;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

class AnesthesiaDemonstrationCodecTest {

    private static final Instant T = Instant.parse("2026-11-25T10:15:30.123Z");

    @Test
    void theShippedHistoryEndsWithTheGeneratedSchema() {
        SchemaHistory history = SchemaHistory.load(AnesthesiaDemonstration.getClassSchema().getFullName(),
                AnesthesiaDemonstration.class.getClassLoader());

        assertEquals(SchemaNormalization.parsingFingerprint64(AnesthesiaDemonstration.getClassSchema()),
                SchemaNormalization.parsingFingerprint64(history.latest()));
        history.checkReadableBy(AnesthesiaDemonstration.getClassSchema());
    }

    @Test
    void roundTripsATerminalRecordWithEveryField() {
        AvroSingleObjectCodec<AnesthesiaDemonstration> codec = AvroSingleObjectCodec.forClass(AnesthesiaDemonstration.class);
        AnesthesiaDemonstration record = base()
                .setFlags(List.of(DataFlag.IMPORTED, DataFlag.MAP_CARRIED_FORWARD))
                .setTerminal(true)
                .setTimeLimited(true)
                .setFinalObservation(view(3600, 48))
                .setSeed(12345L)
                .build();

        byte[] bytes = codec.encode(record);

        assertEquals((byte) 0xC3, bytes[0]);
        assertEquals((byte) 0x01, bytes[1]);
        assertEquals(record, codec.decode(bytes));
    }

    @Test
    void leavesTheOptionalFieldsAtTheirDefaults() {
        AvroSingleObjectCodec<AnesthesiaDemonstration> codec = AvroSingleObjectCodec.forClass(AnesthesiaDemonstration.class);
        AnesthesiaDemonstration record = base().build();

        AnesthesiaDemonstration decoded = codec.decode(codec.encode(record));

        assertEquals(record, decoded);
        assertEquals(List.of(), decoded.getFlags());
        assertFalse(decoded.getTerminal());
        assertFalse(decoded.getTimeLimited());
        assertNull(decoded.getFinalObservation());
        assertNull(decoded.getSeed());
    }

    private static AnesthesiaDemonstration.Builder base() {
        return AnesthesiaDemonstration.newBuilder()
                .setClinicianId("dr-7")
                .setClinicianStyle("recorded")
                .setCaseId("case-3")
                .setStep(359)
                .setEventTime(T)
                .setPatient(PatientCovariates.newBuilder().setAge(45).setSex(Sex.MALE).setWeightKg(82.5f).setHeightCm(181)
                        .build())
                .setObservation(view(3590, 52))
                .setPropofolRate(7.5f)
                .setRemifentanilRate(0.125f);
    }

    /** A view whose BIS values differ, so that a reordering or truncation would show. */
    private static ClinicalView view(float elapsed, float bis) {
        return ClinicalView.newBuilder()
                .setElapsedSeconds(elapsed)
                .setPhase(CasePhase.MAINTENANCE)
                .setBis(List.of(bis, bis + 1, bis + 2, bis + 3, bis + 4, bis + 5))
                .setMapMmhg(72.5f)
                .setPropofolRate(7.25f)
                .setRemifentanilRate(0.1f)
                .setPropofolCe(3.2f)
                .setRemifentanilCe(4.1f)
                .build();
    }
}
