package dev.apprentice.lanechange.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The "kinematics" observation both ways: encoding a list of vehicles in road coordinates into
 * the rows × [presence, x, y, vx, vy] vector a policy sees (what the decision API does with a list
 * of surrounding vehicles), and decoding such a vector back into a scene (what the scripted expert
 * reasons about). Row 0 is the ego in absolute coordinates; the other rows are the nearest
 * vehicles within the perception range, relative to the ego, sorted by longitudinal distance;
 * features are scaled to [−1, 1] and clipped (x: ±200 m, y: ±lanes·laneWidth, speeds: ±80 m/s);
 * missing rows are zeros.
 */
public final class KinematicsObservation {

    private KinematicsObservation() {
    }

    /**
     * A vehicle in road coordinates.
     *
     * @param x position along the road, m
     * @param y lateral position, m (lane 0's centre is 0, lanes grow to the right)
     * @param vx speed along the road, m/s
     * @param vy lateral speed, m/s
     */
    public record Vehicle(double x, double y, double vx, double vy) {
    }

    /**
     * Another vehicle as the ego perceives it.
     *
     * @param dx longitudinal distance from the ego's centre to the vehicle's centre, m (positive ahead)
     * @param y the vehicle's absolute lateral position, m
     * @param speed the vehicle's absolute speed along the road, m/s
     * @param vy the vehicle's absolute lateral speed, m/s
     */
    public record Observed(double dx, double y, double speed, double vy) {
    }

    /**
     * The scene an observation describes.
     *
     * @param egoY the ego's lateral position, m
     * @param egoSpeed the ego's speed along the road, m/s
     * @param egoVy the ego's lateral speed, m/s
     * @param others the observed vehicles, nearest first
     */
    public record Scene(double egoY, double egoSpeed, double egoVy, List<Observed> others) {
    }

    /** Encodes the ego and the vehicles around it; vehicles beyond the perception range are left out. */
    public static float[] encode(HighwayConfig config, Vehicle ego, List<Vehicle> others) {
        int rows = config.observedVehicles();
        float[] obs = new float[rows * HighwayConfig.FEATURES];
        double yRange = config.yRange();
        put(obs, 0, ego.x(), ego.y(), ego.vx(), ego.vy(), yRange);
        List<Vehicle> near = new ArrayList<>();
        for (Vehicle v : others) {
            if (Math.abs(v.x() - ego.x()) <= config.perceptionRange()) {
                near.add(v);
            }
        }
        near.sort(Comparator.comparingDouble(v -> Math.abs(v.x() - ego.x())));
        for (int r = 1; r < rows && r - 1 < near.size(); r++) {
            Vehicle v = near.get(r - 1);
            put(obs, r, v.x() - ego.x(), v.y() - ego.y(), v.vx() - ego.vx(), v.vy() - ego.vy(), yRange);
        }
        return obs;
    }

    private static void put(float[] obs, int row, double x, double y, double vx, double vy, double yRange) {
        int o = row * HighwayConfig.FEATURES;
        obs[o] = 1f;
        obs[o + 1] = clip(x / HighwayConfig.X_RANGE);
        obs[o + 2] = clip(y / yRange);
        obs[o + 3] = clip(vx / HighwayConfig.SPEED_RANGE);
        obs[o + 4] = clip(vy / HighwayConfig.SPEED_RANGE);
    }

    private static float clip(double v) {
        return (float) Math.max(-1, Math.min(1, v));
    }

    /** Decodes an observation; rows whose presence is below 0.5 are absent. */
    public static Scene decode(HighwayConfig config, float[] observation) {
        if (observation.length != config.observationDimension()) {
            throw new IllegalArgumentException("observation: expected " + config.observationDimension()
                    + " values, found " + observation.length);
        }
        double yRange = config.yRange();
        double egoY = observation[2] * yRange;
        double egoVx = observation[3] * HighwayConfig.SPEED_RANGE;
        double egoVy = observation[4] * HighwayConfig.SPEED_RANGE;
        List<Observed> others = new ArrayList<>(config.observedVehicles() - 1);
        for (int r = 1; r < config.observedVehicles(); r++) {
            int o = r * HighwayConfig.FEATURES;
            if (observation[o] >= 0.5f) {
                others.add(new Observed(observation[o + 1] * HighwayConfig.X_RANGE, egoY + observation[o + 2] * yRange,
                        egoVx + observation[o + 3] * HighwayConfig.SPEED_RANGE,
                        egoVy + observation[o + 4] * HighwayConfig.SPEED_RANGE));
            }
        }
        return new Scene(egoY, egoVx, egoVy, others);
    }
}
