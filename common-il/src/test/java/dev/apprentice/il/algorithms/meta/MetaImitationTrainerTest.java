package dev.apprentice.il.algorithms.meta;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.algorithms.ImitationLoss;
import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.TrainingListener;
import dev.apprentice.il.algorithms.TrainingOptions;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.algorithms.TrainingProgress;
import dev.apprentice.il.algorithms.TrainingStoppedException;
import dev.apprentice.il.algorithms.meta.FewShotAdaptation.Problem;
import dev.apprentice.il.nn.MeanSquaredErrorLoss;
import dev.apprentice.il.nn.PolicyNetworks;
import dev.apprentice.il.nn.TrainableNetwork;
import dev.apprentice.il.nn.TrainingEngine;
import dev.apprentice.il.policy.Activation;
import dev.apprentice.il.policy.MlpPolicy;
import dev.apprentice.il.policy.RegressionMlpPolicy;
import dev.apprentice.il.registry.PolicyCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaImitationTrainerTest {

    private static MetaConfig.Builder small(MetaMethod method) {
        return MetaConfig.builder().method(method).loss(ImitationLoss.SQUARED_ERROR).hiddenSizes(16, 16).metaBatchSize(5)
                .innerSteps(3).iterations(12).seed(4);
    }

    private static TrainableNetwork smoothNetwork(long seed) {
        return PolicyNetworks.build(new PolicyNetworks.Spec(1, new int[] {12, 12}, Activation.TANH, 1,
                new MeanSquaredErrorLoss(), 1e-3, 0, seed, 0, TrainingEngine.PLAIN_JAVA));
    }

    private static Problem problem(DemonstrationTasks.Shots shots) {
        float[] x = shots.states().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] /= 2.9f;
        }
        return new Problem(x, shots.actions().clone(), shots.rows());
    }

    /** The MAML objective of one task, L_query(θ_k), with θ_k from k inner steps on the support set. */
    private static double adaptedQueryLoss(TrainableNetwork net, float[] theta, Problem support, Problem query, int k,
            double alpha) {
        float[] adapted = InnerLoop.descend(net, theta, support.features(), support.labels(), support.rows(), k, alpha)[k];
        return InnerLoop.loss(net, adapted, query.features(), query.labels(), query.rows());
    }

    @Test
    void secondOrderMetaGradientMatchesFiniteDifferencesOfTheAdaptedQueryLoss() {
        // given: a task, two inner steps large enough for the second-order term to matter
        SplittableRandom rng = new SplittableRandom(11);
        SinusoidTasks.Sinusoid task = new SinusoidTasks.Sinusoid(3.0, 1.0);
        Problem support = problem(task.draw(rng, 10));
        Problem query = problem(task.draw(rng, 10));
        TrainableNetwork net = smoothNetwork(2);
        float[] theta = net.parameters();
        int k = 2;
        double alpha = 0.05;

        // when
        float[] maml = MetaImitationTrainer.taskUpdate(MetaMethod.MAML, net, theta, support, query, k, alpha).contribution();
        float[] firstOrder = MetaImitationTrainer.taskUpdate(MetaMethod.FIRST_ORDER_MAML, net, theta, support, query, k, alpha)
                .contribution();

        // then: along random directions, the derivative of the whole objective
        for (int trial = 0; trial < 3; trial++) {
            float[] direction = new float[theta.length];
            for (int i = 0; i < direction.length; i++) {
                direction[i] = (float) rng.nextGaussian();
            }
            double h = 1e-3;
            float[] plus = theta.clone();
            float[] minus = theta.clone();
            for (int i = 0; i < theta.length; i++) {
                plus[i] += (float) (h * direction[i]);
                minus[i] -= (float) (h * direction[i]);
            }
            double numeric = (adaptedQueryLoss(net, plus, support, query, k, alpha)
                    - adaptedQueryLoss(net, minus, support, query, k, alpha)) / (2 * h);
            double analytic = dot(maml, direction);
            double approximate = dot(firstOrder, direction);
            assertEquals(numeric, analytic, 0.02 * Math.abs(numeric) + 1e-3, "second-order MAML along direction " + trial);
            assertTrue(Math.abs(approximate - numeric) > 5 * Math.abs(analytic - numeric),
                    "the first-order approximation should be visibly worse here: numeric " + numeric + ", MAML " + analytic
                            + ", first-order " + approximate);
        }
    }

    @Test
    void reptileMovesTowardsTheAdaptedParameters() {
        // given
        SplittableRandom rng = new SplittableRandom(5);
        SinusoidTasks.Sinusoid task = new SinusoidTasks.Sinusoid(2.0, 0.5);
        Problem support = problem(task.draw(rng, 10));
        Problem query = problem(task.draw(rng, 10));
        TrainableNetwork net = smoothNetwork(3);
        float[] theta = net.parameters();

        // when
        float[] g = MetaImitationTrainer.taskUpdate(MetaMethod.REPTILE, net, theta, support, query, 4, 0.02).contribution();

        // then: θ − α·k·g is exactly the adapted parameters
        float[] adapted = InnerLoop.descend(net, theta, support.features(), support.labels(), support.rows(), 4, 0.02)[4];
        for (int i = 0; i < theta.length; i++) {
            assertEquals(adapted[i], theta[i] - 0.02 * 4 * g[i], 1e-5);
        }
    }

    @Test
    void resumedRunEndsWithTheUninterruptedParameters(@TempDir Path checkpoints) {
        // given
        ImitationTask task = ImitationTask.ofTasks(new SinusoidTasks());
        TrainingOutcome uninterrupted = new MetaImitationTrainer(small(MetaMethod.MAML).build()).train(task,
                TrainingListener.NONE);
        List<TrainingProgress> beforeStop = new ArrayList<>();

        // when
        TrainingStoppedException stopped = assertThrows(TrainingStoppedException.class,
                () -> new MetaImitationTrainer(small(MetaMethod.MAML).build()).train(task,
                        TrainingOptions.listener(beforeStop::add).withCheckpointing(checkpoints, 100)
                                .withStopSignal(() -> beforeStop.size() >= 5)));
        List<TrainingProgress> afterResume = new ArrayList<>();
        TrainingOutcome resumed = new MetaImitationTrainer(small(MetaMethod.MAML).threads(2).build()).train(task,
                TrainingOptions.listener(afterResume::add).withCheckpointing(checkpoints, 100));

        // then
        assertEquals(5, stopped.iteration());
        assertEquals(6, afterResume.get(0).iteration());
        assertEquals(12, resumed.iterations());
        assertArrayEquals(PolicyCodec.encode(uninterrupted.policy()), PolicyCodec.encode(resumed.policy()));
    }

    @Test
    void threadCountDoesNotChangeTheResult() {
        ImitationTask task = ImitationTask.ofTasks(new SinusoidTasks());
        for (MetaMethod method : List.of(MetaMethod.MAML, MetaMethod.REPTILE)) {
            TrainingOutcome one = new MetaImitationTrainer(small(method).threads(1).build()).train(task, TrainingListener.NONE);
            TrainingOutcome two = new MetaImitationTrainer(small(method).threads(2).build()).train(task, TrainingListener.NONE);
            assertArrayEquals(PolicyCodec.encode(one.policy()), PolicyCodec.encode(two.policy()), method.toString());
        }
    }

    @Test
    void bothEnginesMakeTheSameMetaUpdates() {
        // given
        ImitationTask task = ImitationTask.ofTasks(new SinusoidTasks());

        // when
        MlpPolicy plain = (MlpPolicy) new MetaImitationTrainer(small(MetaMethod.FIRST_ORDER_MAML).iterations(4)
                .engine(TrainingEngine.PLAIN_JAVA).build()).train(task, TrainingListener.NONE).policy();
        MlpPolicy dl4j = (MlpPolicy) new MetaImitationTrainer(small(MetaMethod.FIRST_ORDER_MAML).iterations(4)
                .engine(TrainingEngine.DL4J).build()).train(task, TrainingListener.NONE).policy();

        // then
        float[] a = plain.network().parameters();
        float[] b = dl4j.network().parameters();
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-4, "parameter " + i);
        }
    }

    @Test
    void reportsTheLossesOfEveryMetaIteration() {
        // given
        List<TrainingProgress> progress = new ArrayList<>();

        // when
        TrainingOutcome outcome = new MetaImitationTrainer(small(MetaMethod.REPTILE).innerLearningRate(0.05).build())
                .train(ImitationTask.ofTasks(new SinusoidTasks()), progress::add);

        // then
        assertEquals(12, progress.size());
        assertEquals("reptile", outcome.algorithm());
        double before = 0;
        double adapted = 0;
        for (TrainingProgress p : progress) {
            assertEquals(List.of("support_loss", "query_loss_before", "query_loss_adapted", "meta_gradient_norm"),
                    List.copyOf(p.metrics().keySet()));
            before += p.metrics().get("query_loss_before");
            adapted += p.metrics().get("query_loss_adapted");
        }
        assertTrue(adapted < before, "the inner steps lower the query loss: " + adapted + " against " + before);
        assertTrue(outcome.policy() instanceof RegressionMlpPolicy);
    }

    @Test
    void refusesTasksThatAreNotDemonstrationsPerTask() {
        MetaImitationTrainer trainer = new MetaImitationTrainer(small(MetaMethod.MAML).build());
        assertRejected(() -> trainer.train(ImitationTask.ofTasks(() -> "environments"), TrainingListener.NONE),
                "expected demonstrations grouped by task");
        assertRejected(() -> trainer.train(ImitationTask.of(PerTaskDemonstrationsTest.task(0, 5, 0)), TrainingListener.NONE),
                "found one demonstration set");
    }

    @Test
    void refusesMoreShotsThanTheSmallestTaskHolds() {
        PerTaskDemonstrations tasks = PerTaskDemonstrations.of(Map.of("a", PerTaskDemonstrationsTest.task(0, 12, 0),
                "b", PerTaskDemonstrationsTest.task(20, 30, 1)));
        MetaImitationTrainer trainer = new MetaImitationTrainer(MetaConfig.builder().supportShots(8).queryShots(8).build());
        assertRejected(() -> trainer.train(ImitationTask.ofTasks(tasks), TrainingListener.NONE),
                "supportShots + queryShots: expected at most 12 (the smallest task's samples), found 16");
    }

    @Test
    void squaredErrorOfDiscreteActionsIsRefused() {
        PerTaskDemonstrations tasks = PerTaskDemonstrations.of(Map.of("a", PerTaskDemonstrationsTest.task(0, 30, 0),
                "b", PerTaskDemonstrationsTest.task(20, 30, 1)));
        MetaImitationTrainer trainer = new MetaImitationTrainer(small(MetaMethod.MAML).build());
        assertRejected(() -> trainer.train(ImitationTask.ofTasks(tasks), TrainingListener.NONE),
                "loss: squared error needs an action box");
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
