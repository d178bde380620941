package dev.apprentice.lanechange.sim;

/**
 * A snapshot of the vehicles around the ego, for the live web view: positions in road
 * coordinates (x along the road, y across it, lane 0's centre at y = 0).
 *
 * @param time simulated seconds since the episode started
 * @param decisions decisions taken so far
 * @param lanes number of lanes
 * @param laneWidth m
 * @param ego index of the ego in the arrays
 * @param x longitudinal positions, m
 * @param y lateral positions, m
 * @param heading headings, rad
 * @param speed speeds, m/s
 * @param crashed the ego has collided
 * @param egoTargetLane the lane the ego is steering to
 * @param egoTargetSpeed the speed the ego's controller tracks, m/s
 */
public record HighwayScene(double time, int decisions, int lanes, double laneWidth, int ego, double[] x, double[] y,
        double[] heading, double[] speed, boolean crashed, int egoTargetLane, double egoTargetSpeed) {
}
