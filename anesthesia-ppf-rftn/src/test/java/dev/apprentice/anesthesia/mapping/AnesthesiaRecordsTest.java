package dev.apprentice.anesthesia.mapping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.anesthesia.AnesthesiaDomain;
import dev.apprentice.anesthesia.expert.PidAnaesthesiologist;
import dev.apprentice.anesthesia.schema.AnesthesiaDemonstration;
import dev.apprentice.anesthesia.sim.CaseSettings;
import dev.apprentice.anesthesia.sim.MonitorNoise;
import dev.apprentice.anesthesia.sim.PropofolModel;
import dev.apprentice.anesthesia.training.AnesthesiaEnvironment;
import dev.apprentice.anesthesia.training.PatientSource;
import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.env.ExpertRecorder;
import dev.apprentice.il.stream.AvroSingleObjectCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class AnesthesiaRecordsTest {

    private static final CaseSettings SHORT = new CaseSettings(1200, 1200, 10, PropofolModel.SCHNIDER,
            PropofolModel.SCHNIDER, MonitorNoise.DEFAULT, true);
    private final AnesthesiaRecords records = new AnesthesiaRecords();

    private static List<ExpertStep> pidCase() {
        return ExpertRecorder.record(AnesthesiaDomain.NAME, "sim-pid", "seed-5", new AnesthesiaEnvironment(SHORT,
                PatientSource.RANDOM), PidAnaesthesiologist.TUNED.actor(), 5, SHORT.maxDecisions(),
                Instant.parse("2026-11-25T08:00:00Z"), Duration.ofSeconds(10),
                Map.of(AnesthesiaRecords.STYLE, "pid", AnesthesiaRecords.SEED, "5",
                        AnesthesiaRecords.FLAGS, "SIMULATED,BIS_CARRIED_FORWARD"));
    }

    @Test
    void aSimulatedCaseSurvivesRecordAndWireAndPassesTheDomainValidator() {
        AvroSingleObjectCodec<AnesthesiaDemonstration> codec = AvroSingleObjectCodec.forClass(AnesthesiaDemonstration.class);
        List<ExpertStep> steps = pidCase();

        for (ExpertStep step : steps) {
            // When a step goes to a record, over the wire and back
            ExpertStep back = records.toStep(codec.decode(codec.encode(records.fromStep(step))));

            // Then nothing is lost
            AnesthesiaDomain.withDefaults().validator().validate(back);
            assertEquals(step.source(), back.source());
            assertEquals(step.episode(), back.episode());
            assertEquals(step.step(), back.step());
            assertEquals(step.eventTime(), back.eventTime());
            assertArrayEquals(step.state(), back.state());
            assertArrayEquals(step.action(), back.action());
            assertEquals(step.terminal(), back.terminal());
            assertEquals(step.timeLimited(), back.timeLimited());
            assertArrayEquals(step.finalState(), back.finalState());
            assertEquals(step.metadata(), back.metadata());
        }
        ExpertStep last = steps.get(steps.size() - 1);
        assertTrue(last.terminal() && last.finalState() != null, "the case ends with a final observation");
        assertEquals(120, steps.size());
    }

    @Test
    void recordsAreRejectedNamingTheField() {
        assertRejected(r -> r.setClinicianStyle(" "), "clinician_style");
        assertRejected(r -> r.setFinalObservation(r.getObservation()), "final_observation");
        assertRejected(r -> r.getObservation().setBis(List.of(50f, 50f, 50f)), "observation.bis");
        assertRejected(r -> r.getObservation().setBis(List.of(50f, 50f, Float.NaN, 50f, 50f, 50f)), "observation.bis[2]");
        assertRejected(r -> r.getObservation().setMapMmhg(Float.NaN), "observation.map_mmhg");
        assertRejected(r -> r.getObservation().setPropofolCe(Float.POSITIVE_INFINITY), "observation.propofol_ce");
        assertRejected(r -> r.setPropofolRate(Float.NaN), "propofol_rate");
        assertRejected(r -> r.setRemifentanilRate(Float.NEGATIVE_INFINITY), "remifentanil_rate");
        assertRejected(r -> r.getPatient().setWeightKg(Float.NaN), "patient.weight_kg");
        assertRejected(r -> r.setPatient(null), "patient");
    }

    private void assertRejected(Consumer<AnesthesiaDemonstration> change, String field) {
        // Given the first record of a case with one change
        AnesthesiaDemonstration record = records.fromStep(pidCase().get(0));
        change.accept(record);

        // When it is mapped to a step
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> records.toStep(record), field);

        // Then the message names the field
        assertTrue(e.getMessage().startsWith(field + ":"), field + " expected, found: " + e.getMessage());
    }
}
