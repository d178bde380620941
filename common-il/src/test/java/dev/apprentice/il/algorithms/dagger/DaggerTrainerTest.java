package dev.apprentice.il.algorithms.dagger;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.algorithms.TrainingProgress;
import dev.apprentice.il.algorithms.bc.BcConfig;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.env.reference.IdentityEnvironment;
import dev.apprentice.il.env.reference.ReferenceTask;
import dev.apprentice.il.registry.PolicyCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DaggerTrainerTest {

    private static final ReferenceTask TASK = ReferenceTask.IDENTITY_DISCRETE;
    private static RolloutCollector collector;
    private static DemonstrationSet demos;

    @BeforeAll
    static void recordDemonstrations() {
        collector = new RolloutCollector(2, 100_000);
        demos = collector.demonstrations(TASK.environments(), TASK.expert(), RolloutCollector.seeds(1, 4));
    }

    @AfterAll
    static void stopCollector() {
        collector.close();
    }

    private static DaggerConfig.Builder small() {
        return DaggerConfig.builder().seed(1).rounds(2).episodesPerRound(2).bc(BcConfig.builder().epochs(5).build());
    }

    @Test
    void rejectsTaskWithoutEnvironments() {
        // given
        ImitationTask noEnvironments = ImitationTask.of(demos).withExpert(TASK.expert());

        // when / then
        assertRejected(() -> new DaggerTrainer(small().build()).train(noEnvironments, progress -> { }),
                "DAgger rolls out its policy in environments, found none", "ImitationTask.withEnvironments");
    }

    @Test
    void rejectsTaskWithoutExpert() {
        // given
        ImitationTask noExpert = ImitationTask.of(demos).withEnvironments(TASK.environments());

        // when / then
        assertRejected(() -> new DaggerTrainer(small().build()).train(noExpert, progress -> { }),
                "DAgger asks an expert to label the states its policy visits, found no expert", "ImitationTask.withExpert");
    }

    @Test
    void rejectsAnExpertThatRemembersItsEpisodes() {
        // given an expert that can only act inside an episode it started
        dev.apprentice.il.policy.Actor stateless = TASK.expert();
        dev.apprentice.il.policy.Actor episodic = new dev.apprentice.il.policy.Actor() {
            @Override
            public float[] act(float[] observation, java.util.random.RandomGenerator rng) {
                return stateless.act(observation, rng);
            }

            @Override
            public dev.apprentice.il.policy.Actor forEpisode() {
                return stateless::act;
            }
        };
        ImitationTask task = ImitationTask.of(demos).withEnvironments(TASK.environments()).withExpert(episodic);

        // when / then
        assertRejected(() -> new DaggerTrainer(small().build()).train(task, progress -> { }),
                "this expert remembers its episodes", "cannot");
    }

    @Test
    void rejectsEnvironmentsWhoseSpacesDifferFromTheDemonstrations() {
        // given
        ImitationTask mismatched = ImitationTask.of(demos).withEnvironments(() -> IdentityEnvironment.discrete(3))
                .withExpert(TASK.expert());

        // when / then
        assertRejected(() -> new DaggerTrainer(small().build()).train(mismatched, progress -> { }),
                "the environments observe", "Discrete[n=3]", "expected the demonstrations'", "Discrete[n=4]");
    }

    @Test
    void rejectsMissingConfiguration() {
        // when / then
        assertRejected(() -> new DaggerTrainer(null), "DAgger config is required");
    }

    @Test
    void eachRoundAggregatesItsRolloutsAndReportsTheSchedule() {
        // given
        ImitationTask task = ImitationTask.of(demos).withEnvironments(TASK.environments()).withExpert(TASK.expert());
        List<TrainingProgress> progress = new ArrayList<>();

        // when
        TrainingOutcome outcome = new DaggerTrainer(small().build()).train(task, progress::add);

        // then
        int episode = IdentityEnvironment.EPISODE_LENGTH;
        assertEquals(2, outcome.iterations());
        assertEquals(List.of(1, 2), progress.stream().map(TrainingProgress::iteration).toList());
        assertEquals(List.of(0.5, 0.25), progress.stream().map(p -> p.metrics().get("beta")).toList());
        assertEquals(List.of(demos.size() + 2.0 * episode, demos.size() + 4.0 * episode),
                progress.stream().map(p -> p.metrics().get("aggregate_size")).toList());
        for (String metric : List.of("expert_agreement_on_rollouts", "env_steps_per_second", "bc_validation_loss",
                "bc_train_loss")) {
            assertTrue(outcome.metrics().containsKey(metric), metric + " missing from " + outcome.metrics());
        }
        assertEquals(progress.get(1).metrics(), outcome.metrics(), "the outcome has the last round's metrics");
    }

    @Test
    void resultDoesNotDependOnTheNumberOfRolloutThreads() {
        // given
        ImitationTask task = ImitationTask.of(demos).withEnvironments(TASK.environments()).withExpert(TASK.expert());

        // when
        TrainingOutcome oneThread = new DaggerTrainer(small().rolloutThreads(1).build()).train(task, progress -> { });
        TrainingOutcome twoThreads = new DaggerTrainer(small().rolloutThreads(2).build()).train(task, progress -> { });

        // then
        assertArrayEquals(PolicyCodec.encode(oneThread.policy()), PolicyCodec.encode(twoThreads.policy()));
    }
}
