package dev.apprentice.il.discriminator;

import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.policy.DenseNetwork;

/**
 * An immutable snapshot of a {@link Discriminator} as a reward: plain-Java forward pass, no ND4J,
 * safe for many rollout threads. Policy optimisers take one snapshot per iteration, so every
 * rollout of that iteration is scored by the same discriminator.
 */
public final class DiscriminatorReward implements RewardFunction {

    /** Least-squares outputs are clipped to [ε, 1 − ε] before they are read as probabilities. */
    static final double LEAST_SQUARES_EPSILON = 1e-3;

    private final DiscriminatorInput input;
    private final DenseNetwork network;
    private final DiscriminatorObjective objective;
    private final RewardForm form;

    DiscriminatorReward(DiscriminatorInput input, DenseNetwork network, DiscriminatorObjective objective, RewardForm form) {
        this.input = input;
        this.network = network;
        this.objective = objective;
        this.form = form;
    }

    /**
     * The network behind the reward, whose input is the normalised state followed by the encoded
     * action (see {@link Discriminator}); for callers that store the discriminator itself.
     */
    public DenseNetwork network() {
        return network;
    }

    /** The discriminator's raw output: a logit (GAN) or the least-squares score. */
    public double output(float[] state, float[] action) {
        return network.forward(input.encode(state, action))[0];
    }

    /** D(s, a): the probability that the pair is the expert's. */
    public double probabilityExpert(float[] state, float[] action) {
        return probability(objective, output(state, action));
    }

    @Override
    public double reward(float[] state, float[] action) {
        return reward(objective, form, output(state, action));
    }

    /** Encodes the whole episode and runs the network once over all its steps. */
    @Override
    public double[] rewards(Trajectory episode) {
        int n = episode.length();
        float[] outputs = network.forward(input.encode(episode.states(), episode.actions(), n), n);
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            out[t] = reward(objective, form, outputs[t]);
        }
        return out;
    }

    /** D from a raw output: σ(y) for GAN, y clipped into [ε, 1 − ε] for least squares. */
    static double probability(DiscriminatorObjective objective, double y) {
        if (objective == DiscriminatorObjective.GAN) {
            return 1 / (1 + Math.exp(-y));
        }
        return Math.max(LEAST_SQUARES_EPSILON, Math.min(1 - LEAST_SQUARES_EPSILON, y));
    }

    /** The reward from a raw output; for GAN computed from the logit directly, which stays exact for large |y|. */
    static double reward(DiscriminatorObjective objective, RewardForm form, double y) {
        if (objective == DiscriminatorObjective.GAN) {
            return form == RewardForm.LOG_ODDS ? y : Math.max(y, 0) + Math.log1p(Math.exp(-Math.abs(y)));
        }
        double d = probability(objective, y);
        return form == RewardForm.LOG_ODDS ? Math.log(d) - Math.log1p(-d) : -Math.log1p(-d);
    }
}
