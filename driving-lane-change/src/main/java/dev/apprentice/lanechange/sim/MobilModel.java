package dev.apprentice.lanechange.sim;

/**
 * MOBIL (Kesting, Treiber, Helbing 2007): whether a lane change is safe and worth it, judged from
 * the accelerations IDM gives the driver and the two affected followers before and after the
 * change.
 *
 * <p>Safe when the new follower's acceleration after the change is at least −b_safe (and so is the
 * driver's own). Worth it when (ã_self − a_self) + p·[(ã_newF − a_newF) + (ã_oldF − a_oldF)]
 * exceeds Δa_th, with a keep-right bias added for moves to the right and subtracted for moves to
 * the left.
 *
 * @param politeness p, the weight of the followers' gains and losses
 * @param threshold Δa_th, m/s²
 * @param safeDeceleration b_safe, m/s² (positive)
 * @param rightBias keep-right bias, m/s²
 */
public record MobilModel(double politeness, double threshold, double safeDeceleration, double rightBias) {

    /** highway-env's traffic settings: p 0, Δa_th 0.2, b_safe 2, no bias. */
    public static MobilModel highwayTraffic() {
        return new MobilModel(0.0, 0.2, 2.0, 0.0);
    }

    public MobilModel {
        if (!(politeness >= 0) || !Double.isFinite(politeness)) {
            throw new IllegalArgumentException("politeness: expected a finite value >= 0, found " + politeness);
        }
        if (!(safeDeceleration > 0) || !Double.isFinite(safeDeceleration)) {
            throw new IllegalArgumentException("safeDeceleration: expected a finite value > 0, found " + safeDeceleration);
        }
        if (!Double.isFinite(threshold) || !Double.isFinite(rightBias)) {
            throw new IllegalArgumentException("threshold and rightBias: expected finite values, found "
                    + threshold + " and " + rightBias);
        }
    }

    /**
     * The safety criterion alone.
     *
     * @param newFollowerAfter the new follower's acceleration once the driver is in front of it
     * @param selfAfter the driver's own acceleration behind the new leader
     */
    public boolean isSafe(double newFollowerAfter, double selfAfter) {
        return newFollowerAfter >= -safeDeceleration && selfAfter >= -safeDeceleration;
    }

    /** The incentive (left-hand side of the MOBIL inequality, bias included), m/s². */
    public double incentive(double self, double selfAfter, double newFollower, double newFollowerAfter,
            double oldFollower, double oldFollowerAfter, boolean towardsRight) {
        double gain = selfAfter - self
                + politeness * ((newFollowerAfter - newFollower) + (oldFollowerAfter - oldFollower));
        return gain + (towardsRight ? rightBias : -rightBias);
    }

    /** Safe and worth it: returns the incentive when the change should be made, NaN otherwise. */
    public double assess(double self, double selfAfter, double newFollower, double newFollowerAfter,
            double oldFollower, double oldFollowerAfter, boolean towardsRight) {
        if (!isSafe(newFollowerAfter, selfAfter)) {
            return Double.NaN;
        }
        double incentive = incentive(self, selfAfter, newFollower, newFollowerAfter, oldFollower, oldFollowerAfter,
                towardsRight);
        return incentive > threshold ? incentive : Double.NaN;
    }
}
