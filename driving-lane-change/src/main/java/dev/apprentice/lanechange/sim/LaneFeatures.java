package dev.apprentice.lanechange.sim;

import dev.apprentice.il.env.ObservationEncoder;
import dev.apprentice.il.spaces.Box;

/**
 * Turns the raw kinematics observation into lane-structured driving features, the vector
 * lane-change policies see: for the left, current and right lane, whether it exists and the gap,
 * time headway, closing rate and relative speed of the nearest vehicle ahead and behind; then the
 * ego's speed, lateral offset, lateral speed and lane position. These are the quantities driving
 * models and ADAS reason with (gaps, headways, inverse time-to-collision); a policy on them needs
 * far fewer demonstrations than one on raw rows sorted by distance, whose meaning changes every
 * time a vehicle overtakes. Streams, the store and the decision API keep the raw observation; the
 * encoding is part of the policy and named in its model card.
 */
public final class LaneFeatures implements ObservationEncoder {

    /** Name recorded in model cards. */
    public static final String ID = "lane-features-v1";
    /** Features per lane. */
    static final int PER_LANE = 7;
    /** Feature vector length. */
    public static final int DIMENSION = 3 * PER_LANE + 4;
    /** Gaps beyond this count as free road, m. */
    static final double GAP_RANGE = 100.0;

    private final HighwayConfig config;
    private final Box input;
    private final Box output;

    /** Features for the reference highway. */
    public LaneFeatures() {
        this(HighwayConfig.defaults());
    }

    /** Features for a highway with these settings. */
    public LaneFeatures(HighwayConfig config) {
        this.config = config;
        this.input = Box.uniform(config.observationDimension(), -1f, 1f);
        this.output = Box.uniform(DIMENSION, -2f, 2f);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Box inputSpace() {
        return input;
    }

    @Override
    public Box outputSpace() {
        return output;
    }

    @Override
    public float[] encode(float[] observation) {
        KinematicsObservation.Scene scene = KinematicsObservation.decode(config, observation);
        double v = scene.egoSpeed();
        int laneNow = config.nearestLane(scene.egoY());
        float[] f = new float[DIMENSION];
        for (int d = -1; d <= 1; d++) {
            int laneIndex = laneNow + d;
            int o = (d + 1) * PER_LANE;
            if (laneIndex < 0 || laneIndex >= config.lanes()) {
                // A missing lane looks like a wall alongside: present 0, no gaps.
                continue;
            }
            KinematicsObservation.Observed front = null;
            KinematicsObservation.Observed rear = null;
            for (KinematicsObservation.Observed other : scene.others()) {
                if (!config.occupies(other.y(), laneIndex, LaneChangeExpert.STRADDLE_OFFSET)) {
                    continue;
                }
                if (other.dx() > 0 && (front == null || other.dx() < front.dx())) {
                    front = other;
                } else if (other.dx() <= 0 && (rear == null || other.dx() > rear.dx())) {
                    rear = other;
                }
            }
            f[o] = 1f;
            double frontGap = front == null ? GAP_RANGE : Math.min(GAP_RANGE, front.dx() - HighwaySimulator.VEHICLE_LENGTH);
            double rearGap = rear == null ? GAP_RANGE : Math.min(GAP_RANGE, -rear.dx() - HighwaySimulator.VEHICLE_LENGTH);
            f[o + 1] = (float) (frontGap / GAP_RANGE);
            f[o + 2] = clip(frontGap / Math.max(v, 1.0) / 3.0, 0, 1);
            f[o + 3] = front == null ? 0f : clip((v - front.speed()) / Math.max(frontGap, 1.0), 0, 2);
            f[o + 4] = front == null ? 1f : clip((front.speed() - v) / 10.0, -2, 2);
            f[o + 5] = (float) (rearGap / GAP_RANGE);
            f[o + 6] = rear == null ? 0f : clip((rear.speed() - v) / Math.max(rearGap, 1.0), 0, 2);
        }
        int e = 3 * PER_LANE;
        f[e] = clip((v - 25.0) / 5.0, -2, 2);
        f[e + 1] = clip((scene.egoY() - config.laneCenter(laneNow)) / 2.0, -1, 1);
        f[e + 2] = clip(scene.egoVy() / 2.0, -2, 2);
        f[e + 3] = (float) laneNow / (config.lanes() - 1);
        return f;
    }

    private static float clip(double value, double low, double high) {
        return (float) Math.max(low, Math.min(high, value));
    }
}
