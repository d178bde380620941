package dev.apprentice.il.algorithms.gail;

import static dev.apprentice.il.algorithms.ConfigChecks.atLeast;
import static dev.apprentice.il.algorithms.ConfigChecks.hiddenActivation;
import static dev.apprentice.il.algorithms.ConfigChecks.inRange;
import static dev.apprentice.il.algorithms.ConfigChecks.nonNegative;
import static dev.apprentice.il.algorithms.ConfigChecks.positive;
import static dev.apprentice.il.algorithms.ConfigChecks.required;

import dev.apprentice.il.algorithms.ConfigChecks;
import dev.apprentice.il.algorithms.TrainerConfig;
import dev.apprentice.il.algorithms.bc.BcConfig;
import dev.apprentice.il.discriminator.DiscriminatorConfig;
import dev.apprentice.il.nn.TrainingEngine;
import dev.apprentice.il.policy.Activation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of {@link GailTrainer}, validated when built. Defaults follow GAIL (Ho and Ermon,
 * NeurIPS 2016: γ 0.995, GAE λ 0.97, a 2×100 tanh discriminator) with PPO in place of TRPO at
 * the usual PPO settings (Schulman et al. 2017: clip 0.2, 10 epochs, Adam 3e-4) and 2×64 tanh
 * policy and value networks. Minibatches hold 256 steps rather than PPO's 64: a DL4J update costs
 * about the same for either (its per-operation overhead dominates at this size), so an iteration
 * runs about three times faster for the same number of passes over the data.
 */
public final class GailConfig implements TrainerConfig {

    private final int iterations;
    private final int stepsPerIteration;
    private final int[] policyHiddenSizes;
    private final int[] valueHiddenSizes;
    private final Activation activation;
    private final double policyLearningRate;
    private final double valueLearningRate;
    private final int ppoEpochs;
    private final int minibatchSize;
    private final double clipRange;
    private final double entropyCoefficient;
    private final double discount;
    private final double gaeLambda;
    private final DiscriminatorConfig discriminator;
    private final int warmStartEpochs;
    private final TrainingEngine engine;
    private final long seed;

