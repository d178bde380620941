package dev.apprentice.il.algorithms.rail;

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
    private final int threads;
    private final long seed;

    private ArsConfig(Builder b) {
        if (!(b.stepSize > 0) || !Double.isFinite(b.stepSize)) {
            throw new IllegalArgumentException("stepSize: expected a finite value > 0, found " + b.stepSize);
        }
        if (!(b.noise > 0) || !Double.isFinite(b.noise)) {
            throw new IllegalArgumentException("noise: expected a finite value > 0, found " + b.noise);
        }
        if (b.directions < 1 || b.directions > MAX_DIRECTIONS) {
            throw new IllegalArgumentException("directions: expected a value in [1, " + MAX_DIRECTIONS + "], found "
                    + b.directions);
        }
        int top = b.topDirections == null ? Math.max(1, b.directions / 2) : b.topDirections;
        if (top < 1 || top > b.directions) {
            throw new IllegalArgumentException("topDirections: expected a value in [1, directions = " + b.directions
                    + "], found " + top);
        }
        if (b.rolloutsPerDirection < 1 || b.rolloutsPerDirection > MAX_ROLLOUTS_PER_DIRECTION) {
            throw new IllegalArgumentException("rolloutsPerDirection: expected a value in [1, "
                    + MAX_ROLLOUTS_PER_DIRECTION + "], found " + b.rolloutsPerDirection);
        }
        if (b.policyType == null) {
            throw new IllegalArgumentException("policyType: expected LINEAR or MLP, found null");
        }
        if (b.hiddenSizes == null || b.hiddenSizes.length == 0) {
            throw new IllegalArgumentException("hiddenSizes: expected at least 1 hidden layer, found none");
        }
        for (int i = 0; i < b.hiddenSizes.length; i++) {
            if (b.hiddenSizes[i] < 1 || b.hiddenSizes[i] > 4096) {
                throw new IllegalArgumentException("hiddenSizes[" + i + "]: expected a width in [1, 4096], found "
                        + b.hiddenSizes[i]);
            }
        }
        if (b.threads < 1 || b.threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads: expected a value in [1, " + MAX_THREADS + "], found " + b.threads);
        }
        this.stepSize = b.stepSize;
        this.noise = b.noise;
        this.directions = b.directions;
        this.topDirections = top;
        this.rolloutsPerDirection = b.rolloutsPerDirection;
        this.policyType = b.policyType;
        this.hiddenSizes = b.hiddenSizes.clone();
        this.threads = b.threads;
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
