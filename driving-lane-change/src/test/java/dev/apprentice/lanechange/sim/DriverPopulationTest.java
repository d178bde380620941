package dev.apprentice.lanechange.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DriverPopulationTest {

    @Test
    void aDriverHasTheSameSettingsOnEveryCall() {
        // given / when
        DriverStyle first = DriverPopulation.driver(17);
        DriverStyle again = DriverPopulation.driver(17);

        // then
        assertEquals(first, again);
        assertEquals("driver-17", first.name());
    }

    @Test
    void everyDriversSettingsLieInTheCitedRanges() {
        for (DriverStyle d : DriverPopulation.drivers(0, DriverPopulation.SIZE)) {
            assertWithin(d.idm().desiredSpeed(), DriverPopulation.DESIRED_SPEED, d);
            assertWithin(d.idm().timeHeadway(), DriverPopulation.TIME_HEADWAY, d);
            assertWithin(d.mobil().politeness(), DriverPopulation.POLITENESS, d);
            assertWithin(d.mobil().threshold(), DriverPopulation.THRESHOLD, d);
            assertWithin(d.mobil().safeDeceleration(), DriverPopulation.SAFE_DECELERATION, d);
            assertWithin(d.mobil().rightBias(), DriverPopulation.RIGHT_BIAS, d);
        }
    }

    private static void assertWithin(double value, double[] range, DriverStyle driver) {
        assertTrue(value >= range[0] && value <= range[1], driver + ": " + value + " outside " + range[0] + "–" + range[1]);
    }

    @Test
    void noTwoDriversShareTheirSettingsAndNoneIsABuiltInStyle() {
        // given
        Set<String> settings = new HashSet<>();
        for (DriverStyle s : DriverStyle.builtIn()) {
            settings.add(s.idm() + " " + s.mobil());
        }

        // when / then
        for (DriverStyle d : DriverPopulation.drivers(0, DriverPopulation.SIZE)) {
            assertTrue(settings.add(d.idm() + " " + d.mobil()), d.name() + " repeats another driver's settings");
        }
    }

    @Test
    void aPopulationDriverIsFoundByNameAndRecordedUnderItsOwnSource() {
        // given
        LaneChangeSimulation simulation = new LaneChangeSimulation(HighwayConfig.defaults());

        // when
        var episode = simulation.record("Driver-5", 3, Instant.parse("2026-01-01T00:00:00Z"), Duration.ofSeconds(1));

        // then
        assertEquals(DriverPopulation.driver(5), DriverStyle.byName("driver-5"));
        assertTrue(simulation.experts().containsAll(List.of("normal", "driver-0", "driver-63")));
        assertEquals("sim-driver-5", episode.steps().get(0).source());
    }

    @Test
    void rejectsADriverOutsideThePopulation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DriverStyle.byName("driver-" + DriverPopulation.SIZE));

        assertTrue(e.getMessage().contains("driver-0 to driver-63"), e.getMessage());
    }
}
