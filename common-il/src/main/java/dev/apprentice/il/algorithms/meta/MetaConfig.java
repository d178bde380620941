package dev.apprentice.il.algorithms.meta;

import static dev.apprentice.il.algorithms.ConfigChecks.atLeast;
import static dev.apprentice.il.algorithms.ConfigChecks.hiddenActivation;
import static dev.apprentice.il.algorithms.ConfigChecks.inRange;
import static dev.apprentice.il.algorithms.ConfigChecks.positive;
import static dev.apprentice.il.algorithms.ConfigChecks.required;

import dev.apprentice.il.algorithms.ConfigChecks;
import dev.apprentice.il.algorithms.ImitationLoss;
import dev.apprentice.il.algorithms.TrainerConfig;
import dev.apprentice.il.nn.TrainingEngine;
import dev.apprentice.il.policy.Activation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of {@link MetaImitationTrainer}, validated when built. The defaults are Finn, Abbeel and
 * Levine's (2017, §5.1) for regression: a 40-40 ReLU network, inner step α = 0.01, 10 support and
 * 10 query samples per task, 25 tasks per meta-batch, Adam at β = 0.001 for the meta-update, and
 * 10 steps when adapting; the paper trains with one inner step, we default to 5 so that Reptile
 * (which needs several) runs on the same defaults.
 */
public final class MetaConfig implements TrainerConfig {

    /** The most tasks one meta-iteration draws, a bound on the time and memory of an iteration. */
    public static final int MAX_META_BATCH = 10_000;
    /** The most samples a support or query set may hold. */
    public static final int MAX_SHOTS = 100_000;

    private final MetaMethod method;
    private final ImitationLoss loss;
    private final int[] hiddenSizes;
    private final Activation activation;
    private final int iterations;
    private final int metaBatchSize;
    private final int supportShots;
    private final int queryShots;
    private final int innerSteps;
    private final double outerLearningRate;
    private final FewShotAdaptation adaptation;
    private final TrainingEngine engine;
    private final int threads;
    private final long seed;

