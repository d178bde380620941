package dev.apprentice.il.eval;

import dev.apprentice.il.data.Trajectory;
import java.util.List;

/**
 * Summary of a batch of evaluation episodes.
 *
 * @param episodes number of episodes
 * @param meanReturn mean undiscounted return
 * @param sdReturn sample standard deviation of the return
 * @param minReturn worst episode
 * @param maxReturn best episode
 * @param meanLength mean number of steps
 * @param terminationRate share of episodes that ended in a terminal state rather than a time limit
 */
public record EpisodeStatistics(int episodes, double meanReturn, double sdReturn, double minReturn, double maxReturn,
        double meanLength, double terminationRate) {

    /** Summarises trajectories. */
    public static EpisodeStatistics of(List<Trajectory> trajectories) {
        if (trajectories.isEmpty()) {
            throw new IllegalArgumentException("episode statistics: expected at least 1 episode, found none");
        }
        int n = trajectories.size();
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double length = 0;
        int terminated = 0;
        for (Trajectory t : trajectories) {
            double r = t.totalReward();
            sum += r;
            min = Math.min(min, r);
            max = Math.max(max, r);
            length += t.length();
            terminated += t.terminated() ? 1 : 0;
        }
        double mean = sum / n;
        double sq = 0;
        for (Trajectory t : trajectories) {
            double d = t.totalReward() - mean;
            sq += d * d;
        }
        double sd = n > 1 ? Math.sqrt(sq / (n - 1)) : 0.0;
        return new EpisodeStatistics(n, mean, sd, min, max, length / n, terminated / (double) n);
    }
}
