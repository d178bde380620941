package dev.apprentice.il.algorithms.gail;

import dev.apprentice.il.algorithms.ActionTargets;
import dev.apprentice.il.algorithms.Checkpoint;
import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.IterationSeeds;
import dev.apprentice.il.algorithms.Trainer;
import dev.apprentice.il.algorithms.TrainingListener;
import dev.apprentice.il.algorithms.TrainingOptions;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.algorithms.TrainingRun;
import dev.apprentice.il.algorithms.bc.BehaviorCloningTrainer;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.discriminator.Discriminator;
import dev.apprentice.il.discriminator.DiscriminatorMetrics;
import dev.apprentice.il.discriminator.DiscriminatorReward;
import dev.apprentice.il.env.Environment;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.nn.MeanSquaredErrorLoss;
import dev.apprentice.il.nn.PolicyNetworks;
import dev.apprentice.il.nn.PpoClippedLoss;
import dev.apprentice.il.nn.TrainableNetwork;
import dev.apprentice.il.policy.CategoricalDistribution;
import dev.apprentice.il.policy.CategoricalMlpPolicy;
import dev.apprentice.il.policy.DenseNetwork;
import dev.apprentice.il.policy.GaussianMlpPolicy;
import dev.apprentice.il.policy.MlpPolicy;
import dev.apprentice.il.policy.ObservationNormalizer;
import dev.apprentice.il.policy.SquashedGaussianDistribution;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import dev.apprentice.il.spaces.Space;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Generative adversarial imitation learning (Ho and Ermon, NeurIPS 2016) with a PPO generator:
 * each iteration rolls out the stochastic policy, trains the {@link Discriminator} on expert
 * against those rollouts, scores every step with the updated discriminator's reward, and runs
 * several epochs of clipped-surrogate minibatch updates on GAE(λ) advantages with a learned
 * value baseline. The environment's own reward is only reported, never learned from.
 *
 * <p>Besides the losses, each iteration reports {@code approx_kl}: how far its updates moved the
 * policy, KL(π_old ‖ π_new) estimated on the iteration's own steps. PPO's updates are meant to keep
 * it at a few hundredths. Adam moves every weight by about the learning rate whatever the gradient's
 * size, so the narrower the policy's Gaussian, the further a step moves it in KL: a policy cloned
 * to a precise expert (a standard deviation of a few hundredths) can need a learning rate ten times
 * below PPO's usual one, and this metric is where that shows.
 *
 * <p>Rollouts run in parallel on the plain-Java policy; episode seeds and minibatch orders derive
 * from (seed, iteration), so results do not depend on the thread count and a resumed run
 * continues exactly.
 */
public final class GailTrainer implements Trainer {

    /** Episodes are collected in waves of this many until the iteration's step budget is met; a constant, so the number of episodes never depends on the thread count. */
    private static final int EPISODES_PER_WAVE = 4;
    private static final int ROLLOUT_SEEDS = 0;
    private static final int MINIBATCH_ORDER = 1;
    private static final int DISCRIMINATOR_BATCHES = 2;
    /** Per-layer gradient norm limit of the policy and value networks (the 0.5 of common PPO implementations). */
    private static final double MAX_GRADIENT_NORM = 0.5;
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    /** Bound on |log ρ| in the reported KL, as {@link PpoClippedLoss} bounds it. */
    private static final double MAX_LOG_RATIO = 10;

    private final GailConfig config;
    private final int threads;

    /** A trainer using one rollout thread per available processor. */
    public GailTrainer(GailConfig config) {
        this(config, Runtime.getRuntime().availableProcessors());
    }

    /** @param rolloutThreads threads that run episodes in parallel; results do not depend on it */
    public GailTrainer(GailConfig config, int rolloutThreads) {
        if (config == null) {
            throw new IllegalArgumentException("GAIL config is required");
        }
        if (rolloutThreads < 1) {
            throw new IllegalArgumentException("rolloutThreads: expected at least 1, found " + rolloutThreads);
        }
        this.config = config;
        this.threads = rolloutThreads;
    }

    @Override
    public String algorithm() {
        return "gail";
    }

    @Override
    public GailConfig config() {
        return config;
    }

