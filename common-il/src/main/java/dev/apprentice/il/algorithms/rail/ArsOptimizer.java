package dev.apprentice.il.algorithms.rail;

import dev.apprentice.il.algorithms.IterationSeeds;
import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.discriminator.RewardFunction;
import dev.apprentice.il.env.Environment;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.policy.ObservationNormalizer;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Augmented random search V2-t (Mania, Guy and Recht, "Simple random search provides a competitive
 * approach to reinforcement learning", 2018, Algorithm 2): derivative-free ascent on the return of
 * a deterministic policy π_θ under any {@link RewardFunction}, the environment's own reward
 * included. One iteration j:
 *
 * <ol>
 *   <li>draws N directions δ_k ~ N(0, I) and runs π_{θ+νδ_k} and π_{θ−νδ_k} on the same episode
 *       seeds (antithetic pairs), observations normalised by the running statistics μ_j, Σ_j (V2);
 *   <li>keeps the b directions with the largest max(r₊(δ_k), r₋(δ_k)) (-t);
 *   <li>updates θ_{j+1} = θ_j + α / (b σ_R) Σ_{top b} (r₊(δ_k) − r₋(δ_k)) δ_k, σ_R the standard
 *       deviation of the 2b returns used;
 *   <li>folds every observation of the iteration's episodes into μ, Σ (unless
 *       {@link ArsConfig#updateObservationStatistics()} is off: then μ, Σ stay those the search
 *       started with, none giving ARS V1).
 * </ol>
 *
 * <p>Results are bit-for-bit identical for a given seed whatever the thread count: directions and
 * episode seeds derive from (seed, iteration, k) through {@link IterationSeeds}, each episode
 * writes into its own slot, and the reductions (returns, ranking, update, statistics) run in
 * index order after all episodes have finished.
 *
 * <pre>{@code
 * try (ArsOptimizer ars = new ArsOptimizer(ArsConfig.builder().seed(1).build(), CartPoleEnvironment::new, 100_000)) {
 *     for (int it = 1; it <= 50; it++) {
 *         ArsIteration result = ars.step(it, (state, action) -> 1.0);   // CartPole's own reward
 *     }
 *     Policy policy = ars.policy();
 * }
 * }</pre>
 */
public final class ArsOptimizer implements AutoCloseable {

    private final ArsConfig config;
    private final Supplier<? extends Environment> environments;
    private final Box observationSpace;
    private final Space actionSpace;
    private final PolicyFamily family;
    private final int maxEpisodeSteps;
    private final RolloutCollector rollouts;
    private double[] theta;
    private RunningMoments moments;

    /**
     * Starts the search at θ₀ (zero for the linear policy) with empty observation statistics.
     *
     * @param environments creates one environment per worker thread per iteration
     * @param maxEpisodeSteps safety limit: an episode still running after this many steps is an error
     * @throws IllegalArgumentException when the policy type does not fit the environment's spaces
     */
    public ArsOptimizer(ArsConfig config, Supplier<? extends Environment> environments, int maxEpisodeSteps) {
        if (config == null) {
            throw new IllegalArgumentException("ARS config is required");
        }
        if (environments == null) {
            throw new IllegalArgumentException("ARS needs an environment factory, found null");
        }
        if (maxEpisodeSteps < 1) {
            throw new IllegalArgumentException("max episode steps: expected at least 1, found " + maxEpisodeSteps);
        }
        Environment probe = environments.get();
        this.config = config;
        this.environments = environments;
        this.observationSpace = probe.observationSpace();
        this.actionSpace = probe.actionSpace();
        this.family = PolicyFamily.of(config, observationSpace, actionSpace);
        this.maxEpisodeSteps = maxEpisodeSteps;
        this.theta = family.initialParameters(config.seed());
        this.moments = new RunningMoments(observationSpace.dimension());
        this.rollouts = new RolloutCollector(config.threads(), maxEpisodeSteps);
    }

    public ArsConfig config() {
        return config;
    }

    public Box observationSpace() {
        return observationSpace;
    }

    public Space actionSpace() {
        return actionSpace;
    }

    /** Length of θ. */
    public int parameterCount() {
        return theta.length;
    }

    /** π_θ with the current observation statistics frozen into its normaliser. */
    public Policy policy() {
        return family.policy(toFloats(theta), moments.normalizer());
    }

    /** A copy of θ and the observation statistics. */
    public ArsState state() {
        return new ArsState(theta, moments.count(), moments.mean(), moments.m2());
    }

    /**
     * Continues from a saved state.
     *
     * @throws IllegalArgumentException when the state belongs to another policy shape or observation space
     */
    public void restore(ArsState state) {
        if (state.parameters().length != theta.length) {
            throw new IllegalArgumentException("ARS state: expected " + theta.length + " parameters, found "
                    + state.parameters().length);
        }
        if (state.observationMean().length != observationSpace.dimension()) {
            throw new IllegalArgumentException("ARS state: expected statistics of " + observationSpace.dimension()
                    + " observation dimensions, found " + state.observationMean().length);
        }
        this.theta = state.parameters();
        this.moments = RunningMoments.of(state.observationCount(), state.observationMean(), state.observationM2());
    }

    /**
     * Runs one iteration against {@code reward} and updates θ and the observation statistics.
     *
     * @param iteration the iteration number (1 for the first) from which this iteration's
     *     directions and episode seeds derive
     * @param reward r(s, a), called from several threads at once on the raw observation s
     * @throws IllegalStateException when the reward is not finite or an episode does not end
     */
    public ArsIteration step(int iteration, RewardFunction reward) {
        if (iteration < 1) {
            throw new IllegalArgumentException("iteration: expected at least 1, found " + iteration);
        }
        int n = config.directions();
        int m = config.rolloutsPerDirection();
        int p = theta.length;
        double[][] deltas = new double[n][p];
        long[][] episodeSeeds = new long[n][m];
        for (int k = 0; k < n; k++) {
            SplittableRandom rng = IterationSeeds.random(config.seed(), iteration, k);
            for (int j = 0; j < m; j++) {
                episodeSeeds[k][j] = rng.nextLong();
            }
            for (int i = 0; i < p; i++) {
                deltas[k][i] = rng.nextGaussian();
            }
        }
        ObservationNormalizer normalizer = moments.normalizer();
        Policy[] candidates = new Policy[2 * n];
        for (int k = 0; k < n; k++) {
            candidates[2 * k] = family.policy(perturbed(theta, deltas[k], config.noise()), normalizer);
            candidates[2 * k + 1] = family.policy(perturbed(theta, deltas[k], -config.noise()), normalizer);
        }

        long start = System.nanoTime();
        Rollout[] slots = runInParallel(candidates, episodeSeeds, reward);
        double rolloutSeconds = (System.nanoTime() - start) / 1e9;

        double[] returns = new double[2 * n];
        double environmentReturn = 0;
        long steps = 0;
        List<Trajectory> episodes = new ArrayList<>(slots.length);
        for (int c = 0; c < 2 * n; c++) {
            double sum = 0;
            for (int j = 0; j < m; j++) {
                Rollout r = slots[c * m + j];
                sum += r.rewardReturn;
                environmentReturn += r.trajectory.totalReward();
                steps += r.trajectory.length();
                episodes.add(r.trajectory);
            }
            returns[c] = sum / m;
        }
        double topStd = update(deltas, returns);
        if (config.updateObservationStatistics()) {
            for (Rollout r : slots) {
                moments.merge(r.moments);
            }
        }
        double mean = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (double r : returns) {
            mean += r;
            max = Math.max(max, r);
        }
        return new ArsIteration(iteration, mean / returns.length, max, topStd, environmentReturn / slots.length, steps,
                rolloutSeconds, episodes);
    }

    /**
     * θ ← θ + α / (b σ_R) Σ_{k in top b} (r₊(δ_k) − r₋(δ_k)) δ_k (Mania, Guy and Recht 2018,
     * Algorithm 2, lines 6–7). Directions are ranked by max(r₊, r₋), ties by index; when the 2b
     * returns are all equal, σ_R = 0 and every difference is 0, so θ stays as it is.
     *
     * @return σ_R
     */
    private double update(double[][] deltas, double[] returns) {
        int n = deltas.length;
        int b = config.topDirections();
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> Math.max(returns[2 * k], returns[2 * k + 1]))
                .reversed());
        double mean = 0;
        for (int r = 0; r < b; r++) {
            mean += returns[2 * order[r]] + returns[2 * order[r] + 1];
        }
        mean /= 2 * b;
        double squares = 0;
        for (int r = 0; r < b; r++) {
            double plus = returns[2 * order[r]] - mean;
            double minus = returns[2 * order[r] + 1] - mean;
            squares += plus * plus + minus * minus;
        }
        double sigma = Math.sqrt(squares / (2 * b));
        if (!(sigma > 0)) {
            return 0;
        }
        double[] step = new double[theta.length];
        for (int r = 0; r < b; r++) {
            int k = order[r];
            double difference = returns[2 * k] - returns[2 * k + 1];
            for (int i = 0; i < step.length; i++) {
                step[i] += difference * deltas[k][i];
            }
        }
        double scale = config.stepSize() / (b * sigma);
        for (int i = 0; i < theta.length; i++) {
            theta[i] += scale * step[i];
        }
        return sigma;
    }

    /** Runs every (candidate, episode) pair, each into its own slot: candidate c's episode j is slot c·m + j. */
    private Rollout[] runInParallel(Policy[] candidates, long[][] episodeSeeds, RewardFunction reward) {
        int m = config.rolloutsPerDirection();
        return rollouts.runSlots(environments, candidates.length * m,
                (env, s) -> rollout(env, candidates[s / m], reward, episodeSeeds[s / m / 2][s % m])).toArray(new Rollout[0]);
    }

    /**
     * One episode of a deterministic policy, recording what it saw, then the optimised reward of
     * all its steps in one batched pass.
     */
    private Rollout rollout(Environment env, Policy policy, RewardFunction reward, long seed) {
        int sw = observationSpace.width();
        int aw = actionSpace.width();
        RunningMoments seen = new RunningMoments(observationSpace.dimension());
        float[] states = new float[64 * sw];
        float[] actions = new float[64 * aw];
        float[] environmentRewards = new float[64];
        float[] obs = env.reset(seed);
        System.arraycopy(obs, 0, states, 0, sw);
        for (int t = 0; t < maxEpisodeSteps; t++) {
            float[] action = policy.actDeterministic(obs);
            seen.add(obs);
            StepResult result = env.step(action);
            if (t + 1 == environmentRewards.length) {
                states = Arrays.copyOf(states, states.length * 2);
                actions = Arrays.copyOf(actions, actions.length * 2);
                environmentRewards = Arrays.copyOf(environmentRewards, environmentRewards.length * 2);
            }
            System.arraycopy(action, 0, actions, t * aw, aw);
            environmentRewards[t] = (float) result.reward();
            obs = result.observation();
            System.arraycopy(obs, 0, states, (t + 1) * sw, sw);
            if (result.done()) {
                int length = t + 1;
                Trajectory trajectory = new Trajectory(sw, aw, Arrays.copyOf(states, (length + 1) * sw),
                        Arrays.copyOf(actions, length * aw), Arrays.copyOf(environmentRewards, length),
                        result.terminated());
                return new Rollout(rewardReturn(reward, trajectory), seen, trajectory);
            }
        }
        throw new IllegalStateException("episode with seed " + seed + " did not end within " + maxEpisodeSteps + " steps");
    }

    /** Σ r(s_t, a_t) over the episode, scored in one pass. */
    private static double rewardReturn(RewardFunction reward, Trajectory episode) {
        double[] rewards = reward.rewards(episode);
        double sum = 0;
        for (int t = 0; t < rewards.length; t++) {
            if (!Double.isFinite(rewards[t])) {
                throw new IllegalStateException("reward function returned " + rewards[t] + " for state "
                        + Arrays.toString(episode.state(t)) + " and action " + Arrays.toString(episode.action(t))
                        + "; expected a finite value");
            }
            sum += rewards[t];
        }
        return sum;
    }

    private static float[] toFloats(double[] theta) {
        float[] out = new float[theta.length];
        for (int i = 0; i < theta.length; i++) {
            out[i] = (float) theta[i];
        }
        return out;
    }

    /** θ + ν δ as the floats a policy holds (ν negative for θ − |ν| δ). */
    private static float[] perturbed(double[] theta, double[] delta, double noise) {
        float[] out = new float[theta.length];
        for (int i = 0; i < theta.length; i++) {
            out[i] = (float) (theta[i] + noise * delta[i]);
        }
        return out;
    }

    @Override
    public void close() {
        rollouts.close();
    }

    /** What one episode left in its slot. */
    private record Rollout(double rewardReturn, RunningMoments moments, Trajectory trajectory) {
    }
}
