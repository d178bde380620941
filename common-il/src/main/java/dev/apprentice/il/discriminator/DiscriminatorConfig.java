package dev.apprentice.il.discriminator;

import static dev.apprentice.il.algorithms.ConfigChecks.atLeast;
import static dev.apprentice.il.algorithms.ConfigChecks.hiddenActivation;
import static dev.apprentice.il.algorithms.ConfigChecks.nonNegative;
import static dev.apprentice.il.algorithms.ConfigChecks.positive;
import static dev.apprentice.il.algorithms.ConfigChecks.required;

import dev.apprentice.il.algorithms.ConfigChecks;
import dev.apprentice.il.nn.TrainingEngine;
import dev.apprentice.il.policy.Activation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of a {@link Discriminator}, validated when built. Defaults follow GAIL (Ho and Ermon
 * 2016: a 2×100 tanh MLP trained with Adam) with the GAN loss and reward −log(1 − D);
 * RAIL's trainer switches the loss to least squares.
 */
public final class DiscriminatorConfig {

    private final int[] hiddenSizes;
    private final Activation activation;
    private final DiscriminatorObjective objective;
    private final RewardForm rewardForm;
    private final double learningRate;
    private final int batchSize;
    private final int updatesPerIteration;
    private final double gradientPenalty;
    private final double penaltyStep;
    private final TrainingEngine engine;

    private DiscriminatorConfig(Builder b) {
        this.hiddenSizes = ConfigChecks.hiddenSizes("discriminator.hiddenSizes", b.hiddenSizes);
        this.activation = hiddenActivation("discriminator.activation", b.activation);
        this.objective = required("discriminator.objective", b.objective);
        this.rewardForm = required("discriminator.rewardForm", b.rewardForm);
        this.learningRate = positive("discriminator.learningRate", b.learningRate);
        this.batchSize = ConfigChecks.batchSize("discriminator.batchSize", b.batchSize);
        this.updatesPerIteration = atLeast("discriminator.updatesPerIteration", b.updatesPerIteration, 1);
        this.gradientPenalty = nonNegative("discriminator.gradientPenalty", b.gradientPenalty);
        this.penaltyStep = positive("discriminator.penaltyStep", b.penaltyStep);
        if (b.engine == null) {
            throw new IllegalArgumentException("engine: expected one of auto, plain-java, dl4j, found null");
        }
        this.engine = b.engine;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults. */
    public static DiscriminatorConfig defaults() {
        return builder().build();
    }

    /** A builder starting from this configuration's settings. */
    public Builder toBuilder() {
        return new Builder().hiddenSizes(hiddenSizes).activation(activation).objective(objective).rewardForm(rewardForm)
                .learningRate(learningRate).batchSize(batchSize).updatesPerIteration(updatesPerIteration)
                .gradientPenalty(gradientPenalty).penaltyStep(penaltyStep).engine(engine);
    }

    /** Which code trains the networks; see {@link TrainingEngine}. */
    public TrainingEngine engine() {
        return engine;
    }

    public int[] hiddenSizes() {
        return hiddenSizes.clone();
    }

    public Activation activation() {
        return activation;
    }

    public DiscriminatorObjective objective() {
        return objective;
    }

    public RewardForm rewardForm() {
        return rewardForm;
    }

    public double learningRate() {
        return learningRate;
    }

    /** Samples per class (expert and generated) in each update's minibatch. */
    public int batchSize() {
        return batchSize;
    }

    /** Adam steps per training iteration of the policy. */
    public int updatesPerIteration() {
        return updatesPerIteration;
    }

    /** λ of the zero-centred gradient penalty (0 = none). */
    public double gradientPenalty() {
        return gradientPenalty;
    }

    /** Step h of the central difference estimating the penalty, in normalised input units. */
    public double penaltyStep() {
        return penaltyStep;
    }

    /** Every setting by name, for model cards. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hiddenSizes", Arrays.stream(hiddenSizes).boxed().toList());
        m.put("activation", activation.name().toLowerCase(Locale.ROOT));
        m.put("objective", objective.name().toLowerCase(Locale.ROOT));
        m.put("rewardForm", rewardForm.name().toLowerCase(Locale.ROOT));
        m.put("learningRate", learningRate);
        m.put("batchSize", batchSize);
        m.put("updatesPerIteration", updatesPerIteration);
        m.put("gradientPenalty", gradientPenalty);
        m.put("penaltyStep", penaltyStep);
        m.put("engine", engine.name().toLowerCase(Locale.ROOT));
        return m;
    }

    @Override
    public String toString() {
        return "DiscriminatorConfig" + toMap();
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private int[] hiddenSizes = {100, 100};
        private Activation activation = Activation.TANH;
        private DiscriminatorObjective objective = DiscriminatorObjective.GAN;
        private RewardForm rewardForm = RewardForm.MINUS_LOG_ONE_MINUS_D;
        private double learningRate = 3e-4;
        private int batchSize = 128;
        private int updatesPerIteration = 4;
        private double gradientPenalty = 0;
        private double penaltyStep = 0.01;
        private TrainingEngine engine = TrainingEngine.AUTO;

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

        public Builder objective(DiscriminatorObjective value) {
            this.objective = value;
            return this;
        }

        public Builder rewardForm(RewardForm value) {
            this.rewardForm = value;
            return this;
        }

        public Builder learningRate(double value) {
            this.learningRate = value;
            return this;
        }

        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        public Builder updatesPerIteration(int value) {
            this.updatesPerIteration = value;
            return this;
        }

        public Builder gradientPenalty(double value) {
            this.gradientPenalty = value;
            return this;
        }

        public Builder penaltyStep(double value) {
            this.penaltyStep = value;
            return this;
        }

        public Builder engine(TrainingEngine value) {
            this.engine = value;
            return this;
        }

        /** Validates and returns the configuration. */
        public DiscriminatorConfig build() {
            return new DiscriminatorConfig(this);
        }
    }
}
