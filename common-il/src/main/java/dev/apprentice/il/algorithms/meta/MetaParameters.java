package dev.apprentice.il.algorithms.meta;

import dev.apprentice.il.algorithms.Checkpoint;
import dev.apprentice.il.algorithms.IterationSeeds;
import dev.apprentice.il.algorithms.meta.NormlConfig.AdvantageSource;
import dev.apprentice.il.spaces.Box;
import java.util.Arrays;

/**
 * Everything NoRML's outer loop optimises, as one vector [θ, offset, ψ] under one Adam, so that a
 * checkpoint holds the whole state in three arrays and a resumed run continues bit for bit.
 */
final class MetaParameters {

    private static final int INITIALISATION_PURPOSE = 1;

    private final NormlConfig config;
    private final Box observationSpace;
    private final Box actionSpace;
    private final int policySize;
    private final double[] values;
    private final MetaAdam adam;

    private MetaParameters(NormlConfig config, Box observationSpace, Box actionSpace, double[] values, MetaAdam adam) {
        this.config = config;
        this.observationSpace = observationSpace;
        this.actionSpace = actionSpace;
        this.policySize = AffineGaussianPolicy.parameterCount(observationSpace.dimension(), actionSpace.dimension());
        this.values = values;
        this.adam = adam;
    }

    /**
     * The starting point: W = 0 and b = 0 (the reference initialises its network near zero), every
     * log-std at {@link NormlConfig#initialLogStd()}, a zero offset, and A_ψ from
     * {@link AdvantageNetwork#initialParameters}.
     */
    static MetaParameters initial(NormlConfig config, Box observationSpace, Box actionSpace) {
        int d = actionSpace.dimension();
        int policySize = AffineGaussianPolicy.parameterCount(observationSpace.dimension(), d);
        double[] psi = config.advantageSource() == AdvantageSource.LEARNED
                ? network(config, observationSpace, actionSpace)
                        .initialParameters(IterationSeeds.random(config.seed(), 0, INITIALISATION_PURPOSE))
                : new double[0];
        double[] values = new double[2 * policySize + psi.length];
        Arrays.fill(values, policySize - d, policySize, config.initialLogStd());
        System.arraycopy(psi, 0, values, 2 * policySize, psi.length);
        return new MetaParameters(config, observationSpace, actionSpace, values,
                new MetaAdam(config.outerLearningRate(), values.length));
    }

    static MetaParameters restore(NormlConfig config, Box observationSpace, Box actionSpace, Checkpoint saved) {
        double[] values = saved.doubles("parameters");
        MetaParameters fresh = initial(config, observationSpace, actionSpace);
        if (values.length != fresh.size()) {
            throw new IllegalArgumentException("checkpoint: expected " + fresh.size() + " NoRML parameters, found "
                    + values.length);
        }
        MetaAdam adam = new MetaAdam(config.outerLearningRate(), values.length);
        adam.restore(saved, "adam");
        return new MetaParameters(config, observationSpace, actionSpace, values, adam);
    }

    private static AdvantageNetwork network(NormlConfig config, Box observationSpace, Box actionSpace) {
        return new AdvantageNetwork(NormlModel.advantageInputs(observationSpace, actionSpace),
                config.advantageHiddenSizes());
    }

    Checkpoint saveTo(Checkpoint checkpoint) {
        adam.saveTo(checkpoint.putDoubles("parameters", values), "adam");
        return checkpoint;
    }

    int size() {
        return values.length;
    }

    /** A copy of ψ. */
    double[] advantage() {
        return Arrays.copyOfRange(values, 2 * policySize, values.length);
    }

    /** One Adam step up the meta-gradient, laid out as [θ, offset, ψ]. */
    void ascend(double[] gradient) {
        adam.ascend(values, gradient);
    }

    /** The current parameters as an immutable model. */
    NormlModel model() {
        return new NormlModel(config.advantageSource(), observationSpace, actionSpace,
                Arrays.copyOfRange(values, 0, policySize), Arrays.copyOfRange(values, policySize, 2 * policySize),
                config.advantageHiddenSizes(), advantage(), config.innerStepSize(), config.rolloutsPerTask(),
                config.maxEpisodeSteps(), config.discount());
    }
}
