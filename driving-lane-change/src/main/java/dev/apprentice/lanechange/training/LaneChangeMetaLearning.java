package dev.apprentice.lanechange.training;

import dev.apprentice.il.algorithms.ImitationLoss;
import dev.apprentice.il.algorithms.meta.MetaConfig;
import dev.apprentice.il.algorithms.meta.MetaMethod;
import dev.apprentice.il.policy.Activation;
import dev.apprentice.service.domain.MetaLearningRecipe;

/**
 * How the lane-change service meta-learns a starting policy that adapts to one driver from one of
 * their episodes: tasks are drivers (a stored episode's source, e.g. {@code sim-driver-17}),
 * samples are {@link dev.apprentice.lanechange.sim.LaneFeatures} with the driver's meta-action,
 * and the loss is the likelihood of that discrete action.
 *
 * <p>Settings, measured with {@link DriverAdaptation} (README, "Adapting to a driver", where the
 * alternatives' numbers are): MAML with one inner step (as Finn, Abbeel and Levine 2017 train) on a
 * 2×64 tanh network, the shape of the service's BC policy, so that the general policy fine-tuned by
 * the same adaptation is a like-for-like baseline; support and query sets of 40 decisions, one
 * episode's worth, because the service adapts from one episode; inner and adaptation step 0.1, 16
 * drivers per meta-batch, Adam at 1e-3, 2,000 iterations. Three inner steps matched speed and
 * headway about as well but agreed with fewer of the drivers' actions; a smaller inner or outer step
 * did worse on both; Reptile and joint pre-training kept the general policy's agreement but not the
 * drivers' speed and headway.
 */
public final class LaneChangeMetaLearning implements MetaLearningRecipe {

    /** Meta-iterations when none are asked for. */
    static final int ITERATIONS = 2_000;
    /** Decisions per support set and per query set: one 40-decision episode. */
    static final int SHOTS = 40;

    @Override
    public String subject() {
        return "driver";
    }

    @Override
    public MetaConfig config(long seed, int threads, int iterations) {
        return MetaConfig.builder().method(MetaMethod.MAML).loss(ImitationLoss.LIKELIHOOD).hiddenSizes(64, 64)
                .activation(Activation.TANH).supportShots(SHOTS).queryShots(SHOTS).metaBatchSize(16).innerSteps(1)
                .innerLearningRate(0.1).adaptationSteps(1).outerLearningRate(1e-3)
                .iterations(iterations > 0 ? iterations : ITERATIONS).threads(threads).seed(seed).build();
    }

    /** A driver is a task once they have a support and a disjoint query set: two episodes' worth. */
    @Override
    public int minimumSamplesPerSubject() {
        return 2 * SHOTS;
    }
}