    @Override
    public TrainingOutcome train(ImitationTask task, TrainingOptions options) {
        long start = System.nanoTime();
        Supplier<? extends Environment> environments = task.environments().orElseThrow(() -> new IllegalArgumentException(
                "GAIL interacts with the environment: give the task environments (ImitationTask.withEnvironments)"));
        DemonstrationSet expert = task.demonstrations();
        Space actionSpace = expert.actionSpace();
        if (actionSpace instanceof Box box && !box.isBounded()) {
            throw new IllegalArgumentException("action space: GAIL's squashed Gaussian policy needs a bounded box, found " + box);
        }
        TrainingRun run = new TrainingRun(this, task, options);
        State state = run.resume().map(c -> State.restore(c, expert, config)).orElseGet(() -> State.fresh(task, config));
        Map<String, Double> metrics = new LinkedHashMap<>();
        try (RolloutCollector collector = new RolloutCollector(threads, Integer.MAX_VALUE)) {
            for (int it = state.iteration + 1; it <= config.iterations(); it++) {
                long iterationStart = System.nanoTime();
                MlpPolicy current = state.policy(expert);
                List<Trajectory> episodes = rollouts(collector, environments, current, it);
                DemonstrationSet generated = DemonstrationSet.fromTrajectories(expert.stateSpace(), actionSpace, episodes);
                DiscriminatorMetrics d = state.discriminator.train(expert, generated,
                        IterationSeeds.random(config.seed(), it, DISCRIMINATOR_BATCHES));
                Batch batch = Batch.of(episodes, current, state.discriminator.reward(), state.value.export(), config);
                double[] losses = ppoUpdate(state, batch, IterationSeeds.random(config.seed(), it, MINIBATCH_ORDER));
                double approximateKl = batch.approximateKl(state.policyNet.export(), actionSpace instanceof Discrete);
                state.iteration = it;

                metrics = new LinkedHashMap<>(d.toMap());
                metrics.put("policy_loss", losses[0]);
                metrics.put("value_loss", losses[1]);
                metrics.put("approx_kl", approximateKl);
                metrics.put("episodes", (double) episodes.size());
                metrics.put("mean_episode_length", batch.size / (double) episodes.size());
                metrics.put("discriminator_return_mean", batch.rewardSum / episodes.size());
                metrics.put("env_return_mean", episodes.stream().mapToDouble(Trajectory::totalReward).average().orElse(0));
                metrics.put("env_steps_per_second", batch.size / ((System.nanoTime() - iterationStart) / 1e9));
                int iteration = it;
                run.evaluateIfDue(it, config.iterations(), () -> state.policy(expert), metrics);
                run.endIteration(it, config.iterations(), metrics, () -> state.checkpoint(run.checkpoint(iteration)));
            }
        }
        return new TrainingOutcome(state.policy(expert), algorithm(), config, state.iteration, false, metrics,
                (System.nanoTime() - start) / 1e9);
    }

    /** Whole episodes of the stochastic policy until the step budget is met, seeded by (seed, iteration). */
    private List<Trajectory> rollouts(RolloutCollector collector, Supplier<? extends Environment> environments,
            MlpPolicy policy, int iteration) {
        long base = IterationSeeds.mix(config.seed(), iteration, ROLLOUT_SEEDS);
        List<Trajectory> episodes = new ArrayList<>();
        int steps = 0;
        for (int wave = 0; steps < config.stepsPerIteration(); wave++) {
            for (Trajectory t : collector.collect(environments, policy,
                    RolloutCollector.seeds(base + (long) wave * EPISODES_PER_WAVE, EPISODES_PER_WAVE))) {
                episodes.add(t);
                steps += t.length();
            }
        }
        return episodes;
    }

    /** PPO epochs over the batch; returns the mean policy and value losses. */
    private double[] ppoUpdate(State state, Batch batch, SplittableRandom rng) {
        int n = batch.size;
        int sw = batch.stateWidth;
        int lw = batch.labelWidth;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double policyLoss = 0;
        double valueLoss = 0;
        int updates = 0;
        for (int epoch = 0; epoch < config.ppoEpochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            for (int from = 0; from < n; from += config.minibatchSize()) {
                int m = Math.min(config.minibatchSize(), n - from);
                float[] features = new float[m * sw];
                float[] labels = new float[m * lw];
                float[] returns = new float[m];
                for (int k = 0; k < m; k++) {
                    int row = order[from + k];
                    System.arraycopy(batch.states, row * sw, features, k * sw, sw);
                    System.arraycopy(batch.labels, row * lw, labels, k * lw, lw);
                    returns[k] = batch.returns[row];
                }
                policyLoss += state.policyNet.fit(features, labels, m);
                valueLoss += state.value.fit(features, returns, m);
                updates++;
            }
        }
        return new double[] {policyLoss / updates, valueLoss / updates};
    }

    /**
     * One iteration's training data: normalised states, PPO labels (action, old log-probability,
     * normalised advantage) and value targets, from discriminator rewards and GAE(λ).
     */
    private static final class Batch {
        final int size;
        final int stateWidth;
        final int labelWidth;
        final float[] states;
        final float[] labels;
        final float[] returns;
        double rewardSum;

