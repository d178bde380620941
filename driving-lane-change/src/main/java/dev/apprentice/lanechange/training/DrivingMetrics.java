package dev.apprentice.lanechange.training;

import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.policy.Actor;
import dev.apprentice.lanechange.sim.EpisodeTally;
import dev.apprentice.lanechange.sim.HighwayConfig;
import dev.apprentice.lanechange.sim.HighwaySimulator;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * The RAIL paper's driving measures for one driver (policy or expert) over seeded episodes:
 * collision rate, mean speed, lane changes per kilometre and the share of time spent below a
 * one-second headway; and, as a measure of driving style, the mean time headway while following.
 * Measured at physics resolution by the simulator, not from observations.
 *
 * @param episodes episodes driven
 * @param collisionRate share of episodes ending in a collision
 * @param meanSpeed distance over time, m/s
 * @param laneChangesPerKm lane changes started per kilometre driven
 * @param tailgatingShare share of driving time with a time headway below 1 s
 * @param meanTimeHeadway mean time headway to the leader over the time one is within
 *     {@link HighwaySimulator#FOLLOWING_RANGE}, s (0 when the driver never followed anyone)
 */
public record DrivingMetrics(int episodes, double collisionRate, double meanSpeed, double laneChangesPerKm,
        double tailgatingShare, double meanTimeHeadway) {

    /**
     * Drives one episode per seed with {@code actor} acting on raw observations.
     *
     * @param threads parallel simulators (results do not depend on it)
     */
    public static DrivingMetrics measure(HighwayConfig road, Actor actor, long[] seeds, int threads) {
        List<EpisodeTally> tallies = new ArrayList<>(seeds.length);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<EpisodeTally>> futures = new ArrayList<>(seeds.length);
            for (long seed : seeds) {
                futures.add(pool.submit(() -> drive(road, actor, seed)));
            }
            for (Future<EpisodeTally> f : futures) {
                tallies.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring driving metrics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("driving metrics: an episode failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return of(tallies);
    }

    private static EpisodeTally drive(HighwayConfig road, Actor actor, long seed) {
        HighwaySimulator sim = new HighwaySimulator(road);
        SplittableRandom rng = new SplittableRandom(seed);
        float[] obs = sim.reset(seed);
        StepResult r;
        do {
            r = sim.step(actor.act(obs, rng));
            obs = r.observation();
        } while (!r.done());
        return sim.tally();
    }

    /** Aggregates episode tallies. */
    public static DrivingMetrics of(List<EpisodeTally> tallies) {
        if (tallies.isEmpty()) {
            throw new IllegalArgumentException("driving metrics: expected at least 1 episode, found none");
        }
        int crashes = 0;
        double distance = 0;
        double seconds = 0;
        double tailgating = 0;
        double following = 0;
        double headway = 0;
        long laneChanges = 0;
        for (EpisodeTally t : tallies) {
            crashes += t.crashed() ? 1 : 0;
            distance += t.distance();
            seconds += t.seconds();
            tailgating += t.tailgatingSeconds();
            following += t.followingSeconds();
            headway += t.headwayIntegral();
            laneChanges += t.laneChanges();
        }
        return new DrivingMetrics(tallies.size(), crashes / (double) tallies.size(), seconds > 0 ? distance / seconds : 0,
                distance > 0 ? laneChanges / (distance / 1000) : 0, seconds > 0 ? tailgating / seconds : 0,
                following > 0 ? headway / following : 0);
    }
}