    private GailConfig(Builder b) {
        this.iterations = atLeast("iterations", b.iterations, 1);
        this.stepsPerIteration = atLeast("stepsPerIteration", b.stepsPerIteration, 1);
        this.policyHiddenSizes = ConfigChecks.hiddenSizes("policyHiddenSizes", b.policyHiddenSizes);
        this.valueHiddenSizes = ConfigChecks.hiddenSizes("valueHiddenSizes", b.valueHiddenSizes);
        this.activation = hiddenActivation("activation", b.activation);
        this.policyLearningRate = positive("policyLearningRate", b.policyLearningRate);
        this.valueLearningRate = positive("valueLearningRate", b.valueLearningRate);
        this.ppoEpochs = atLeast("ppoEpochs", b.ppoEpochs, 1);
        this.minibatchSize = ConfigChecks.batchSize("minibatchSize", b.minibatchSize);
        this.clipRange = inRange("clipRange", b.clipRange, 0.01, 1.0);
        this.entropyCoefficient = nonNegative("entropyCoefficient", b.entropyCoefficient);
        this.discount = inRange("discount", b.discount, 0.0, 1.0);
        this.gaeLambda = inRange("gaeLambda", b.gaeLambda, 0.0, 1.0);
        this.discriminator = required("discriminator", b.discriminator);
        this.warmStartEpochs = atLeast("warmStartEpochs", b.warmStartEpochs, 0);
        if (b.engine == null) {
            throw new IllegalArgumentException("engine: expected one of auto, plain-java, dl4j, found null");
        }
        this.engine = b.engine;
        this.seed = b.seed;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static GailConfig defaults() {
        return builder().build();
    }

    /** Policy updates (each: rollouts, discriminator update, PPO epochs). */
    public int iterations() {
        return iterations;
    }

    /** Environment steps collected per iteration (whole episodes, so at least this many). */
    public int stepsPerIteration() {
        return stepsPerIteration;
    }

    public int[] policyHiddenSizes() {
        return policyHiddenSizes.clone();
    }

    public int[] valueHiddenSizes() {
        return valueHiddenSizes.clone();
    }

    public Activation activation() {
        return activation;
    }

    public double policyLearningRate() {
        return policyLearningRate;
    }

    public double valueLearningRate() {
        return valueLearningRate;
    }

    /** Passes over each iteration's rollouts. */
    public int ppoEpochs() {
        return ppoEpochs;
    }

    public int minibatchSize() {
        return minibatchSize;
    }

    /** PPO's ε. */
    public double clipRange() {
        return clipRange;
    }

    public double entropyCoefficient() {
        return entropyCoefficient;
    }

    /** γ. */
    public double discount() {
        return discount;
    }

    /** GAE's λ (Schulman et al., "High-dimensional continuous control using GAE", 2016). */
    public double gaeLambda() {
        return gaeLambda;
    }

    public DiscriminatorConfig discriminator() {
        return discriminator;
    }

    /**
     * Epochs of behaviour cloning that initialise the policy before adversarial training (0 = none).
     * BC is the common fix when GAIL alone underperforms it.
     */
    public int warmStartEpochs() {
        return warmStartEpochs;
    }

    /** The BC settings of the warm start: the policy's architecture, no early stopping. */
    BcConfig warmStartConfig() {
        return BcConfig.builder().hiddenSizes(policyHiddenSizes).activation(activation).epochs(warmStartEpochs)
                .validationFraction(0).patience(0).engine(engine).seed(seed).build();
    }

    /** Which code trains the networks; see {@link TrainingEngine}. */
    public TrainingEngine engine() {
        return engine;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iterations", iterations);
        m.put("stepsPerIteration", stepsPerIteration);
        m.put("policyHiddenSizes", Arrays.stream(policyHiddenSizes).boxed().toList());
        m.put("valueHiddenSizes", Arrays.stream(valueHiddenSizes).boxed().toList());
        m.put("activation", activation.name().toLowerCase(Locale.ROOT));
        m.put("policyLearningRate", policyLearningRate);
        m.put("valueLearningRate", valueLearningRate);
        m.put("ppoEpochs", ppoEpochs);
        m.put("minibatchSize", minibatchSize);
        m.put("clipRange", clipRange);
        m.put("entropyCoefficient", entropyCoefficient);
        m.put("discount", discount);
        m.put("gaeLambda", gaeLambda);
        m.put("discriminator", discriminator.toMap());
        m.put("warmStartEpochs", warmStartEpochs);
        m.put("engine", engine.name().toLowerCase(Locale.ROOT));
        m.put("seed", seed);
        return m;
    }

    @Override
    public String toString() {
        return "GailConfig" + toMap();
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private int iterations = 100;
        private int stepsPerIteration = 2048;
        private int[] policyHiddenSizes = {64, 64};
        private int[] valueHiddenSizes = {64, 64};
        private Activation activation = Activation.TANH;
        private double policyLearningRate = 3e-4;
        private double valueLearningRate = 1e-3;
        private int ppoEpochs = 10;
        private int minibatchSize = 256;
        private double clipRange = 0.2;
        private double entropyCoefficient = 0.0;
        private double discount = 0.995;
        private double gaeLambda = 0.97;
        private DiscriminatorConfig discriminator = DiscriminatorConfig.defaults();
        private int warmStartEpochs = 0;
        private TrainingEngine engine = TrainingEngine.AUTO;
        private long seed = 0;

        private Builder() {
        }

        public Builder iterations(int value) {
            this.iterations = value;
            return this;
        }

        public Builder stepsPerIteration(int value) {
            this.stepsPerIteration = value;
            return this;
        }

        public Builder policyHiddenSizes(int... sizes) {
            this.policyHiddenSizes = sizes == null ? null : sizes.clone();
            return this;
        }

        public Builder valueHiddenSizes(int... sizes) {
            this.valueHiddenSizes = sizes == null ? null : sizes.clone();
            return this;
        }

        public Builder activation(Activation value) {
            this.activation = value;
            return this;
        }

        public Builder policyLearningRate(double value) {
            this.policyLearningRate = value;
            return this;
        }

        public Builder valueLearningRate(double value) {
            this.valueLearningRate = value;
            return this;
        }

        public Builder ppoEpochs(int value) {
            this.ppoEpochs = value;
            return this;
        }

        public Builder minibatchSize(int value) {
            this.minibatchSize = value;
            return this;
        }

        public Builder clipRange(double value) {
            this.clipRange = value;
            return this;
        }

        public Builder entropyCoefficient(double value) {
            this.entropyCoefficient = value;
            return this;
        }

        public Builder discount(double value) {
            this.discount = value;
            return this;
        }

        public Builder gaeLambda(double value) {
            this.gaeLambda = value;
            return this;
        }

        public Builder discriminator(DiscriminatorConfig value) {
            this.discriminator = value;
            return this;
        }

        public Builder warmStartEpochs(int value) {
            this.warmStartEpochs = value;
            return this;
        }

        public Builder engine(TrainingEngine value) {
            this.engine = value;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Validates and returns the configuration. */
        public GailConfig build() {
            return new GailConfig(this);
        }
    }
}
