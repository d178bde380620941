package dev.apprentice.lanechange.sim;

/**
 * The Intelligent Driver Model (Treiber, Hennecke, Helbing 2000): the longitudinal acceleration a
 * driver chooses for their speed, the gap to their leader and the speed difference. Used by the
 * simulated traffic and, inside MOBIL, by the expert drivers.
 *
 * <p>a = a_max·[1 − (v/v0)^δ − (s* / s)²], s* = s0 + max(0, v·T + v·Δv / (2·√(a_max·b))), where s is
 * the net (bumper-to-bumper) gap and Δv = v − v_leader.
 *
 * @param maxAcceleration a_max, m/s²
 * @param comfortableDeceleration b, m/s²
 * @param timeHeadway T, s
 * @param jamGap s0, the net gap kept at standstill, m
 * @param delta δ, the acceleration exponent
 * @param desiredSpeed v0, m/s
 */
public record IdmModel(double maxAcceleration, double comfortableDeceleration, double timeHeadway, double jamGap,
        double delta, double desiredSpeed) {

    /** highway-env's traffic settings: a_max 3, b 5, T 1.5 s, 5 m jam gap, δ 4. */
    public static IdmModel highwayTraffic(double desiredSpeed, double delta) {
        return new IdmModel(3.0, 5.0, 1.5, 5.0, delta, desiredSpeed);
    }

    public IdmModel {
        positive("maxAcceleration", maxAcceleration);
        positive("comfortableDeceleration", comfortableDeceleration);
        positive("timeHeadway", timeHeadway);
        positive("delta", delta);
        positive("desiredSpeed", desiredSpeed);
        if (!(jamGap >= 0) || !Double.isFinite(jamGap)) {
            throw new IllegalArgumentException("jamGap: expected a finite value >= 0, found " + jamGap);
        }
    }

    private static void positive(String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + ": expected a finite value > 0, found " + value);
        }
    }

    /** The same driver wanting another speed. */
    public IdmModel withDesiredSpeed(double speed) {
        return new IdmModel(maxAcceleration, comfortableDeceleration, timeHeadway, jamGap, delta, speed);
    }

    /** Acceleration on a free road (no leader). */
    public double freeRoadAcceleration(double speed) {
        return maxAcceleration * (1 - Math.pow(Math.max(speed, 0) / desiredSpeed, delta));
    }

    /** The desired gap s* for this speed and this leader speed. */
    public double desiredGap(double speed, double leaderSpeed) {
        double dynamic = speed * timeHeadway
                + speed * (speed - leaderSpeed) / (2 * Math.sqrt(maxAcceleration * comfortableDeceleration));
        return jamGap + Math.max(0, dynamic);
    }

    /**
     * Acceleration behind a leader.
     *
     * @param speed own speed, m/s
     * @param gap net gap to the leader, m; a gap at or below zero gives the strongest braking the
     *     formula allows at a 1 cm gap
     * @param leaderSpeed the leader's speed, m/s
     */
    public double acceleration(double speed, double gap, double leaderSpeed) {
        double ratio = desiredGap(speed, leaderSpeed) / Math.max(gap, 0.01);
        return freeRoadAcceleration(speed) - maxAcceleration * ratio * ratio;
    }

    /** The gap at which a driver following a leader at the same speed neither accelerates nor brakes. */
    public double equilibriumGap(double speed) {
        double free = 1 - Math.pow(speed / desiredSpeed, delta);
        if (!(free > 0)) {
            throw new IllegalArgumentException("speed: expected below the desired speed " + desiredSpeed + ", found " + speed);
        }
        return desiredGap(speed, speed) / Math.sqrt(free);
    }
}
