package dev.apprentice.il.algorithms.meta;

import dev.apprentice.il.algorithms.ActionTargets;
import dev.apprentice.il.algorithms.Checkpoint;
import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.IterationSeeds;
import dev.apprentice.il.algorithms.Trainer;
import dev.apprentice.il.algorithms.TrainingOptions;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.algorithms.TrainingRun;
import dev.apprentice.il.algorithms.meta.DemonstrationTasks.TaskBatch;
import dev.apprentice.il.algorithms.meta.FewShotAdaptation.Problem;
import dev.apprentice.il.nn.PolicyNetworks;
import dev.apprentice.il.nn.TrainableNetwork;
import dev.apprentice.il.policy.MlpPolicy;
import dev.apprentice.il.policy.ObservationNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Meta-learns an initialisation for imitation from many tasks (MAML, first-order MAML, Reptile,
 * or joint pre-training as their baseline; see {@link MetaMethod}): each iteration draws a batch
 * of tasks, adapts to each task's support set with the {@link InnerLoop}, and moves the
 * initialisation by Adam on the mean meta-gradient. The outcome's policy is the initialisation;
 * {@link MetaConfig#adaptation()} turns it into a task's policy from a few of its samples.
 *
 * <pre>{@code
 * MetaConfig config = MetaConfig.builder().method(MetaMethod.MAML).iterations(2000).seed(1).build();
 * TrainingOutcome outcome = new MetaImitationTrainer(config)
 *         .train(ImitationTask.ofTasks(PerTaskDemonstrations.of(samplesByUser)), TrainingListener.NONE);
 * MlpPolicy forNewUser = config.adaptation().adapt((MlpPolicy) outcome.policy(), newUserSamples);
 * }</pre>
 *
 * <p>Metrics per iteration, means over the batch: {@code support_loss} and {@code query_loss_before}
 * (at the initialisation), {@code query_loss_adapted} (after the inner steps: what MAML minimises),
 * {@code meta_gradient_norm}.
 */
public final class MetaImitationTrainer implements Trainer {

    private final MetaConfig config;

    public MetaImitationTrainer(MetaConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("meta-learning config is required");
        }
        this.config = config;
    }

    @Override
    public String algorithm() {
        return config.method().algorithmName();
    }

    @Override
    public MetaConfig config() {
        return config;
    }

    @Override
    public TrainingOutcome train(ImitationTask task, TrainingOptions options) {
        long start = System.nanoTime();
        DemonstrationTasks tasks = task.metaTasks().filter(DemonstrationTasks.class::isInstance)
                .map(DemonstrationTasks.class::cast)
                .orElseThrow(() -> new IllegalArgumentException("meta-imitation: expected demonstrations grouped by task "
                        + "(ImitationTask.ofTasks with DemonstrationTasks), found "
                        + task.metaTasks().map(t -> t.getClass().getSimpleName()).orElse("one demonstration set")));
        long needed = (long) config.supportShots() + config.queryShots();
        if (needed > tasks.smallestTaskSize()) {
            throw new IllegalArgumentException("supportShots + queryShots: expected at most " + tasks.smallestTaskSize()
                    + " (the smallest task's samples), found " + needed);
        }
        TrainingRun run = new TrainingRun(this, task, options);
        ActionTargets targets = new ActionTargets(tasks.actionSpace(), config.loss());
        float[][] moments = tasks.stateMoments();
        ObservationNormalizer normalizer = new ObservationNormalizer(moments[0], moments[1]);
        FewShotAdaptation adaptation = config.adaptation();
        PolicyNetworks.Spec spec = new PolicyNetworks.Spec(tasks.stateSpace().width(), config.hiddenSizes(),
                config.activation(), targets.width(), targets.loss(adaptation.entropyBonus(), adaptation.varianceWeighting()),
                config.outerLearningRate(), 0, config.seed(), 0, config.engine());
        TrainableNetwork[] nets = new TrainableNetwork[config.threads()];
        for (int w = 0; w < nets.length; w++) {
            nets[w] = PolicyNetworks.build(spec);
        }
        double[] theta = toDoubles(nets[0].parameters());
        MetaAdam adam = new MetaAdam(config.outerLearningRate(), theta.length);
        int first = 1;
        Checkpoint resumed = run.resume().orElse(null);
        if (resumed != null) {
            double[] saved = resumed.doubles("theta");
            if (saved.length != theta.length) {
                throw new IllegalArgumentException("checkpoint: expected " + theta.length + " parameters, found " + saved.length);
            }
            theta = saved;
            adam.restore(resumed, "adam");
            first = resumed.iteration() + 1;
        }
        ExecutorService pool = nets.length > 1 ? Executors.newFixedThreadPool(nets.length, r -> {
            Thread t = new Thread(r, "meta-learning");
            t.setDaemon(true);
            return t;
        }) : null;
        Map<String, Double> metrics = new LinkedHashMap<>();
        int iteration = first - 1;
        try {
            for (int it = first; it <= config.iterations(); it++) {
                iteration = it;
                SplittableRandom rng = IterationSeeds.random(config.seed(), it, 0);
                List<Problem[]> batch = new ArrayList<>(config.metaBatchSize());
                for (int b = 0; b < config.metaBatchSize(); b++) {
                    TaskBatch draw = tasks.sample(rng, config.supportShots(), config.queryShots());
                    batch.add(new Problem[] {Problem.of(draw.support(), normalizer, targets),
                            Problem.of(draw.query(), normalizer, targets)});
                }
                TaskResult[] results = adaptAll(pool, nets, toFloats(theta), batch);
                double[] metaGradient = new double[theta.length];
                double support = 0;
                double before = 0;
                double adapted = 0;
                for (TaskResult r : results) {
                    for (int i = 0; i < metaGradient.length; i++) {
                        metaGradient[i] += (double) r.contribution[i] / results.length;
                    }
                    support += r.supportLoss / results.length;
                    before += r.queryLossBefore / results.length;
                    adapted += r.queryLossAdapted / results.length;
                }
                adam.descend(theta, metaGradient);
                metrics = new LinkedHashMap<>();
                metrics.put("support_loss", support);
                metrics.put("query_loss_before", before);
                metrics.put("query_loss_adapted", adapted);
                metrics.put("meta_gradient_norm", norm(metaGradient));
                double[] current = theta.clone();
                run.evaluateIfDue(it, config.iterations(), () -> policy(nets[0], current, targets, tasks, normalizer), metrics);
                int done = it;
                run.endIteration(it, config.iterations(), metrics, () -> {
                    Checkpoint c = run.checkpoint(done).putDoubles("theta", current);
                    adam.saveTo(c, "adam");
                    return c;
                });
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        MlpPolicy policy = policy(nets[0], theta, targets, tasks, normalizer);
        return new TrainingOutcome(policy, algorithm(), config, iteration, false, metrics,
                (System.nanoTime() - start) / 1e9);
    }

    private static MlpPolicy policy(TrainableNetwork net, double[] theta, ActionTargets targets, DemonstrationTasks tasks,
            ObservationNormalizer normalizer) {
        net.setParameters(toFloats(theta));
        return targets.policy(tasks.stateSpace(), normalizer, net.export());
    }

    /** Every task of the batch through its worker's network; results in task order, whatever the thread count. */
    private TaskResult[] adaptAll(ExecutorService pool, TrainableNetwork[] nets, float[] theta, List<Problem[]> batch) {
        TaskResult[] results = new TaskResult[batch.size()];
        if (pool == null) {
            for (int i = 0; i < results.length; i++) {
                results[i] = adapt(nets[0], theta, batch.get(i)[0], batch.get(i)[1]);
            }
            return results;
        }
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < nets.length; w++) {
            int worker = w;
            running.add(pool.submit(() -> {
                for (int i = worker; i < results.length; i += nets.length) {
                    results[i] = adapt(nets[worker], theta, batch.get(i)[0], batch.get(i)[1]);
                }
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("meta-learning: interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("meta-learning: a task's adaptation failed", e.getCause());
            }
        }
        return results;
    }

    private TaskResult adapt(TrainableNetwork net, float[] theta, Problem support, Problem query) {
        return taskUpdate(config.method(), net, theta, support, query, config.innerSteps(), config.innerLearningRate());
    }

    /** One task's inner loop and its contribution to the meta-gradient. */
    static TaskResult taskUpdate(MetaMethod method, TrainableNetwork net, float[] theta, Problem support, Problem query,
            int k, double alpha) {
        float[][] path = InnerLoop.descend(net, theta, support.features(), support.labels(), support.rows(), k, alpha);
        float[] adapted = path[k];
        double supportLoss = InnerLoop.loss(net, theta, support.features(), support.labels(), support.rows());
        double queryBefore = InnerLoop.loss(net, theta, query.features(), query.labels(), query.rows());
        double queryAdapted = InnerLoop.loss(net, adapted, query.features(), query.labels(), query.rows());
        float[] contribution = switch (method) {
            case FIRST_ORDER_MAML -> InnerLoop.gradient(net, adapted, query.features(), query.labels(), query.rows());
            case MAML -> {
                float[] v = InnerLoop.gradient(net, adapted, query.features(), query.labels(), query.rows());
                for (int j = k - 1; j >= 0; j--) {
                    float[] hv = InnerLoop.hessianVector(net, path[j], v, support.features(), support.labels(), support.rows());
                    for (int i = 0; i < v.length; i++) {
                        v[i] -= (float) (alpha * hv[i]);
                    }
                }
                yield v;
            }
            case REPTILE -> {
                float[] g = new float[theta.length];
                for (int i = 0; i < g.length; i++) {
                    g[i] = (float) ((theta[i] - adapted[i]) / (alpha * k));
                }
                yield g;
            }
            case JOINT_PRETRAINING -> InnerLoop.gradient(net, theta, concat(support.features(), query.features()),
                    concat(support.labels(), query.labels()), support.rows() + query.rows());
        };
        return new TaskResult(contribution, supportLoss, queryBefore, queryAdapted);
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** The network's parameters are floats; the meta-update keeps the master copy in doubles. */
    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /** A task's contribution to the meta-gradient and its losses. */
    record TaskResult(float[] contribution, double supportLoss, double queryLossBefore, double queryLossAdapted) {
    }
}
