package dev.apprentice.lanechange.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MobilModelTest {

    private static final MobilModel POLITE = new MobilModel(0.5, 0.2, 2.0, 0.0);

    @Test
    void aChangeThatForcesTheNewFollowerToBrakeHarderThanBSafeIsNeverMade() {
        // A large gain for the driver, but the new follower would have to brake at 2.5 m/s².
        double incentive = POLITE.assess(-3.0, 1.0, 0.0, -2.5, 0.0, 0.0, false);

        assertTrue(Double.isNaN(incentive));
        assertFalse(POLITE.isSafe(-2.5, 1.0));
        assertTrue(POLITE.isSafe(-2.0, 1.0), "braking exactly at b_safe is still safe");
        assertFalse(POLITE.isSafe(0.0, -2.1), "the driver's own braking behind the new leader counts too");
    }

    @Test
    void aSafeChangeIsMadeOnlyWhenTheWeightedGainExceedsTheThreshold() {
        // Own gain 1.0; the new follower loses 1.0, the old follower gains 0.2: 1.0 + 0.5·(−1.0 + 0.2) = 0.6.
        assertEquals(0.6, POLITE.assess(-0.5, 0.5, 0.0, -1.0, 0.0, 0.2, false), 1e-12);
        // Own gain 0.5 with the same losses: 0.1, below the 0.2 threshold.
        assertTrue(Double.isNaN(POLITE.assess(0.0, 0.5, 0.0, -1.0, 0.0, 0.2, false)));
    }

    @Test
    void theKeepRightBiasFavoursMovesToTheRightAndPenalisesMovesToTheLeft() {
        MobilModel keepRight = new MobilModel(0.0, 0.2, 2.0, 0.3);

        assertEquals(0.3, keepRight.incentive(0, 0, 0, 0, 0, 0, true), 1e-12);
        assertEquals(-0.3, keepRight.incentive(0, 0, 0, 0, 0, 0, false), 1e-12);
        assertEquals(0.3, keepRight.assess(0, 0, 0, 0, 0, 0, true), 1e-12, "an empty right lane is worth moving to");
        assertTrue(Double.isNaN(keepRight.assess(0, 0.4, 0, 0, 0, 0, false)), "0.4 − 0.3 does not beat 0.2");
    }
}
