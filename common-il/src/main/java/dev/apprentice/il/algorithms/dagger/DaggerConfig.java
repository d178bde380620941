package dev.apprentice.il.algorithms.dagger;

import static dev.apprentice.il.algorithms.ConfigChecks.atLeast;
import static dev.apprentice.il.algorithms.ConfigChecks.inRange;

import dev.apprentice.il.algorithms.TrainerConfig;
import dev.apprentice.il.algorithms.bc.BcConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of {@link DaggerTrainer}, validated when built. The mixing schedule is that of Ross,
 * Gordon &amp; Bagnell, "A Reduction of Imitation Learning and Structured Prediction to No-Regret
 * Online Learning" (AISTATS 2011), β<sub>i</sub> = p<sup>i−1</sup>, counted here from round 0
 * (the paper's first, pure-expert round is behaviour cloning on the demonstrations), so
 * β<sub>i</sub> = p<sup>i</sup>. Its analysis only needs the average β to tend to 0; p = 0 is its
 * parameter-free variant, in which the learner alone acts from round 1 on. Defaults: 10 rounds of
 * 10 new episodes each, p = 0.5, the default {@link BcConfig} in every round, rollouts on 1
 * thread with at most 100,000 steps per episode.
 */
public final class DaggerConfig implements TrainerConfig {

    private final int rounds;
    private final int episodesPerRound;
    private final double betaDecay;
    private final BcConfig bc;
    private final int rolloutThreads;
    private final int maxEpisodeSteps;
    private final long seed;

    private DaggerConfig(Builder b) {
        this.rounds = atLeast("rounds", b.rounds, 1);
        this.episodesPerRound = atLeast("episodesPerRound", b.episodesPerRound, 1);
        this.betaDecay = inRange("betaDecay", b.betaDecay, 0, 1);
        if (b.bc == null) {
            throw new IllegalArgumentException("bc: expected the behaviour cloning settings of each round, found null");
        }
        this.rolloutThreads = atLeast("rolloutThreads", b.rolloutThreads, 1);
        this.maxEpisodeSteps = atLeast("maxEpisodeSteps", b.maxEpisodeSteps, 1);
        this.bc = b.bc.withSeed(b.seed);
        this.seed = b.seed;
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults. */
    public static DaggerConfig defaults() {
        return builder().build();
    }

    /** Rounds of rollouts, expert labelling and retraining after the initial behaviour cloning. */
    public int rounds() {
        return rounds;
    }

    /** New episodes rolled out in each round. */
    public int episodesPerRound() {
        return episodesPerRound;
    }

    /** The p of the mixing schedule β<sub>i</sub> = p<sup>i</sup>. */
    public double betaDecay() {
        return betaDecay;
    }

    /**
     * The probability β<sub>i</sub> = p<sup>i</sup> that the rollout actor of round {@code round}
     * acts as the expert at a step; 1 for round 0, whatever p (round 0 is behaviour cloning on the
     * demonstrations).
     */
    public double beta(int round) {
        return Math.pow(betaDecay, round);
    }

    /**
     * The behaviour cloning settings of every round; their seed is this configuration's, and each
     * round trains with its own seed derived from it.
     */
    public BcConfig bc() {
        return bc;
    }

    /** Threads rolling out episodes; the results do not depend on it. */
    public int rolloutThreads() {
        return rolloutThreads;
    }

    /** Safety limit: a rollout still running after this many steps is an error. */
    public int maxEpisodeSteps() {
        return maxEpisodeSteps;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rounds", rounds);
        m.put("episodesPerRound", episodesPerRound);
        m.put("betaDecay", betaDecay);
        m.put("bc", bc.toMap());
        m.put("rolloutThreads", rolloutThreads);
        m.put("maxEpisodeSteps", maxEpisodeSteps);
        m.put("seed", seed);
        return m;
    }

    /** Every setting except the thread count, which does not change the result. */
    @Override
    public Map<String, Object> resultSettings() {
        Map<String, Object> m = toMap();
        m.remove("rolloutThreads");
        return m;
    }

    @Override
    public String toString() {
        return "DaggerConfig" + toMap();
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private int rounds = 10;
        private int episodesPerRound = 10;
        private double betaDecay = 0.5;
        private BcConfig bc = BcConfig.defaults();
        private int rolloutThreads = 1;
        private int maxEpisodeSteps = 100_000;
        private long seed = 0;

        private Builder() {
        }

        public Builder rounds(int value) {
            this.rounds = value;
            return this;
        }

        public Builder episodesPerRound(int value) {
            this.episodesPerRound = value;
            return this;
        }

        public Builder betaDecay(double value) {
            this.betaDecay = value;
            return this;
        }

        /** The behaviour cloning settings of every round; their seed is replaced (see {@link DaggerConfig#bc()}). */
        public Builder bc(BcConfig value) {
            this.bc = value;
            return this;
        }

        public Builder rolloutThreads(int value) {
            this.rolloutThreads = value;
            return this;
        }

        public Builder maxEpisodeSteps(int value) {
            this.maxEpisodeSteps = value;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Validates and returns the configuration. */
        public DaggerConfig build() {
            return new DaggerConfig(this);
        }
    }
}
