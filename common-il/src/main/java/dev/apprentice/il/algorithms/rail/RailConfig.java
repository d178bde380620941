package dev.apprentice.il.algorithms.rail;

import static dev.apprentice.il.algorithms.ConfigChecks.atLeast;
import static dev.apprentice.il.algorithms.ConfigChecks.required;

import dev.apprentice.il.algorithms.TrainerConfig;
import dev.apprentice.il.discriminator.DiscriminatorConfig;
import dev.apprentice.il.discriminator.DiscriminatorObjective;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of {@link RailTrainer}, validated when built: the augmented random search settings
 * (defaults of Mania, Guy and Recht 2018, see {@link ArsConfig}), the number of iterations, and the
 * discriminator's settings, whose default follows Shin and Kim (2019) in using the least-squares
 * GAN loss (Mao et al. 2017) and rewards −log(1 − D).
 */
public final class RailConfig implements TrainerConfig {

    private final int iterations;
    private final int warmStartEpochs;
    private final ArsConfig ars;
    private final DiscriminatorConfig discriminator;

    private RailConfig(Builder b) {
        this.iterations = atLeast("iterations", b.iterations, 1);
        this.ars = b.ars.build();
        this.warmStartEpochs = atLeast("warmStartEpochs", b.warmStartEpochs, 0);
        if (warmStartEpochs > 0 && ars.policyType() != ArsConfig.PolicyType.LINEAR) {
            throw new IllegalArgumentException("warmStartEpochs: the warm start fits a linear policy, found policy type "
                    + ars.policyType());
        }
        this.discriminator = required("discriminator", b.discriminator);
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults. */
    public static RailConfig defaults() {
        return builder().build();
    }

    /**
     * RAIL's default discriminator: the shared defaults (a 2×100 tanh MLP, batches of 128 per
     * class, reward −log(1 − D)) with the least-squares loss of Shin and Kim (2019), and 16 Adam
     * steps at 1e-3 per iteration instead of 4 at 3e-4. ARS takes one discriminator snapshot per
     * iteration and moves every parameter each time, so the discriminator must catch up with the
     * new policy within one round: with 4 steps at 3e-4 the identity tasks stalled at normalised
     * returns of 0.3–0.7 after 100 iterations; with 16 at 1e-3 they reached 0.99–1.0.
     */
    public static DiscriminatorConfig defaultDiscriminator() {
        return DiscriminatorConfig.builder().objective(DiscriminatorObjective.LEAST_SQUARES).updatesPerIteration(16)
                .learningRate(1e-3).build();
    }

    /** ARS iterations, each followed by one round of discriminator updates. */
    public int iterations() {
        return iterations;
    }

    /**
     * Full-batch gradient steps of behaviour cloning that fit the linear policy to the expert's
     * pairs before the search starts (0 = none: θ₀ = 0 as in ARS), the observation statistics
     * starting from the expert states' moments; see {@link LinearWarmStart}. The counterpart of
     * GAIL's warm start: random search then refines a policy that already drives like the expert
     * instead of discovering one from the all-equal M = 0. θ is fitted under those statistics; with
     * {@link ArsConfig#updateObservationStatistics()} off they stay, so θ keeps meaning the policy
     * that was fitted.
     */
    public int warmStartEpochs() {
        return warmStartEpochs;
    }

    /** The random search settings. */
    public ArsConfig ars() {
        return ars;
    }

    public DiscriminatorConfig discriminator() {
        return discriminator;
    }

    @Override
    public long seed() {
        return ars.seed();
    }

    /** Every setting by name; the discriminator's under {@code discriminator.}. */
    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iterations", iterations);
        m.put("warmStartEpochs", warmStartEpochs);
        m.putAll(ars.toMap());
        discriminator.toMap().forEach((name, value) -> m.put("discriminator." + name, value));
        return m;
    }

    /** Every setting except the thread count, which does not change the result. */
    @Override
    public Map<String, Object> resultSettings() {
        Map<String, Object> m = toMap();
        m.remove("threads");
        return m;
    }

    @Override
    public String toString() {
        return "RailConfig" + toMap();
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private int iterations = 100;
        private int warmStartEpochs = 0;
        private final ArsConfig.Builder ars = ArsConfig.builder();
        private DiscriminatorConfig discriminator = defaultDiscriminator();

        private Builder() {
        }

        public Builder iterations(int value) {
            this.iterations = value;
            return this;
        }

        /** See {@link RailConfig#warmStartEpochs()}. */
        public Builder warmStartEpochs(int value) {
            this.warmStartEpochs = value;
            return this;
        }

        /** See {@link ArsConfig#intercept()}. */
        public Builder intercept(boolean value) {
            ars.intercept(value);
            return this;
        }

        /** α, see {@link ArsConfig#stepSize()}. */
        public Builder stepSize(double value) {
            ars.stepSize(value);
            return this;
        }

        /** ν, see {@link ArsConfig#noise()}. */
        public Builder noise(double value) {
            ars.noise(value);
            return this;
        }

        /** N, see {@link ArsConfig#directions()}. */
        public Builder directions(int value) {
            ars.directions(value);
            return this;
        }

        /** b, see {@link ArsConfig#topDirections()}; half the directions when never set. */
        public Builder topDirections(int value) {
            ars.topDirections(value);
            return this;
        }

        public Builder rolloutsPerDirection(int value) {
            ars.rolloutsPerDirection(value);
            return this;
        }

        public Builder policyType(ArsConfig.PolicyType value) {
            ars.policyType(value);
            return this;
        }

        /** Hidden widths of the MLP policy. */
        public Builder hiddenSizes(int... sizes) {
            ars.hiddenSizes(sizes);
            return this;
        }

        /** See {@link ArsConfig#updateObservationStatistics()}; true (ARS V2) when never set. */
        public Builder updateObservationStatistics(boolean value) {
            ars.updateObservationStatistics(value);
            return this;
        }

        /** Rollout threads; results do not depend on them. */
        public Builder threads(int value) {
            ars.threads(value);
            return this;
        }

        public Builder discriminator(DiscriminatorConfig value) {
            this.discriminator = value;
            return this;
        }

        /** The seed of directions, episode seeds, policy and discriminator initialisation, and minibatches. */
        public Builder seed(long value) {
            ars.seed(value);
            return this;
        }

        /** Validates and returns the configuration. */
        public RailConfig build() {
            return new RailConfig(this);
        }
    }
}
