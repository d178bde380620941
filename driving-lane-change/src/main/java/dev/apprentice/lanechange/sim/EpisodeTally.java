package dev.apprentice.lanechange.sim;

/**
 * What happened to the ego in one episode, measured at physics resolution: the raw material of
 * the RAIL paper's driving metrics (collision rate, mean speed, lane changes per km, tailgating)
 * and the mean time headway while following.
 *
 * @param decisions decision steps taken
 * @param seconds simulated time, s
 * @param distance distance driven along the road, m
 * @param laneChanges lane changes started by the ego
 * @param tailgatingSeconds time spent with a time headway below {@link HighwaySimulator#HEADWAY_LIMIT}, s
 * @param followingSeconds time spent with a leader in the ego's lane within {@link HighwaySimulator#FOLLOWING_RANGE}, s
 * @param headwayIntegral the time headway to that leader integrated over {@code followingSeconds}, s²
 * @param crashed the ego collided
 * @param offRoad the ego left the road
 */
public record EpisodeTally(int decisions, double seconds, double distance, int laneChanges, double tailgatingSeconds,
        double followingSeconds, double headwayIntegral, boolean crashed, boolean offRoad) {

    /** Mean speed along the road, m/s (0 for an episode of no time). */
    public double meanSpeed() {
        return seconds > 0 ? distance / seconds : 0;
    }
}
