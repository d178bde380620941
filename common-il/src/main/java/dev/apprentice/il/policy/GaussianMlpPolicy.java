package dev.apprentice.il.policy;

import dev.apprentice.il.spaces.Box;

/**
 * An MLP policy over a bounded action box: the network outputs, per action dimension, the mean
 * of a Gaussian and an unconstrained log-std parameter which {@link #boundedLogStd(float)} maps
 * smoothly into [{@value #LOG_STD_MIN}, {@value #LOG_STD_MAX}]; samples are squashed into the box.
 */
public final class GaussianMlpPolicy extends MlpPolicy {

    /** Lowest log standard deviation: keeps densities finite when the expert is deterministic. */
    public static final float LOG_STD_MIN = -5f;
    /** Highest log standard deviation: wider than any box after squashing. */
    public static final float LOG_STD_MAX = 2f;

    private final Box actionSpace;

    public GaussianMlpPolicy(Box observationSpace, Box actionSpace, ObservationNormalizer normalizer, DenseNetwork network) {
        super(observationSpace, normalizer, network, 2 * requireBounded(actionSpace).dimension());
        this.actionSpace = actionSpace;
    }

    private static Box requireBounded(Box actionSpace) {
        if (!actionSpace.isBounded()) {
            throw new IllegalArgumentException("action space: a squashed Gaussian policy needs finite bounds, found "
                    + actionSpace);
        }
        return actionSpace;
    }

    @Override
    public Box actionSpace() {
        return actionSpace;
    }

    @Override
    public SquashedGaussianDistribution distribution(float[] observation) {
        float[] out = networkOutput(observation);
        int d = actionSpace.dimension();
        float[] mean = new float[d];
        float[] logStd = new float[d];
        for (int i = 0; i < d; i++) {
            mean[i] = out[i];
            logStd[i] = boundedLogStd(out[d + i]);
        }
        return new SquashedGaussianDistribution(mean, logStd, actionSpace);
    }

    /** Maps an unconstrained network output into [LOG_STD_MIN, LOG_STD_MAX] through tanh. */
    public static float boundedLogStd(float raw) {
        return (float) (LOG_STD_MIN + 0.5 * (LOG_STD_MAX - LOG_STD_MIN) * (Math.tanh(raw) + 1));
    }
}
