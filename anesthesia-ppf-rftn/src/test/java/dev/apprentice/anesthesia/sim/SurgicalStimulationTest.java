package dev.apprentice.anesthesia.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SurgicalStimulationTest {

    @Test
    void eventsFallInTheirDocumentedWindows() {
        for (long seed = 0; seed < 200; seed++) {
            int seconds = 3000 + (int) (seed * 10);
            SurgicalStimulation s = SurgicalStimulation.random(seconds, new SplittableRandom(seed));

            assertTrue(s.intubation() >= 240 && s.intubation() <= 360, "intubation " + s.intubation());
            assertTrue(s.incision() >= 600 && s.incision() <= 900, "incision " + s.incision());
            assertEquals(Math.max(s.incision() + 60, seconds - 600), s.closure(), "closure: the last 10 minutes");
            assertEquals(seconds, s.seconds());
            for (int t = 0; t < s.intubation(); t++) {
                assertEquals(0, s.bis(t), 0, "nothing before intubation, second " + t);
            }
            // Intubation peaks 30 s after it starts at +12 BIS and +25 mmHg, before incision adds to it.
            assertEquals(12, s.bis(s.intubation() + 30), 1e-4);
            assertEquals(25, s.map(s.intubation() + 30), 1e-4);
            assertTrue(s.bis(s.closure() - 1) >= 5 - 1e-4, "the sustained surgical level +5 until closure");
            // Once the incision has faded, surgical events (+3 to +8, every 3–8 minutes) still rise above the level.
            double highest = 0;
            for (int t = s.incision() + 930; t < s.closure(); t++) {
                highest = Math.max(highest, s.bis(t));
            }
            assertTrue(highest > 5 + 2.9, "highest BIS disturbance during surgery " + highest);
            // Ten minutes after closure starts every event has faded and only the closure level +2 is left.
            assertEquals(2, s.bis(seconds - 1), 0.01);
            assertEquals(4, s.map(seconds - 1), 0.02);
        }
    }

    @Test
    void noneIsAllZerosAndPastTheEndIsZero() {
        SurgicalStimulation none = SurgicalStimulation.none(4000);

        for (int t = -1; t <= 4000; t++) {
            assertEquals(0, none.bis(t), 0);
            assertEquals(0, none.map(t), 0);
        }
        assertEquals(-1, none.intubation());
        assertEquals(0, SurgicalStimulation.random(1200, new SplittableRandom(1)).bis(1200), 0);
    }

    @Test
    void aCaseTooShortForTheProfileIsRefusedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SurgicalStimulation.random(1199, new SplittableRandom(1)));

        assertTrue(e.getMessage().startsWith("seconds:"), e.getMessage());
    }
}
