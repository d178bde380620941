package dev.apprentice.il.algorithms.rail;

import static dev.apprentice.il.algorithms.ConfigChecks.inRange;
import static dev.apprentice.il.algorithms.ConfigChecks.positive;
import static dev.apprentice.il.algorithms.ConfigChecks.required;

import dev.apprentice.il.algorithms.ConfigChecks;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of {@link ArsOptimizer}, validated when built, so that augmented random search can be
 * configured on its own (with any reward) and inside RAIL alike. Defaults follow Mania, Guy and
 * Recht (2018): step size α = 0.02 and noise ν = 0.03 (their settings for Hopper and Swimmer),
 * N = 16 directions, the top b = N / 2 of them used for the update, one episode per direction,
 * and a linear policy.
 */
public final class ArsConfig {

    /** Most directions per iteration: direction k's random stream is purpose k of {@code IterationSeeds}. */
    public static final int MAX_DIRECTIONS = 1024;
    /** Most episodes per direction and sign. */
    public static final int MAX_ROLLOUTS_PER_DIRECTION = 100;
    /** Most rollout threads. */
    public static final int MAX_THREADS = 256;

    /** What θ parameterises. */
    public enum PolicyType {
        /** {@code a = M x} on the normalised observation x, as in ARS (argmax for discrete actions, clipped for boxes). */
        LINEAR,
        /** A tanh MLP on the normalised observation, acting greedily (argmax of logits, or the squashed mean). */
        MLP
    }

    private final double stepSize;
    private final double noise;
    private final int directions;
    private final int topDirections;
    private final int rolloutsPerDirection;
    private final PolicyType policyType;
    private final int[] hiddenSizes;
    private final boolean intercept;
    private final boolean updateObservationStatistics;
    private final int threads;
    private final long seed;

    private ArsConfig(Builder b) {
        this.stepSize = positive("stepSize", b.stepSize);
        this.noise = positive("noise", b.noise);
        this.directions = inRange("directions", b.directions, 1, MAX_DIRECTIONS);
        this.topDirections = inRange("topDirections",
                b.topDirections == null ? Math.max(1, b.directions / 2) : b.topDirections, 1, b.directions);
        this.rolloutsPerDirection = inRange("rolloutsPerDirection", b.rolloutsPerDirection, 1,
                MAX_ROLLOUTS_PER_DIRECTION);
        this.policyType = required("policyType", b.policyType);
        this.hiddenSizes = ConfigChecks.hiddenSizes("hiddenSizes", b.hiddenSizes);
        this.intercept = b.intercept;
        this.updateObservationStatistics = b.updateObservationStatistics;
        this.threads = inRange("threads", b.threads, 1, MAX_THREADS);
        this.seed = b.seed;
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults. */
    public static ArsConfig defaults() {
        return builder().build();
    }

    /** α, the step size of the parameter update. */
    public double stepSize() {
        return stepSize;
    }

    /** ν, the standard deviation of the parameter perturbations. */
    public double noise() {
        return noise;
    }

    /** N, the random directions δ explored per iteration (each as θ + νδ and θ − νδ). */
    public int directions() {
        return directions;
    }

    /** b, the best directions (by max(r₊, r₋)) that the update uses. */
    public int topDirections() {
        return topDirections;
    }

    /** Episodes run for each of θ ± νδ; their mean return is the direction's return. */
    public int rolloutsPerDirection() {
        return rolloutsPerDirection;
    }

    public PolicyType policyType() {
        return policyType;
    }

    /** Hidden layer widths of the {@link PolicyType#MLP} policy (unused by the linear policy). */
    public int[] hiddenSizes() {
        return hiddenSizes.clone();
    }

    /**
     * Whether the {@link PolicyType#LINEAR} policy is affine, {@code a = M x + c}: one intercept
     * per action row (unused by the MLP, which has biases anyway). Off by default, as in ARS.
     */
    public boolean intercept() {
        return intercept;
    }

    /**
     * Whether each iteration folds the observations its episodes visited into the statistics that
     * normalise the policy's input (ARS V2, the default), or the statistics stay those the search
     * started with. Starting from no statistics, {@code false} is ARS V1 (raw observations); starting
     * from a warm start ({@link RailConfig#warmStartEpochs()}), it keeps the expert states' statistics
     * that the fitted θ assumes. Re-normalising moves every output of a fixed θ: where the expert's
     * policy turns on features that the learner's own visits shift (how often a unit is idle), the
     * shift can feed back into the policy it comes from.
     */
    public boolean updateObservationStatistics() {
        return updateObservationStatistics;
    }

    /** Rollout threads; the results are identical whatever this is. */
    public int threads() {
        return threads;
    }

    /** The seed directions, episode seeds and the MLP's initial weights derive from. */
    public long seed() {
        return seed;
    }

    /** Every setting by name. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stepSize", stepSize);
        m.put("noise", noise);
        m.put("directions", directions);
        m.put("topDirections", topDirections);
        m.put("rolloutsPerDirection", rolloutsPerDirection);
        m.put("policyType", policyType.name().toLowerCase(Locale.ROOT));
        m.put("hiddenSizes", Arrays.stream(hiddenSizes).boxed().toList());
        m.put("intercept", intercept);
        m.put("updateObservationStatistics", updateObservationStatistics);
        m.put("threads", threads);
        m.put("seed", seed);
        return m;
    }

    @Override
    public String toString() {
        return "ArsConfig" + toMap();
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private double stepSize = 0.02;
        private double noise = 0.03;
        private int directions = 16;
        private Integer topDirections;
        private int rolloutsPerDirection = 1;
        private PolicyType policyType = PolicyType.LINEAR;
        private int[] hiddenSizes = {16};
        private boolean intercept = false;
        private boolean updateObservationStatistics = true;
        private int threads = 2;
        private long seed = 0;

        private Builder() {
        }

        public Builder stepSize(double value) {
            this.stepSize = value;
            return this;
        }

        public Builder noise(double value) {
            this.noise = value;
            return this;
        }

        public Builder directions(int value) {
            this.directions = value;
            return this;
        }

        /** b; when never set, half the directions (at least 1). */
        public Builder topDirections(int value) {
            this.topDirections = value;
            return this;
        }

        public Builder rolloutsPerDirection(int value) {
            this.rolloutsPerDirection = value;
            return this;
        }

        public Builder policyType(PolicyType value) {
            this.policyType = value;
            return this;
        }

        public Builder hiddenSizes(int... sizes) {
            this.hiddenSizes = sizes == null ? null : sizes.clone();
            return this;
        }

        public Builder intercept(boolean value) {
            this.intercept = value;
            return this;
        }

        /** See {@link ArsConfig#updateObservationStatistics()}; true (ARS V2) when never set. */
        public Builder updateObservationStatistics(boolean value) {
            this.updateObservationStatistics = value;
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
        public ArsConfig build() {
            return new ArsConfig(this);
        }
    }
}
