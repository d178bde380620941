package dev.apprentice.il.algorithms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.algorithms.bc.BcConfig;
import dev.apprentice.il.algorithms.bc.BehaviorCloningTrainer;
import dev.apprentice.il.algorithms.dagger.DaggerConfig;
import dev.apprentice.il.algorithms.dagger.DaggerTrainer;
import dev.apprentice.il.algorithms.gail.GailConfig;
import dev.apprentice.il.algorithms.gail.GailTrainer;
import dev.apprentice.il.algorithms.rail.RailConfig;
import dev.apprentice.il.algorithms.rail.RailTrainer;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.discriminator.DiscriminatorConfig;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.env.reference.ReferenceTask;
import dev.apprentice.il.eval.EvaluationResult;
import dev.apprentice.il.eval.Evaluator;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.registry.LoadedPolicy;
import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.il.registry.PolicyCodec;
import dev.apprentice.il.registry.PolicyRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Written once, run against every trainer: each must learn the identity tasks, report progress,
 * survive save → load with identical actions, and end a stopped-then-resumed run with the
 * parameters of an uninterrupted one. New algorithms join by adding a row to
 * {@link #trainers()}.
 */
class TrainerContractTest {

    private static RolloutCollector collector;

    @TempDir
    Path registryRoot;

    @BeforeAll
    static void startCollector() {
        collector = new RolloutCollector(2, 100_000);
    }

    @AfterAll
    static void stopCollector() {
        collector.close();
    }

    static Stream<Arguments> trainers() {
        LongFunction<Trainer> bc = seed -> new BehaviorCloningTrainer(BcConfig.builder().seed(seed).epochs(60).build());
        LongFunction<Trainer> rail = seed -> new RailTrainer(RailConfig.builder().seed(seed).iterations(60).build());
        LongFunction<Trainer> dagger = seed -> new DaggerTrainer(DaggerConfig.builder().seed(seed).rounds(3)
                .episodesPerRound(3).bc(BcConfig.builder().epochs(60).build()).build());
        List<Arguments> rows = new ArrayList<>();
        for (ReferenceTask task : List.of(ReferenceTask.IDENTITY_DISCRETE, ReferenceTask.IDENTITY_CONTINUOUS)) {
            rows.add(Arguments.of("bc", bc, task));
            rows.add(Arguments.of("dagger", dagger, task));
            // An identity action only earns its own step's reward: a short horizon (γ = λ = 0.9) keeps the
            // other steps' rewards from drowning its advantage in noise.
            int gailIterations = task == ReferenceTask.IDENTITY_DISCRETE ? 40 : 100;
            LongFunction<Trainer> gail = seed -> new GailTrainer(GailConfig.builder().seed(seed).iterations(gailIterations)
                    .stepsPerIteration(400).policyLearningRate(1e-3).discount(0.9).gaeLambda(0.9)
                    .discriminator(DiscriminatorConfig.builder().learningRate(1e-3).updatesPerIteration(10).build())
                    .build(), 2);
            rows.add(Arguments.of("gail", gail, task));
            rows.add(Arguments.of("rail", rail, task));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} on {2}")
    @MethodSource("trainers")
    void trainerLearnsIdentityTaskReportsProgressAndEvaluationsAndSurvivesSaveAndLoad(String name, LongFunction<Trainer> factory,
            ReferenceTask task) {
        // given
        DemonstrationSet demos = collector.demonstrations(task.environments(), task.expert(), RolloutCollector.seeds(1, 10));
        ImitationTask imitation = ImitationTask.of(demos).withEnvironments(task.environments()).withExpert(task.expert());
        Trainer trainer = factory.apply(3);
        List<TrainingProgress> progress = new ArrayList<>();

        Evaluator evaluator = new Evaluator(collector, task.environments(), task.expert(), RolloutCollector.seeds(5_000, 30));

        // when
        TrainingOutcome outcome = trainer.train(imitation, TrainingOptions.listener(progress::add).withEvaluation(evaluator, 2));
        EvaluationResult result = evaluator.evaluate(name, outcome.policy());
        PolicyRegistry registry = new PolicyRegistry(registryRoot);
        ModelCard card = registry.register(outcome.policy(), ModelCard.draft(task.id() + "-" + name, outcome,
                "scripted expert", demos, result));
        LoadedPolicy loaded = registry.load(card.model(), card.version());

        // then
        assertTrue(result.normalizedReturn() >= 0.9, name + " normalised return " + result.normalizedReturn());
        assertEquals(outcome.iterations(), progress.size(), "one progress report per iteration");
        for (TrainingProgress p : progress) {
            boolean due = p.iteration() % 2 == 0 || p.iteration() == p.maxIterations();
            assertEquals(due, p.metrics().containsKey("eval_normalized_return"), "evaluation when due, iteration " + p.iteration());
        }
        assertEquals(trainer.algorithm(), loaded.card().algorithm());
        assertEquals(trainer.config().toMap().get("seed").toString(), loaded.card().config().get("seed").toString());
        assertSameActions(outcome.policy(), loaded.policy(), demos);
    }

    @ParameterizedTest(name = "{0} on {2}")
    @MethodSource("trainers")
    void trainerStoppedAndResumedFromCheckpointEndsWithTheSameParameters(String name, LongFunction<Trainer> factory,
            ReferenceTask task, @TempDir Path checkpoints) {
        // given
        DemonstrationSet demos = collector.demonstrations(task.environments(), task.expert(), RolloutCollector.seeds(1, 10));
        ImitationTask imitation = ImitationTask.of(demos).withEnvironments(task.environments()).withExpert(task.expert());
        TrainingOutcome uninterrupted = factory.apply(5).train(imitation, TrainingListener.NONE);
        int stopAfter = Math.max(1, uninterrupted.iterations() / 2);
        List<TrainingProgress> beforeStop = new ArrayList<>();
        TrainingOptions stopping = TrainingOptions.listener(beforeStop::add)
                .withCheckpointing(checkpoints, 1_000)
                .withStopSignal(() -> beforeStop.size() >= stopAfter);

        // when
        TrainingStoppedException stopped = assertThrows(TrainingStoppedException.class,
                () -> factory.apply(5).train(imitation, stopping));
        List<TrainingProgress> afterResume = new ArrayList<>();
        TrainingOutcome resumed = factory.apply(5).train(imitation,
                TrainingOptions.listener(afterResume::add).withCheckpointing(checkpoints, 1_000));

        // then
        assertEquals(stopAfter, stopped.iteration());
        assertTrue(stopped.checkpoint().isPresent(), "a checkpoint is written on stopping");
        assertEquals(stopAfter + 1, afterResume.get(0).iteration(), "the resumed run continues after the checkpoint");
        assertEquals(uninterrupted.iterations(), resumed.iterations());
        assertArrayEquals(PolicyCodec.encode(uninterrupted.policy()), PolicyCodec.encode(resumed.policy()),
                "resumed run ends with the uninterrupted run's parameters");
    }

    @Test
    void checkpointOfAnotherConfigurationIsRefused(@TempDir Path checkpoints) {
        // given
        ReferenceTask task = ReferenceTask.IDENTITY_DISCRETE;
        DemonstrationSet demos = collector.demonstrations(task.environments(), task.expert(), RolloutCollector.seeds(1, 4));
        TrainingOptions options = TrainingOptions.listener(TrainingListener.NONE).withCheckpointing(checkpoints, 1);
        new BehaviorCloningTrainer(BcConfig.builder().seed(1).epochs(3).build()).train(ImitationTask.of(demos), options);

        // when / then
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BehaviorCloningTrainer(BcConfig.builder().seed(2).epochs(3).build())
                        .train(ImitationTask.of(demos), options));
        assertTrue(e.getMessage().contains("configuration"), e.getMessage());
    }

    private static void assertSameActions(Policy original, Policy restored, DemonstrationSet states) {
        for (int i = 0; i < states.size(); i += 7) {
            float[] s = states.state(i);
            assertArrayEquals(original.actDeterministic(s), restored.actDeterministic(s), "greedy action at sample " + i);
            assertArrayEquals(original.act(s, new SplittableRandom(i)), restored.act(s, new SplittableRandom(i)),
                    "sampled action at sample " + i);
            assertEquals(original.logProbability(s, original.actDeterministic(s)),
                    restored.logProbability(s, original.actDeterministic(s)), 0.0, "log-probability at sample " + i);
        }
    }
}
