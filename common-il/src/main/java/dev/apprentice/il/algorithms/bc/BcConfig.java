package dev.apprentice.il.algorithms.bc;

import static dev.apprentice.il.algorithms.ConfigChecks.atLeast;
import static dev.apprentice.il.algorithms.ConfigChecks.hiddenActivation;
import static dev.apprentice.il.algorithms.ConfigChecks.inRange;
import static dev.apprentice.il.algorithms.ConfigChecks.nonNegative;
import static dev.apprentice.il.algorithms.ConfigChecks.positive;

import dev.apprentice.il.algorithms.ConfigChecks;
import dev.apprentice.il.algorithms.TrainerConfig;
import dev.apprentice.il.nn.TrainingEngine;
import dev.apprentice.il.policy.Activation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of {@link BehaviorCloningTrainer}, validated when built. Defaults follow the imitation
 * library's BC (Adam 1e-3, entropy weight 1e-3, a 2×64 tanh MLP, batch 64), with up to 200 epochs,
 * early stopping after 20 epochs without improvement on 20 % held-out episodes, and β-NLL
 * weighting β = 1 for continuous actions.
 */
public final class BcConfig implements TrainerConfig {

    private final int[] hiddenSizes;
    private final Activation activation;
    private final int epochs;
    private final int batchSize;
    private final double learningRate;
    private final double weightDecay;
    private final double entropyBonus;
    private final double varianceWeighting;
    private final double validationFraction;
    private final int patience;
    private final TrainingEngine engine;
    private final long seed;

    private BcConfig(Builder b) {
        this.hiddenSizes = ConfigChecks.hiddenSizes("hiddenSizes", b.hiddenSizes);
        this.activation = hiddenActivation("activation", b.activation);
        this.epochs = atLeast("epochs", b.epochs, 1);
        this.batchSize = ConfigChecks.batchSize("batchSize", b.batchSize);
        this.learningRate = positive("learningRate", b.learningRate);
        this.weightDecay = nonNegative("weightDecay", b.weightDecay);
        this.entropyBonus = nonNegative("entropyBonus", b.entropyBonus);
        this.varianceWeighting = inRange("varianceWeighting", b.varianceWeighting, 0, 1);
        if (!(b.validationFraction >= 0 && b.validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction: expected a value in [0, 1), found "
                    + b.validationFraction);
        }
        if (b.patience < 0) {
            throw new IllegalArgumentException("patience: expected 0 (no early stopping) or more epochs, found "
                    + b.patience);
        }
        if (b.patience > 0 && b.validationFraction == 0) {
            throw new IllegalArgumentException("patience: early stopping needs a validation set; set validationFraction > 0 or patience = 0");
        }
        this.validationFraction = b.validationFraction;
        this.patience = b.patience;
        if (b.engine == null) {
            throw new IllegalArgumentException("engine: expected one of auto, plain-java, dl4j, found null");
        }
        this.engine = b.engine;
        this.seed = b.seed;
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults. */
    public static BcConfig defaults() {
        return builder().build();
    }

    public int[] hiddenSizes() {
        return hiddenSizes.clone();
    }

    public Activation activation() {
        return activation;
    }

    /** Maximum number of passes over the training set. */
    public int epochs() {
        return epochs;
    }

    public int batchSize() {
        return batchSize;
    }

    public double learningRate() {
        return learningRate;
    }

    public double weightDecay() {
        return weightDecay;
    }

    public double entropyBonus() {
        return entropyBonus;
    }

    /**
     * The β of β-NLL for continuous actions (0 = plain likelihood, 1 = the mean learns as under
     * squared error); see {@link dev.apprentice.il.nn.SquashedGaussianNllLoss}.
     */
    public double varianceWeighting() {
        return varianceWeighting;
    }

    /** Share of episodes held out for validation (0 disables validation and early stopping). */
    public double validationFraction() {
        return validationFraction;
    }

    /** Epochs without validation improvement before stopping (0 disables early stopping). */
    public int patience() {
        return patience;
    }

    /** Which code trains the network; see {@link TrainingEngine}. */
    public TrainingEngine engine() {
        return engine;
    }

    @Override
    public long seed() {
        return seed;
    }

    /** These settings with another seed, e.g. a fresh one for each of DAgger's rounds. */
    public BcConfig withSeed(long newSeed) {
        return builder().hiddenSizes(hiddenSizes).activation(activation).epochs(epochs).batchSize(batchSize)
                .learningRate(learningRate).weightDecay(weightDecay).entropyBonus(entropyBonus)
                .varianceWeighting(varianceWeighting).validationFraction(validationFraction).patience(patience)
                .engine(engine).seed(newSeed).build();
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hiddenSizes", Arrays.stream(hiddenSizes).boxed().toList());
        m.put("activation", activation.name().toLowerCase(java.util.Locale.ROOT));
        m.put("epochs", epochs);
        m.put("batchSize", batchSize);
        m.put("learningRate", learningRate);
        m.put("weightDecay", weightDecay);
        m.put("entropyBonus", entropyBonus);
        m.put("varianceWeighting", varianceWeighting);
        m.put("validationFraction", validationFraction);
        m.put("patience", patience);
        m.put("engine", engine.name().toLowerCase(java.util.Locale.ROOT));
        m.put("seed", seed);
        return m;
    }

    @Override
    public String toString() {
        return "BcConfig" + toMap();
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private int[] hiddenSizes = {64, 64};
        private Activation activation = Activation.TANH;
        private int epochs = 200;
        private int batchSize = 64;
        private double learningRate = 1e-3;
        private double weightDecay = 0.0;
        private double entropyBonus = 1e-3;
        private double varianceWeighting = 1.0;
        private double validationFraction = 0.2;
        private int patience = 20;
        private TrainingEngine engine = TrainingEngine.AUTO;
        private long seed = 0;

        private Builder() {
        }

        public Builder hiddenSizes(int... sizes) {
            this.hiddenSizes = sizes == null ? null : sizes.clone();
            return this;
        }

        public Builder activation(Activation value) {
            this.activation = value;
            return this;
        }

        public Builder epochs(int value) {
            this.epochs = value;
            return this;
        }

        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        public Builder learningRate(double value) {
            this.learningRate = value;
            return this;
        }

        public Builder weightDecay(double value) {
            this.weightDecay = value;
            return this;
        }

        public Builder entropyBonus(double value) {
            this.entropyBonus = value;
            return this;
        }

        public Builder varianceWeighting(double value) {
            this.varianceWeighting = value;
            return this;
        }

        public Builder validationFraction(double value) {
            this.validationFraction = value;
            return this;
        }

        public Builder patience(int value) {
            this.patience = value;
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
        public BcConfig build() {
            return new BcConfig(this);
        }
    }
}
