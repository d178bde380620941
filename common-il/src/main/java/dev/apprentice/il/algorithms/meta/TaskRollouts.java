package dev.apprentice.il.algorithms.meta;

import dev.apprentice.il.env.Environment;
import dev.apprentice.il.env.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Episodes of one task under one policy, and the reward-based advantages MAML and NoRML's outer
 * loop learn from. Rollouts that must stay reward-free never call {@link StepResult#reward()}.
 */
final class TaskRollouts {

    private TaskRollouts() {
    }

    /**
     * One episode's observations (one more than actions), sampled actions, and rewards (null when
     * the rollout was reward-free).
     */
    record Episode(float[][] observations, float[][] actions, double[] rewards) {

        int length() {
            return actions.length;
        }

        double undiscountedReturn() {
            double sum = 0;
            for (double r : rewards) {
                sum += r;
            }
            return sum;
        }
    }

    /**
     * {@code episodes} episodes of {@code policy} in {@code environment}, the reset seeds and the
     * action noise drawn from one stream seeded with {@code seed}.
     */
    static List<Episode> run(Environment environment, AffineGaussianPolicy policy, long seed, int episodes, int maxSteps,
            boolean readRewards) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Episode> out = new ArrayList<>(episodes);
        for (int e = 0; e < episodes; e++) {
            List<float[]> observations = new ArrayList<>();
            List<float[]> actions = new ArrayList<>();
            List<Double> rewards = new ArrayList<>();
            float[] observation = environment.reset(rng.nextLong());
            observations.add(observation);
            for (int t = 0; t < maxSteps; t++) {
                float[] action = policy.act(observation, rng);
                StepResult result = environment.step(action);
                actions.add(action);
                observation = result.observation();
                observations.add(observation);
                if (readRewards) {
                    rewards.add(result.reward());
                }
                if (result.done()) {
                    break;
                }
            }
            double[] r = null;
            if (readRewards) {
                r = rewards.stream().mapToDouble(Double::doubleValue).toArray();
            }
            out.add(new Episode(observations.toArray(float[][]::new), actions.toArray(float[][]::new), r));
        }
        return out;
    }

    /** Total steps over the episodes. */
    static int steps(List<Episode> episodes) {
        return episodes.stream().mapToInt(Episode::length).sum();
    }

    /** Mean undiscounted return of rollouts that read their rewards. */
    static double meanReturn(List<Episode> episodes) {
        return episodes.stream().mapToDouble(Episode::undiscountedReturn).average().orElse(Double.NaN);
    }

    /**
     * Per step, in episode order: the discounted return to go minus a time-indexed baseline, the
     * mean return to go of the episodes still running at that step. The episodes of one task share
     * their start distribution and horizon, so this baseline is what the reference's per-task
     * linear value fit mostly captures, at no cost.
     */
    static double[] rewardAdvantages(List<Episode> episodes, double discount) {
        int longest = episodes.stream().mapToInt(Episode::length).max().orElse(0);
        double[] baselineSum = new double[longest];
        int[] alive = new int[longest];
        List<double[]> returns = new ArrayList<>(episodes.size());
        for (Episode e : episodes) {
            double[] g = new double[e.length()];
            double running = 0;
            for (int t = e.length() - 1; t >= 0; t--) {
                running = e.rewards()[t] + discount * running;
                g[t] = running;
                baselineSum[t] += running;
                alive[t]++;
            }
            returns.add(g);
        }
        double[] advantages = new double[steps(episodes)];
        int at = 0;
        for (double[] g : returns) {
            for (int t = 0; t < g.length; t++) {
                advantages[at++] = g[t] - baselineSum[t] / alive[t];
            }
        }
        return advantages;
    }

    /**
     * The policy gradient {@code (1/N) Σ_t w_t ∇ log π(a_t | s_t)} over all N steps, with one
     * weight per step in episode order: the inner step's and the outer objective's estimator.
     */
    static double[] weightedScore(AffineGaussianPolicy policy, List<Episode> episodes, double[] weights) {
        double[] g = new double[policy.parameters().length];
        int n = steps(episodes);
        int at = 0;
        for (Episode e : episodes) {
            for (int t = 0; t < e.length(); t++) {
                policy.addScore(e.observations()[t], e.actions()[t], weights[at++] / n, g);
            }
        }
        return g;
    }
}
