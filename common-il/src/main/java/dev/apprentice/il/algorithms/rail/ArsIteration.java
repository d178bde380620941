package dev.apprentice.il.algorithms.rail;

import dev.apprentice.il.data.Trajectory;
import java.util.List;

/**
 * What one iteration of augmented random search did: the returns it measured, the environment's
 * own return for diagnostics, its throughput, and the episodes themselves (RAIL trains its
 * discriminator on them).
 *
 * @param iteration the iteration number the random streams were derived from
 * @param meanReturn mean over the 2N perturbed policies of their return under the optimised reward
 * @param maxReturn the best of those 2N returns
 * @param topReturnStd σ_R, the standard deviation of the 2b returns the update used (0: no update)
 * @param environmentReturnMean mean episode return under the environment's own reward, never
 *     used for learning
 * @param environmentSteps steps taken in all episodes of the iteration
 * @param rolloutSeconds wall time of the parallel rollouts
 * @param rollouts every episode, ordered by direction, then θ + νδ before θ − νδ, then episode
 */
public record ArsIteration(int iteration, double meanReturn, double maxReturn, double topReturnStd,
        double environmentReturnMean, long environmentSteps, double rolloutSeconds, List<Trajectory> rollouts) {

    public ArsIteration {
        rollouts = List.copyOf(rollouts);
    }

    /** Environment steps per second of rollout wall time. */
    public double stepsPerSecond() {
        return environmentSteps / Math.max(rolloutSeconds, 1e-9);
    }
}
