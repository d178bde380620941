package dev.apprentice.il.algorithms.bc;

import dev.apprentice.il.algorithms.ActionTargets;
import dev.apprentice.il.algorithms.ImitationLoss;
import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.Trainer;
import dev.apprentice.il.algorithms.Checkpoint;
import dev.apprentice.il.algorithms.TrainingOptions;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.algorithms.TrainingRun;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.data.MinibatchSampler;
import dev.apprentice.il.nn.PolicyNetworks;
import dev.apprentice.il.nn.TrainableNetwork;
import dev.apprentice.il.policy.CategoricalMlpPolicy;
import dev.apprentice.il.policy.GaussianMlpPolicy;
import dev.apprentice.il.policy.ObservationNormalizer;
import dev.apprentice.il.policy.Policy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Behaviour cloning: maximises the likelihood of the expert's actions under the policy (minus an
 * entropy bonus) by minibatch Adam on a {@link TrainableNetwork}, with early stopping on the loss over
 * held-out episodes; the best network is exported to a plain-Java {@link Policy}. Discrete
 * actions give a {@link CategoricalMlpPolicy}, bounded boxes a {@link GaussianMlpPolicy}.
 */
public final class BehaviorCloningTrainer implements Trainer {

    private final BcConfig config;

    public BehaviorCloningTrainer(BcConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("BC config is required");
        }
        this.config = config;
    }

    @Override
    public String algorithm() {
        return "bc";
    }

    @Override
    public BcConfig config() {
        return config;
    }

    @Override
    public TrainingOutcome train(ImitationTask task, TrainingOptions options) {
        long start = System.nanoTime();
        TrainingRun run = new TrainingRun(this, task, options);
        DemonstrationSet all = task.demonstrations();
        boolean validate = config.validationFraction() > 0 && all.episodeCount() >= 2;
        DemonstrationSet training = all;
        DemonstrationSet validation = null;
        if (validate) {
            DemonstrationSet.Split split = all.splitByEpisode(config.validationFraction(), config.seed());
            training = split.training();
            validation = split.validation();
        }
        float[][] moments = training.stateMoments();
        ObservationNormalizer normalizer = new ObservationNormalizer(moments[0], moments[1]);
        ActionTargets labels = new ActionTargets(all.actionSpace(), ImitationLoss.LIKELIHOOD);

        Batch validationData = validation == null ? null : Batch.of(validation, normalizer, labels);
        MinibatchSampler sampler = training.sampler(config.batchSize(), config.seed());
        PolicyNetworks.Spec spec = new PolicyNetworks.Spec(all.stateWidth(), config.hiddenSizes(), config.activation(),
                labels.width(), labels.loss(config.entropyBonus(), config.varianceWeighting()), config.learningRate(), config.weightDecay(), config.seed(), 0,
                config.engine());
        Progress p = run.resume().map(c -> Progress.restore(c, spec, sampler))
                .orElseGet(() -> new Progress(PolicyNetworks.build(spec)));
        TrainableNetwork net = p.net;
        Map<String, Double> metrics = new LinkedHashMap<>();
        boolean stoppedEarly = false;
        while (p.epoch < config.epochs()) {
            p.epoch++;
            long epochStart = System.nanoTime();
            double lossSum = 0;
            int samples = 0;
            sampler.startEpoch();
            while (sampler.nextBatch()) {
                int n = sampler.size();
                float[] states = sampler.states().clone();
                normalizer.normalizeRowsInPlace(states);
                lossSum += net.fit(states, labels.encode(sampler.actions(), n), n) * n;
                samples += n;
            }
            p.trainSeconds += (System.nanoTime() - epochStart) / 1e9;
            p.samplesSeen += samples;
            metrics = new LinkedHashMap<>();
            metrics.put("train_loss", lossSum / samples);
            metrics.put("samples_per_second", p.samplesSeen / p.trainSeconds);
            if (validationData != null) {
                metrics.put("validation_loss", validationData.meanLoss(net));
                metrics.putAll(labels.validationMetrics(net.output(validationData.features, validationData.rows), validation));
                double criterion = metrics.get(labels.stoppingMetric());
                if (criterion < p.bestCriterion) {
                    p.bestCriterion = criterion;
                    p.bestParams = net.parameters();
                    p.bestMetrics = new LinkedHashMap<>(metrics);
                    p.epochsWithoutImprovement = 0;
                } else {
                    p.epochsWithoutImprovement++;
                }
            }
            run.evaluateIfDue(p.epoch, config.epochs(),
                    () -> labels.policy(all.stateSpace(), normalizer, net.export()), metrics);
            run.endIteration(p.epoch, config.epochs(), metrics, () -> p.checkpoint(run));
            if (config.patience() > 0 && validationData != null && p.epochsWithoutImprovement >= config.patience()) {
                stoppedEarly = true;
                break;
            }
        }
        if (p.bestParams != null) {
            net.setParameters(p.bestParams);
            Map<String, Double> best = new LinkedHashMap<>(p.bestMetrics);
            best.put("samples_per_second", metrics.get("samples_per_second"));
            metrics = best;
        }
        metrics.put("best_epoch", (double) (p.epoch - p.epochsWithoutImprovement));
        Policy policy = labels.policy(all.stateSpace(), normalizer, net.export());
        return new TrainingOutcome(policy, algorithm(), config, p.epoch, stoppedEarly, metrics,
                (System.nanoTime() - start) / 1e9);
    }

    /** The state of a BC run between epochs: what a checkpoint holds. */
    private static final class Progress {
        final TrainableNetwork net;
        int epoch;
        double bestCriterion = Double.POSITIVE_INFINITY;
        float[] bestParams;
        Map<String, Double> bestMetrics = new LinkedHashMap<>();
        int epochsWithoutImprovement;
        double trainSeconds;
        long samplesSeen;

        Progress(TrainableNetwork net) {
            this.net = net;
        }

        Checkpoint checkpoint(TrainingRun run) {
            Checkpoint c = run.checkpoint(epoch);
            net.saveTo(c, "policy");
            c.putDoubles("progress", new double[] {bestCriterion, epochsWithoutImprovement, trainSeconds, samplesSeen})
                    .putMetrics("best", bestMetrics);
            if (bestParams != null) {
                c.putFloats("best_params", bestParams);
            }
            return c;
        }

        /** Restores the state and replays the sampler's shuffles, so the next epoch sees the same order. */
        static Progress restore(Checkpoint c, PolicyNetworks.Spec spec, MinibatchSampler sampler) {
            Progress p = new Progress(PolicyNetworks.restore(c, "policy", spec));
            p.epoch = c.iteration();
            double[] d = c.doubles("progress");
            p.bestCriterion = d[0];
            p.epochsWithoutImprovement = (int) d[1];
            p.trainSeconds = d[2];
            p.samplesSeen = (long) d[3];
            p.bestMetrics = c.metrics("best");
            if (c.has("best_params")) {
                p.bestParams = c.floats("best_params");
            }
            for (int e = 0; e < p.epoch; e++) {
                sampler.startEpoch();
            }
            return p;
        }
    }

    /** A whole set as one batch of normalised features and encoded labels, for validation. */
    private record Batch(float[] features, float[] labels, int rows) {

        /** Rows scored at a time: BC's losses are per example, so slices keep the engine's buffers small. */
        static final int SLICE = 1024;

        /** The mean loss over all rows, scored slice by slice. */
        double meanLoss(TrainableNetwork net) {
            int in = features.length / rows;
            int lw = labels.length / rows;
            double sum = 0;
            for (int from = 0; from < rows; from += SLICE) {
                int n = Math.min(SLICE, rows - from);
                sum += n * net.score(java.util.Arrays.copyOfRange(features, from * in, (from + n) * in),
                        java.util.Arrays.copyOfRange(labels, from * lw, (from + n) * lw), n);
            }
            return sum / rows;
        }

        static Batch of(DemonstrationSet set, ObservationNormalizer normalizer, ActionTargets labels) {
            int n = set.size();
            int sw = set.stateWidth();
            int aw = set.actionWidth();
            float[] states = new float[n * sw];
            float[] actions = new float[n * aw];
            for (int i = 0; i < n; i++) {
                set.copyState(i, states, i * sw);
                set.copyAction(i, actions, i * aw);
            }
            normalizer.normalizeRowsInPlace(states);
            return new Batch(states, labels.encode(actions, n), n);
        }
    }
}