    private MetaConfig(Builder b) {
        this.method = required("method", b.method);
        this.loss = required("loss", b.loss);
        this.hiddenSizes = ConfigChecks.hiddenSizes("hiddenSizes", b.hiddenSizes);
        this.activation = hiddenActivation("activation", b.activation);
        this.iterations = atLeast("iterations", b.iterations, 1);
        this.metaBatchSize = inRange("metaBatchSize", b.metaBatchSize, 1, MAX_META_BATCH);
        this.supportShots = inRange("supportShots", b.supportShots, 1, MAX_SHOTS);
        this.queryShots = inRange("queryShots", b.queryShots, 1, MAX_SHOTS);
        this.innerSteps = inRange("innerSteps", b.innerSteps, 1, FewShotAdaptation.MAX_STEPS);
        if (method == MetaMethod.REPTILE && innerSteps < 2) {
            throw new IllegalArgumentException("innerSteps: Reptile needs at least 2 inner steps, found " + innerSteps
                    + " (with one, its update is joint training on the expected loss; Nichol et al. 2018, §5)");
        }
        this.outerLearningRate = positive("outerLearningRate", b.outerLearningRate);
        this.adaptation = new FewShotAdaptation(b.adaptationSteps, b.innerLearningRate, b.entropyBonus, b.varianceWeighting);
        this.engine = required("engine", b.engine);
        this.threads = inRange("threads", b.threads, 1, 256);
        this.seed = b.seed;
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, e.g. to run the same tuning with another method. */
    public Builder toBuilder() {
        return builder().method(method).loss(loss).hiddenSizes(hiddenSizes).activation(activation).iterations(iterations)
                .metaBatchSize(metaBatchSize).supportShots(supportShots).queryShots(queryShots).innerSteps(innerSteps)
                .innerLearningRate(adaptation.learningRate()).outerLearningRate(outerLearningRate)
                .adaptationSteps(adaptation.steps()).entropyBonus(adaptation.entropyBonus())
                .varianceWeighting(adaptation.varianceWeighting()).engine(engine).threads(threads).seed(seed);
    }

    /** Which meta-update; see {@link MetaMethod}. */
    public MetaMethod method() {
        return method;
    }

    /** The imitation loss of the inner loop and of the query set. */
    public ImitationLoss loss() {
        return loss;
    }

    public int[] hiddenSizes() {
        return hiddenSizes.clone();
    }

    public Activation activation() {
        return activation;
    }

    /** Meta-iterations, each one outer update from {@link #metaBatchSize()} tasks. */
    public int iterations() {
        return iterations;
    }

    /** Tasks drawn per meta-iteration. */
    public int metaBatchSize() {
        return metaBatchSize;
    }

    /** Samples per task the inner loop adapts on (the K of K-shot). */
    public int supportShots() {
        return supportShots;
    }

    /** Samples per task that score the adapted parameters (MAML's meta-objective). */
    public int queryShots() {
        return queryShots;
    }

    /** Inner gradient steps during meta-training. */
    public int innerSteps() {
        return innerSteps;
    }

    /** The inner step size α, used in meta-training and adaptation alike. */
    public double innerLearningRate() {
        return adaptation.learningRate();
    }

    /** Adam's step size for the meta-update. */
    public double outerLearningRate() {
        return outerLearningRate;
    }

    /** How a trained initialisation adapts to a new task. */
    public FewShotAdaptation adaptation() {
        return adaptation;
    }

    /** Which code computes gradients; see {@link TrainingEngine}. */
    public TrainingEngine engine() {
        return engine;
    }

    /** Threads that adapt a meta-batch's tasks in parallel; the result does not depend on it. */
    public int threads() {
        return threads;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = resultSettings();
        m.put("threads", threads);
        return m;
    }

    @Override
    public Map<String, Object> resultSettings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method.algorithmName());
        m.put("loss", loss.name().toLowerCase(Locale.ROOT));
        m.put("hiddenSizes", Arrays.stream(hiddenSizes).boxed().toList());
        m.put("activation", activation.name().toLowerCase(Locale.ROOT));
        m.put("iterations", iterations);
        m.put("metaBatchSize", metaBatchSize);
        m.put("supportShots", supportShots);
        m.put("queryShots", queryShots);
        m.put("innerSteps", innerSteps);
        m.put("outerLearningRate", outerLearningRate);
        m.putAll(adaptation.toMap());
        m.put("engine", engine.name().toLowerCase(Locale.ROOT));
        m.put("seed", seed);
        return m;
    }

    @Override
    public String toString() {
        return "MetaConfig" + toMap();
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private MetaMethod method = MetaMethod.MAML;
        private ImitationLoss loss = ImitationLoss.LIKELIHOOD;
        private int[] hiddenSizes = {40, 40};
        private Activation activation = Activation.RELU;
        private int iterations = 1000;
        private int metaBatchSize = 25;
        private int supportShots = 10;
        private int queryShots = 10;
        private int innerSteps = 5;
        private double innerLearningRate = 0.01;
        private double outerLearningRate = 1e-3;
        private int adaptationSteps = 10;
        private double entropyBonus = 0;
        private double varianceWeighting = 1.0;
        private TrainingEngine engine = TrainingEngine.AUTO;
        private int threads = 1;
        private long seed = 0;

        private Builder() {
        }

        public Builder method(MetaMethod value) {
            this.method = value;
            return this;
        }

        public Builder loss(ImitationLoss value) {
            this.loss = value;
            return this;
        }

        public Builder hiddenSizes(int... sizes) {
            this.hiddenSizes = sizes == null ? null : sizes.clone();
            return this;
        }

        public Builder activation(Activation value) {
            this.activation = value;
            return this;
        }

        public Builder iterations(int value) {
            this.iterations = value;
            return this;
        }

        public Builder metaBatchSize(int value) {
            this.metaBatchSize = value;
            return this;
        }

        public Builder supportShots(int value) {
            this.supportShots = value;
            return this;
        }

        public Builder queryShots(int value) {
            this.queryShots = value;
            return this;
        }

        public Builder innerSteps(int value) {
            this.innerSteps = value;
            return this;
        }

        public Builder innerLearningRate(double value) {
            this.innerLearningRate = value;
            return this;
        }

        public Builder outerLearningRate(double value) {
            this.outerLearningRate = value;
            return this;
        }

        public Builder adaptationSteps(int value) {
            this.adaptationSteps = value;
            return this;
        }

        /** The likelihood loss's entropy bonus (default 0: a few shots leave nothing to regularise towards). */
        public Builder entropyBonus(double value) {
            this.entropyBonus = value;
            return this;
        }

        /** The likelihood loss's β-NLL weighting for action boxes (default 1, as BC). */
        public Builder varianceWeighting(double value) {
            this.varianceWeighting = value;
            return this;
        }

        public Builder engine(TrainingEngine value) {
            this.engine = value;
            return this;
        }

        public Builder threads(int value) {
            this.threads = value;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Validates and returns the configuration. */
        public MetaConfig build() {
            return new MetaConfig(this);
        }
    }
}
