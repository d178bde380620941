package dev.apprentice.il.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A step's string names it and gives the widths of its vectors, so that logging one leaks no personal data. */
class ExpertStepTest {

    @Test
    void givenATerminalStepWithDistinctiveValues_whenPrinted_thenItNamesTheStepAndWidthsAndHoldsNoneOfItsValues() {
        // given: values that cannot occur by chance in the rest of the string
        ExpertStep step = new ExpertStep("phone-security", "u-17", "s-3", 12, Instant.parse("2026-01-05T10:00:00Z"),
                new float[] {731.25f, -0.0625f, 4096.5f}, new float[] {0.8125f, 113.75f}, false, true, false,
                new float[] {902.375f, 17.5f, 6.03125f}, Map.of("device", "pixel-9"));

        // when
        String printed = step.toString();

        // then
        assertEquals("ExpertStep[phone-security u-17/s-3#12 state=3 floats action=2 floats finalState=3 floats terminal]",
                printed);
        for (String value : new String[] {"731", "0625", "4096", "8125", "113", "902", "17.5", "03125", "pixel"}) {
            assertFalse(printed.contains(value), () -> "'" + value + "' in " + printed);
        }
    }

    @Test
    void givenAStep_whenDescribed_thenItIsDomainSourceEpisodeAndIndexOnly() {
        ExpertStep step = new ExpertStep("lane-change", "sim-idm", "seed-4", 0, Instant.EPOCH, new float[] {0.5f},
                new float[] {2}, true, false, false, null, Map.of());

        assertEquals("lane-change sim-idm/seed-4#0", step.describe());
        assertEquals("ExpertStep[lane-change sim-idm/seed-4#0 state=1 floats action=1 floats]", step.toString());
    }

    @Test
    void givenATransition_whenPrinted_thenItGivesTheWidthsAndNoneOfItsValues() {
        Transition transition = new Transition(new float[] {731.25f, 4096.5f}, new float[] {113.75f});

        assertEquals("Transition(state=2 floats, action=1 floats)", transition.toString());
    }
}
