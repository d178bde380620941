package dev.apprentice.il.algorithms.meta;

import static dev.apprentice.il.algorithms.ConfigChecks.atLeast;
import static dev.apprentice.il.algorithms.ConfigChecks.hiddenSizes;
import static dev.apprentice.il.algorithms.ConfigChecks.inRange;
import static dev.apprentice.il.algorithms.ConfigChecks.nonNegative;
import static dev.apprentice.il.algorithms.ConfigChecks.positive;
import static dev.apprentice.il.algorithms.ConfigChecks.required;

import dev.apprentice.il.algorithms.TrainerConfig;
import dev.apprentice.il.policy.GaussianMlpPolicy;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of {@link NormlTrainer}, validated when built. The defaults are the paper's NoRML
 * settings for the dense rotate task (Yang et al. 2019, and the released {@code config_maml.py},
 * {@code MOVE_POINT_ROTATE_NORML}); {@link #cartPoleSensorBuilder()} starts from its cart-pole
 * sensor-bias settings ({@code CARTPOLE_SENSOR_NORML}).
 */
public final class NormlConfig implements TrainerConfig {

    /** Where the inner (fine-tuning) step's advantages come from. */
    public enum AdvantageSource {
        /** NoRML: the learned A_ψ(s, a, s′), no reward needed to adapt. */
        LEARNED,
        /** MAML for RL (Finn et al. 2017): discounted reward-to-go minus a baseline; adapting needs rewards. */
        REWARD
    }

    /** Largest hidden width of A_ψ, keeping one meta-iteration's cost bounded. */
    public static final int MAX_ADVANTAGE_WIDTH = 512;

    private final AdvantageSource advantageSource;
    private final int metaIterations;
    private final int tasksPerIteration;
    private final int rolloutsPerTask;
    private final int maxEpisodeSteps;
    private final double innerStepSize;
    private final double outerLearningRate;
    private final double initialLogStd;
    private final double discount;
    private final boolean learnOffset;
    private final boolean firstOrder;
    private final int[] advantageHiddenSizes;
    private final long seed;

    private NormlConfig(Builder b) {
        this.advantageSource = required("advantageSource", b.advantageSource);
        this.metaIterations = atLeast("metaIterations", b.metaIterations, 1);
        this.tasksPerIteration = atLeast("tasksPerIteration", b.tasksPerIteration, 1);
        this.rolloutsPerTask = atLeast("rolloutsPerTask", b.rolloutsPerTask, 1);
        this.maxEpisodeSteps = atLeast("maxEpisodeSteps", b.maxEpisodeSteps, 1);
        this.innerStepSize = nonNegative("innerStepSize", b.innerStepSize);
        this.outerLearningRate = positive("outerLearningRate", b.outerLearningRate);
        this.initialLogStd = inRange("initialLogStd", b.initialLogStd, GaussianMlpPolicy.LOG_STD_MIN,
                GaussianMlpPolicy.LOG_STD_MAX);
        this.discount = inRange("discount", b.discount, 0, 1);
        this.learnOffset = b.learnOffset;
        this.firstOrder = b.firstOrder;
        this.advantageHiddenSizes = hiddenSizes("advantageHiddenSizes", b.advantageHiddenSizes);
        for (int i = 0; i < advantageHiddenSizes.length; i++) {
            if (advantageHiddenSizes[i] > MAX_ADVANTAGE_WIDTH) {
                throw new IllegalArgumentException("advantageHiddenSizes[" + i + "]: expected at most "
                        + MAX_ADVANTAGE_WIDTH + ", found " + advantageHiddenSizes[i]);
            }
        }
        this.seed = b.seed;
    }

    /** A builder holding the paper's rotate-task NoRML settings. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding the paper's cart-pole sensor-bias NoRML settings: inner step 7e-4, outer
     * learning rate 3e-4, initial log-std −3.5, discount 0.97, episodes of up to 500 steps.
     */
    public static Builder cartPoleSensorBuilder() {
        return new Builder().innerStepSize(7e-4).outerLearningRate(3e-4).initialLogStd(-3.5).discount(0.97)
                .maxEpisodeSteps(500);
    }

    /** The rotate-task defaults. */
    public static NormlConfig defaults() {
        return builder().build();
    }

    /** {@link AdvantageSource#LEARNED} (NoRML, the default) or {@link AdvantageSource#REWARD} (MAML-RL). */
    public AdvantageSource advantageSource() {
        return advantageSource;
    }

    /** Outer (meta) iterations; the paper runs 1000. */
    public int metaIterations() {
        return metaIterations;
    }

    /** Tasks drawn per meta-iteration; the paper uses 10. */
    public int tasksPerIteration() {
        return tasksPerIteration;
    }

    /**
     * Episodes per task for the inner step, and again for the adapted policy's outer objective;
     * the paper uses 25.
     */
    public int rolloutsPerTask() {
        return rolloutsPerTask;
    }

    /**
     * Longest episode rolled out; the environment usually ends it first (paper: 10 steps for
     * rotate, 500 for cart-pole; default 500).
     */
    public int maxEpisodeSteps() {
        return maxEpisodeSteps;
    }

    /**
     * α, the inner step size: θ′ = θ + offset + α ∇θ (1/N) Σ_t A_t log π_θ(a_t | s_t). The paper
     * uses 10 for NoRML on rotate (its A_ψ absorbs the scale), 7e-4 on cart-pole.
     */
    public double innerStepSize() {
        return innerStepSize;
    }

    /** Adam's learning rate for θ, the offset and ψ; the paper uses 6e-3 for NoRML on rotate. */
    public double outerLearningRate() {
        return outerLearningRate;
    }

    /**
     * The policy's initial log standard deviation, the exploration noise before meta-training; the
     * paper uses −0.75 for NoRML on rotate. It is a parameter like any other, offset and adapted.
     */
    public double initialLogStd() {
        return initialLogStd;
    }

    /** γ of the reward-to-go in the outer objective (and MAML's inner step); the paper uses 0.9 on rotate. */
    public double discount() {
        return discount;
    }

    /**
     * Whether to learn the offset that disconnects the exploration policy π_θ from the adapted
     * π_θ′ (paper, Section 4.2); true for NoRML, false for the paper's MAML baseline.
     */
    public boolean learnOffset() {
        return learnOffset;
    }

    /**
     * Whether ∂θ′/∂θ is taken as the identity (first-order MAML) instead of I + α H, H the inner
     * objective's Hessian, applied by central differences; the paper differentiates through the
     * inner step (false).
     */
    public boolean firstOrder() {
        return firstOrder;
    }

    /** Hidden widths of A_ψ's tanh MLP; the paper uses (50, 50). Unused with {@link AdvantageSource#REWARD}. */
    public int[] advantageHiddenSizes() {
        return advantageHiddenSizes.clone();
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("advantageSource", advantageSource.name());
        m.put("metaIterations", metaIterations);
        m.put("tasksPerIteration", tasksPerIteration);
        m.put("rolloutsPerTask", rolloutsPerTask);
        m.put("maxEpisodeSteps", maxEpisodeSteps);
        m.put("innerStepSize", innerStepSize);
        m.put("outerLearningRate", outerLearningRate);
        m.put("initialLogStd", initialLogStd);
        m.put("discount", discount);
        m.put("learnOffset", learnOffset);
        m.put("firstOrder", firstOrder);
        m.put("advantageHiddenSizes", Arrays.stream(advantageHiddenSizes).boxed().toList());
        m.put("seed", seed);
        return m;
    }

    @Override
    public String toString() {
        return "NormlConfig" + toMap();
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private AdvantageSource advantageSource = AdvantageSource.LEARNED;
        private int metaIterations = 1000;
        private int tasksPerIteration = 10;
        private int rolloutsPerTask = 25;
        private int maxEpisodeSteps = 500;
        private double innerStepSize = 10;
        private double outerLearningRate = 6e-3;
        private double initialLogStd = -0.75;
        private double discount = 0.9;
        private boolean learnOffset = true;
        private boolean firstOrder = false;
        private int[] advantageHiddenSizes = {50, 50};
        private long seed = 0;

        private Builder() {
        }

        /** See {@link NormlConfig#advantageSource()}. */
        public Builder advantageSource(AdvantageSource value) {
            this.advantageSource = value;
            return this;
        }

        /** See {@link NormlConfig#metaIterations()}. */
        public Builder metaIterations(int value) {
            this.metaIterations = value;
            return this;
        }

        /** See {@link NormlConfig#tasksPerIteration()}. */
        public Builder tasksPerIteration(int value) {
            this.tasksPerIteration = value;
            return this;
        }

        /** See {@link NormlConfig#rolloutsPerTask()}. */
        public Builder rolloutsPerTask(int value) {
            this.rolloutsPerTask = value;
            return this;
        }

        /** See {@link NormlConfig#maxEpisodeSteps()}. */
        public Builder maxEpisodeSteps(int value) {
            this.maxEpisodeSteps = value;
            return this;
        }

        /** See {@link NormlConfig#innerStepSize()}. */
        public Builder innerStepSize(double value) {
            this.innerStepSize = value;
            return this;
        }

        /** See {@link NormlConfig#outerLearningRate()}. */
        public Builder outerLearningRate(double value) {
            this.outerLearningRate = value;
            return this;
        }

        /** See {@link NormlConfig#initialLogStd()}. */
        public Builder initialLogStd(double value) {
            this.initialLogStd = value;
            return this;
        }

        /** See {@link NormlConfig#discount()}. */
        public Builder discount(double value) {
            this.discount = value;
            return this;
        }

        /** See {@link NormlConfig#learnOffset()}. */
        public Builder learnOffset(boolean value) {
            this.learnOffset = value;
            return this;
        }

        /** See {@link NormlConfig#firstOrder()}. */
        public Builder firstOrder(boolean value) {
            this.firstOrder = value;
            return this;
        }

        /** See {@link NormlConfig#advantageHiddenSizes()}. */
        public Builder advantageHiddenSizes(int... sizes) {
            this.advantageHiddenSizes = sizes == null ? null : sizes.clone();
            return this;
        }

        /** The seed of task draws, rollouts and A_ψ's initialisation. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Validates and returns the configuration. */
        public NormlConfig build() {
            return new NormlConfig(this);
        }
    }
}
