package dev.apprentice.lanechange.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdmModelTest {

    /** The literature set from the domain notes: v0 30, T 1.5, a 0.73, b 1.67, δ 4, s0 2. */
    private static final IdmModel LITERATURE = new IdmModel(0.73, 1.67, 1.5, 2.0, 4.0, 30.0);

    @Test
    void onAFreeRoadAccelerationFallsToZeroAsSpeedApproachesTheDesiredSpeed() {
        double previous = Double.POSITIVE_INFINITY;
        for (double v = 0; v <= 30; v += 5) {
            double a = LITERATURE.freeRoadAcceleration(v);
            assertTrue(a < previous, "free-road acceleration must fall with speed");
            previous = a;
        }
        assertEquals(0.73, LITERATURE.freeRoadAcceleration(0), 1e-12);
        assertEquals(0.0, LITERATURE.freeRoadAcceleration(30), 1e-12);
        assertEquals(0.73 * (1 - Math.pow(29.9 / 30, 4)), LITERATURE.freeRoadAcceleration(29.9), 1e-12);
        assertTrue(LITERATURE.freeRoadAcceleration(33) < 0, "above the desired speed the driver slows down");
    }

    @Test
    void atTheEquilibriumGapAFollowerNeitherAcceleratesNorBrakes() {
        for (double v : new double[] {5, 15, 25, 29}) {
            double gap = LITERATURE.equilibriumGap(v);
            double expected = (2.0 + v * 1.5) / Math.sqrt(1 - Math.pow(v / 30, 4));

            assertEquals(expected, gap, 1e-9);
            assertEquals(0.0, LITERATURE.acceleration(v, gap, v), 1e-9);
            assertTrue(LITERATURE.acceleration(v, gap * 0.9, v) < 0, "closer than equilibrium: brake");
            assertTrue(LITERATURE.acceleration(v, gap * 1.1, v) > 0, "farther than equilibrium: accelerate");
        }
    }

    @Test
    void approachingASlowerLeaderWidensTheDesiredGap() {
        IdmModel traffic = IdmModel.highwayTraffic(30, 4);

        double same = traffic.desiredGap(25, 25);
        double closing = traffic.desiredGap(25, 20);

        assertEquals(5 + 25 * 1.5, same, 1e-12);
        assertEquals(same + 25 * 5 / (2 * Math.sqrt(15)), closing, 1e-12);
        assertEquals(5.0, traffic.desiredGap(0, 10), 1e-12, "the dynamic part never goes below zero");
    }

    @Test
    void rejectsNonPositiveParametersNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new IdmModel(3, 5, 0, 5, 4, 30));
        assertTrue(e.getMessage().startsWith("timeHeadway: expected a finite value > 0"), e.getMessage());
    }
}
