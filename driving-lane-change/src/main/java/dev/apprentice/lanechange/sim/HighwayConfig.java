package dev.apprentice.lanechange.sim;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The highway's settings. {@link #defaults()} is highway-env's {@code highway-v0} reference
 * configuration, so that figures are comparable with the best-known open lane-change benchmark.
 *
 * @param lanes number of lanes; lane 0 is the leftmost
 * @param laneWidth m
 * @param speedLimit m/s; traffic starts at {@code otherSpeedLow..otherSpeedHigh} times this
 * @param otherVehicles number of IDM vehicles besides the ego
 * @param simulationHz physics steps per second
 * @param decisionHz policy decisions per second
 * @param episodeDecisions decisions before the episode is truncated
 * @param egoInitialSpeed m/s
 * @param otherSpeedLow lowest initial traffic speed as a share of the speed limit
 * @param otherSpeedHigh highest initial traffic speed as a share of the speed limit
 * @param targetSpeeds the ego's reachable target speeds, ascending, m/s
 * @param vehicleDensity traffic density factor (1 = highway-env's default spacing)
 * @param observedVehicles rows of the kinematics observation, the ego included
 * @param perceptionRange m; vehicles farther ahead or behind are not observed
 */
public record HighwayConfig(int lanes, double laneWidth, double speedLimit, int otherVehicles, int simulationHz,
        int decisionHz, int episodeDecisions, double egoInitialSpeed, double otherSpeedLow, double otherSpeedHigh,
        double[] targetSpeeds, double vehicleDensity, int observedVehicles, double perceptionRange) {

    /** Features per observed vehicle: presence, x, y, vx, vy. */
    public static final int FEATURES = 5;
    /** Observation scale of longitudinal positions, m (x is clipped to ±this). */
    public static final double X_RANGE = 200.0;
    /** Observation scale of speeds, m/s. */
    public static final double SPEED_RANGE = 80.0;

    public HighwayConfig {
        require(lanes >= 2 && lanes <= 8, "lanes", "in [2, 8]", lanes);
        require(laneWidth >= 2.5 && laneWidth <= 6, "laneWidth", "in [2.5, 6] m", laneWidth);
        require(speedLimit > 0 && speedLimit <= 50, "speedLimit", "in (0, 50] m/s", speedLimit);
        require(otherVehicles >= 0 && otherVehicles <= 500, "otherVehicles", "in [0, 500]", otherVehicles);
        require(simulationHz >= 1 && simulationHz <= 100, "simulationHz", "in [1, 100]", simulationHz);
        require(decisionHz >= 1 && simulationHz % decisionHz == 0, "decisionHz", "a divisor of simulationHz " + simulationHz,
                decisionHz);
        require(episodeDecisions >= 1 && episodeDecisions <= 10_000, "episodeDecisions", "in [1, 10000]", episodeDecisions);
        require(otherSpeedLow > 0 && otherSpeedHigh >= otherSpeedLow && otherSpeedHigh <= 1.5, "otherSpeedLow/High",
                "0 < low <= high <= 1.5", otherSpeedLow + ".." + otherSpeedHigh);
        require(targetSpeeds != null && targetSpeeds.length >= 1, "targetSpeeds", "at least one speed", "none");
        targetSpeeds = targetSpeeds.clone();
        for (int i = 0; i < targetSpeeds.length; i++) {
            require(targetSpeeds[i] >= 0 && targetSpeeds[i] <= 60 && (i == 0 || targetSpeeds[i] > targetSpeeds[i - 1]),
                    "targetSpeeds", "ascending values in [0, 60] m/s", Arrays.toString(targetSpeeds));
        }
        require(egoInitialSpeed >= 0 && egoInitialSpeed <= 60, "egoInitialSpeed", "in [0, 60] m/s", egoInitialSpeed);
        require(vehicleDensity > 0 && vehicleDensity <= 5, "vehicleDensity", "in (0, 5]", vehicleDensity);
        require(observedVehicles >= 1 && observedVehicles <= 20, "observedVehicles", "in [1, 20]", observedVehicles);
        require(perceptionRange > 0 && perceptionRange <= 1000, "perceptionRange", "in (0, 1000] m", perceptionRange);
    }

    private static void require(boolean ok, String field, String expected, Object found) {
        if (!ok) {
            throw new IllegalArgumentException(field + ": expected " + expected + ", found " + found);
        }
    }

    /** 4 lanes of 4 m, 30 m/s limit, 50 vehicles, 15 Hz physics, 1 Hz decisions, 40 decisions, 5×5 kinematics. */
    public static HighwayConfig defaults() {
        return new HighwayConfig(4, 4.0, 30.0, 50, 15, 1, 40, 25.0, 0.7, 0.8, new double[] {20, 25, 30}, 1.0, 5, 200.0);
    }

    /** The same road with another number of decisions per episode. */
    public HighwayConfig withEpisodeDecisions(int decisions) {
        return new HighwayConfig(lanes, laneWidth, speedLimit, otherVehicles, simulationHz, decisionHz, decisions,
                egoInitialSpeed, otherSpeedLow, otherSpeedHigh, targetSpeeds, vehicleDensity, observedVehicles,
                perceptionRange);
    }

    /** The same road with another amount of traffic. */
    public HighwayConfig withOtherVehicles(int vehicles) {
        return new HighwayConfig(lanes, laneWidth, speedLimit, vehicles, simulationHz, decisionHz, episodeDecisions,
                egoInitialSpeed, otherSpeedLow, otherSpeedHigh, targetSpeeds, vehicleDensity, observedVehicles,
                perceptionRange);
    }

    @Override
    public double[] targetSpeeds() {
        return targetSpeeds.clone();
    }

    /** Physics steps per decision. */
    public int stepsPerDecision() {
        return simulationHz / decisionHz;
    }

    /** Observation length: {@code observedVehicles × FEATURES}. */
    public int observationDimension() {
        return observedVehicles * FEATURES;
    }

    /** The lateral position of a lane's centre line, m. */
    public double laneCenter(int lane) {
        return lane * laneWidth;
    }

    /** The lane whose centre is nearest to a lateral position, clamped to the road. */
    public int nearestLane(double y) {
        int lane = (int) Math.round(y / laneWidth);
        return Math.max(0, Math.min(lanes - 1, lane));
    }

    /** Index of the reachable target speed nearest to a speed (the lower one on a tie). */
    public int nearestTargetSpeedIndex(double speed) {
        int best = 0;
        for (int k = 1; k < targetSpeeds.length; k++) {
            if (Math.abs(targetSpeeds[k] - speed) < Math.abs(targetSpeeds[best] - speed)) {
                best = k;
            }
        }
        return best;
    }

    /**
     * Whether an observed vehicle occupies a lane: its nearest lane, and also the next lane towards
     * which it is more than {@code straddle} metres off its lane centre (a vehicle changing lanes
     * blocks both).
     */
    public boolean occupies(double y, int lane, double straddle) {
        int nearest = nearestLane(y);
        if (nearest == lane) {
            return true;
        }
        double offset = y - laneCenter(nearest);
        return Math.abs(offset) > straddle && nearest + (offset > 0 ? 1 : -1) == lane;
    }

    /** Observation scale of lateral positions, m: {@code lanes × laneWidth}. */
    public double yRange() {
        return lanes * laneWidth;
    }

    /** The settings for model cards and the API. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lanes", lanes);
        m.put("laneWidth", laneWidth);
        m.put("speedLimit", speedLimit);
        m.put("otherVehicles", otherVehicles);
        m.put("simulationHz", simulationHz);
        m.put("decisionHz", decisionHz);
        m.put("episodeDecisions", episodeDecisions);
        m.put("egoInitialSpeed", egoInitialSpeed);
        m.put("otherSpeedShare", List.of(otherSpeedLow, otherSpeedHigh));
        m.put("targetSpeeds", Arrays.stream(targetSpeeds).boxed().toList());
        m.put("vehicleDensity", vehicleDensity);
        m.put("observedVehicles", observedVehicles);
        m.put("perceptionRange", perceptionRange);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HighwayConfig c && toMap().equals(c.toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return "HighwayConfig" + toMap();
    }
}