        private Batch(int size, int stateWidth, int labelWidth) {
            this.size = size;
            this.stateWidth = stateWidth;
            this.labelWidth = labelWidth;
            this.states = new float[size * stateWidth];
            this.labels = new float[size * labelWidth];
            this.returns = new float[size];
        }

        static Batch of(List<Trajectory> episodes, MlpPolicy policy, DiscriminatorReward reward, DenseNetwork value,
                GailConfig config) {
            int n = episodes.stream().mapToInt(Trajectory::length).sum();
            int sw = policy.observationSpace().dimension();
            Space actionSpace = policy.actionSpace();
            int actionLabels = actionSpace instanceof Discrete ? 1 : actionSpace.width();
            Batch b = new Batch(n, sw, actionLabels + 2);
            float[] advantages = new float[n];
            int row = 0;
            for (Trajectory t : episodes) {
                int len = t.length();
                // Every network runs once per episode over all its steps, not once per step.
                float[] z = t.states();
                policy.normalizer().normalizeRowsInPlace(z);
                float[] values = value.forward(z, len + 1);
                if (t.terminated()) {
                    values[len] = 0;
                }
                double[] rewards = reward.rewards(t);
                for (double r : rewards) {
                    b.rewardSum += r;
                }
                double gae = 0;
                for (int s = len - 1; s >= 0; s--) {
                    double delta = rewards[s] + config.discount() * values[s + 1] - values[s];
                    gae = delta + config.discount() * config.gaeLambda() * gae;
                    advantages[row + s] = (float) gae;
                    b.returns[row + s] = (float) (gae + values[s]);
                }
                float[] decisionStates = Arrays.copyOf(z, len * sw);
                System.arraycopy(decisionStates, 0, b.states, row * sw, len * sw);
                float[] outputs = policy.network().forward(decisionStates, len);
                int width = policy.network().outputs();
                for (int s = 0; s < len; s++) {
                    b.encodeAction(policy, outputs, s * width, width, t.action(s), row + s);
                }
                row += len;
            }
            b.normalizeAdvantages(advantages);
            return b;
        }

        /** Writes the action (index, or pre-squash u) and its log-probability under the rollout policy's outputs. */
        private void encodeAction(MlpPolicy policy, float[] out, int offset, int width, float[] action, int row) {
            int at = row * labelWidth;
            boolean discrete = policy instanceof CategoricalMlpPolicy;
            if (discrete) {
                labels[at] = action[0];
            } else {
                float[] u = SquashedGaussianDistribution.unsquash(action, ((GaussianMlpPolicy) policy).actionSpace(),
                        ActionTargets.SQUASH_MARGIN); // as BC pulls the expert's actions inside the box
                System.arraycopy(u, 0, labels, at, u.length);
            }
            labels[at + labelWidth - 2] = (float) logProbability(out, offset, width, labels, at, discrete);
        }

        /**
         * log π(a|s) of the labelled action (index, or pre-squash u) under one row of policy outputs
         * (logits, or means and log-std parameters), as {@link PpoClippedLoss} computes it.
         */
        static double logProbability(float[] out, int offset, int width, float[] labels, int at, boolean discrete) {
            if (discrete) {
                return out[offset + (int) labels[at]] - CategoricalDistribution.logSumExp(out, offset, width);
            }
            int d = width / 2;
            double logP = 0;
            for (int j = 0; j < d; j++) {
                double logStd = GaussianMlpPolicy.boundedLogStd(out[offset + d + j]);
                double z = (labels[at + j] - out[offset + j]) / Math.exp(logStd);
                logP += -0.5 * z * z - logStd - HALF_LOG_2PI;
            }
            return logP;
        }

        /**
         * How far the updates moved the policy on this batch: the mean of (ρ − 1) − log ρ over its
         * steps, ρ = π_new(a|s) / π_old(a|s) for the action the rollout took, an estimate of
         * KL(π_old ‖ π_new) that is unbiased and never negative (Schulman, "Approximating KL
         * divergence", 2020). log ρ is bounded by ±{@value #MAX_LOG_RATIO}, as in the loss.
         */
        double approximateKl(DenseNetwork policy, boolean discrete) {
            float[] out = policy.forward(states, size);
            int width = policy.outputs();
            double sum = 0;
            for (int i = 0; i < size; i++) {
                int at = i * labelWidth;
                double logRatio = logProbability(out, i * width, width, labels, at, discrete) - labels[at + labelWidth - 2];
                logRatio = Math.max(-MAX_LOG_RATIO, Math.min(MAX_LOG_RATIO, logRatio));
                sum += Math.expm1(logRatio) - logRatio;
            }
            return sum / size;
        }

