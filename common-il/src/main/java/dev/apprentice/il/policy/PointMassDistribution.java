package dev.apprentice.il.policy;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** The distribution of a deterministic policy (scripted experts, linear random-search policies): all mass on one action. */
public final class PointMassDistribution implements ActionDistribution {

    private final float[] action;

    public PointMassDistribution(float[] action) {
        this.action = action.clone();
    }

    @Override
    public float[] sample(RandomGenerator rng) {
        return action.clone();
    }

    @Override
    public float[] mode() {
        return action.clone();
    }

    @Override
    public double logProbability(float[] candidate) {
        return Arrays.equals(action, candidate) ? 0.0 : Double.NEGATIVE_INFINITY;
    }

    @Override
    public double entropy() {
        return 0.0;
    }
}
