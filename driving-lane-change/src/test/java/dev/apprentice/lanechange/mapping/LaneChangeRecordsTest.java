package dev.apprentice.lanechange.mapping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.env.ExpertRecorder;
import dev.apprentice.il.stream.AvroSingleObjectCodec;
import dev.apprentice.lanechange.LaneChangeDomain;
import dev.apprentice.lanechange.schema.LaneChangeDemonstration;
import dev.apprentice.lanechange.sim.DriverStyle;
import dev.apprentice.lanechange.sim.HighwaySimulator;
import dev.apprentice.lanechange.sim.LaneChangeExpert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaneChangeRecordsTest {

    private static List<ExpertStep> episode() {
        return ExpertRecorder.record(LaneChangeDomain.NAME, "sim-normal", "seed-3", new HighwaySimulator(),
                new LaneChangeExpert(DriverStyle.NORMAL), 3, 40, Instant.parse("2026-11-25T00:00:00Z"), Duration.ofSeconds(1),
                Map.of(LaneChangeRecords.STYLE, "normal"));
    }

    @Test
    void aSimulatedEpisodeSurvivesTheWireAndPassesTheDomainValidator() {
        AvroSingleObjectCodec<LaneChangeDemonstration> codec = AvroSingleObjectCodec.forClass(LaneChangeDemonstration.class);
        List<ExpertStep> steps = episode();

        for (ExpertStep step : steps) {
            ExpertStep back = new LaneChangeRecords().toStep(codec.decode(codec.encode(new LaneChangeRecords().fromStep(step))));

            new LaneChangeDomain().validator().validate(back);
            assertEquals(step.source(), back.source());
            assertEquals(step.step(), back.step());
            assertEquals(step.eventTime(), back.eventTime());
            assertArrayEquals(step.state(), back.state());
            assertArrayEquals(step.action(), back.action());
            assertEquals(step.terminal(), back.terminal());
            assertEquals(step.timeLimited(), back.timeLimited());
            assertEquals("normal", back.metadata().get(LaneChangeRecords.STYLE));
            assertEquals("3", back.metadata().get(LaneChangeRecords.SEED));
        }
        assertTrue(steps.get(steps.size() - 1).terminal());
    }

    @Test
    void aFinalObservationOnANonTerminalRecordIsRejectedNamingTheField() {
        LaneChangeDemonstration record = new LaneChangeRecords().fromStep(episode().get(0));
        record.setFinalObservation(record.getObservation());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LaneChangeRecords().toStep(record));
        assertTrue(e.getMessage().startsWith("final_observation:"), e.getMessage());
    }
}