        private void normalizeAdvantages(float[] advantages) {
            double mean = 0;
            for (float a : advantages) {
                mean += a;
            }
            mean /= size;
            double var = 0;
            for (float a : advantages) {
                var += (a - mean) * (a - mean);
            }
            double std = Math.sqrt(var / size) + 1e-8;
            for (int i = 0; i < size; i++) {
                labels[i * labelWidth + labelWidth - 1] = (float) ((advantages[i] - mean) / std);
            }
        }
    }

    /** Everything a GAIL run carries between iterations: what a checkpoint holds. */
    private static final class State {
        final TrainableNetwork policyNet;
        final TrainableNetwork value;
        final Discriminator discriminator;
        final ObservationNormalizer normalizer;
        int iteration;

        private State(TrainableNetwork policyNet, TrainableNetwork value, Discriminator discriminator,
                ObservationNormalizer normalizer, int iteration) {
            this.policyNet = policyNet;
            this.value = value;
            this.discriminator = discriminator;
            this.normalizer = normalizer;
            this.iteration = iteration;
        }

        static State fresh(ImitationTask task, GailConfig config) {
            DemonstrationSet expert = task.demonstrations();
            TrainableNetwork policyNet = PolicyNetworks.build(policySpec(expert, config));
            TrainableNetwork value = PolicyNetworks.build(valueSpec(expert, config));
            float[][] moments = expert.stateMoments();
            ObservationNormalizer normalizer = new ObservationNormalizer(moments[0], moments[1]);
            if (config.warmStartEpochs() > 0) {
                MlpPolicy cloned = (MlpPolicy) new BehaviorCloningTrainer(config.warmStartConfig())
                        .train(ImitationTask.of(expert), TrainingListener.NONE).policy();
                policyNet.load(cloned.network());
                normalizer = cloned.normalizer();
            }
            Discriminator discriminator = Discriminator.forExpert(expert, config.discriminator(),
                    IterationSeeds.mix(config.seed(), 0, 2));
            return new State(policyNet, value, discriminator, normalizer, 0);
        }

        /** The policy network: logits, or means and log-std parameters, trained on PPO's clipped objective. */
        static PolicyNetworks.Spec policySpec(DemonstrationSet expert, GailConfig config) {
            Space actionSpace = expert.actionSpace();
            boolean continuous = actionSpace instanceof Box;
            int outputs = continuous ? 2 * actionSpace.width() : ((Discrete) actionSpace).n();
            return new PolicyNetworks.Spec(expert.stateWidth(), config.policyHiddenSizes(), config.activation(), outputs,
                    new PpoClippedLoss(continuous, config.clipRange(), config.entropyCoefficient()),
                    config.policyLearningRate(), 0, IterationSeeds.mix(config.seed(), 0, 0), MAX_GRADIENT_NORM,
                    config.engine());
        }

        /** The value baseline, regressed on GAE returns. */
        static PolicyNetworks.Spec valueSpec(DemonstrationSet expert, GailConfig config) {
            return new PolicyNetworks.Spec(expert.stateWidth(), config.valueHiddenSizes(), config.activation(), 1,
                    new MeanSquaredErrorLoss(), config.valueLearningRate(), 0, IterationSeeds.mix(config.seed(), 0, 1),
                    MAX_GRADIENT_NORM, config.engine());
        }

        static State restore(Checkpoint c, DemonstrationSet expert, GailConfig config) {
            return new State(PolicyNetworks.restore(c, "policy", policySpec(expert, config)),
                    PolicyNetworks.restore(c, "value", valueSpec(expert, config)),
                    Discriminator.restore(c, "discriminator", expert.stateSpace(), expert.actionSpace(), config.discriminator()),
                    new ObservationNormalizer(c.floats("normalizer.mean"), c.floats("normalizer.std")), c.iteration());
        }

        Checkpoint checkpoint(Checkpoint c) {
            policyNet.saveTo(c, "policy");
            value.saveTo(c, "value");
            c.putFloats("normalizer.mean", normalizer.mean()).putFloats("normalizer.std", normalizer.std());
            discriminator.saveTo(c, "discriminator");
            return c;
        }

        MlpPolicy policy(DemonstrationSet expert) {
            DenseNetwork network = policyNet.export();
            if (expert.actionSpace() instanceof Discrete d) {
                return new CategoricalMlpPolicy(expert.stateSpace(), d, normalizer, network);
            }
            return new GaussianMlpPolicy(expert.stateSpace(), (Box) expert.actionSpace(), normalizer, network);
        }
    }
}
