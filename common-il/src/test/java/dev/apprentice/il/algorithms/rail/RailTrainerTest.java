package dev.apprentice.il.algorithms.rail;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.TrainingListener;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.algorithms.TrainingProgress;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.env.reference.ReferenceTask;
import dev.apprentice.il.policy.CategoricalMlpPolicy;
import dev.apprentice.il.policy.LinearPolicy;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.registry.PolicyCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What RAIL needs from its task, what it reports, and that its thread count changes nothing. */
class RailTrainerTest {

    private static final ReferenceTask TASK = ReferenceTask.IDENTITY_DISCRETE;
    private static RolloutCollector collector;
    private static DemonstrationSet demos;

    @BeforeAll
    static void collectDemonstrations() {
        collector = new RolloutCollector(2, 100_000);
        demos = collector.demonstrations(TASK.environments(), TASK.expert(), RolloutCollector.seeds(1, 10));
    }

    @AfterAll
    static void stopCollector() {
        collector.close();
    }

    private static ImitationTask task() {
        return ImitationTask.of(demos).withEnvironments(TASK.environments());
    }

    @Test
    void railRefusesATaskWithoutEnvironments() {
        RailTrainer trainer = new RailTrainer(RailConfig.builder().iterations(1).build());

        assertRejected(() -> trainer.train(ImitationTask.of(demos), TrainingListener.NONE),
                "RAIL rolls out its policies: expected an imitation task with environments", "found none");
    }

    @Test
    void railRefusesEnvironmentsWhoseSpacesDifferFromTheDemonstrations() {
        RailTrainer trainer = new RailTrainer(RailConfig.builder().iterations(1).build());
        ImitationTask mismatched = ImitationTask.of(demos).withEnvironments(ReferenceTask.CARTPOLE.environments());

        assertRejected(() -> trainer.train(mismatched, TrainingListener.NONE),
                "environments: expected the demonstrations' spaces", "Discrete[n=4]", "found Box(low=[-4.8");
    }

    @Test
    void railRefusesAMissingConfig() {
        assertRejected(() -> new RailTrainer(null), "RAIL config is required");
    }

    @Test
    void everyIterationReportsTheDiscriminatorTheRolloutsAndTheirThroughput() {
        // given
        List<TrainingProgress> progress = new ArrayList<>();

        // when
        TrainingOutcome outcome = new RailTrainer(RailConfig.builder().iterations(3).seed(1).build())
                .train(task(), progress::add);

        // then
        assertEquals("rail", outcome.algorithm());
        assertEquals(3, outcome.iterations());
        assertEquals(List.of(1, 2, 3), progress.stream().map(TrainingProgress::iteration).toList());
        for (TrainingProgress p : progress) {
            assertEquals(Set.of("disc_loss", "disc_expert_accuracy", "disc_generated_accuracy", "disc_return_mean",
                    "disc_return_max", "env_return_mean", "env_steps_per_second"), p.metrics().keySet());
            assertTrue(p.metrics().get("env_steps_per_second") > 0);
        }
        assertEquals(progress.get(2).metrics(), outcome.metrics());
    }

    @Test
    void oneAndTwoRolloutThreadsTrainBitIdenticalPolicies() {
        // given
        List<byte[]> policies = new ArrayList<>();
        List<Double> losses = new ArrayList<>();

        // when
        for (int threads : new int[] {1, 2}) {
            TrainingOutcome outcome = new RailTrainer(RailConfig.builder().iterations(4).threads(threads).seed(2).build())
                    .train(task(), TrainingListener.NONE);
            policies.add(PolicyCodec.encode(outcome.policy()));
            losses.add(outcome.metrics().get("disc_loss"));
        }

        // then
        assertArrayEquals(policies.get(0), policies.get(1));
        assertEquals(losses.get(0), losses.get(1), 0.0);
    }

    @Test
    void mlpPolicyTypeTrainsACategoricalMlpPolicyThatSurvivesTheWeightsFile() {
        // when
        TrainingOutcome outcome = new RailTrainer(RailConfig.builder().iterations(2).policyType(ArsConfig.PolicyType.MLP)
                .hiddenSizes(8).seed(3).build()).train(task(), TrainingListener.NONE);

        // then
        assertTrue(outcome.policy() instanceof CategoricalMlpPolicy, outcome.policy().getClass().getName());
        assertArrayEquals(PolicyCodec.encode(outcome.policy()),
                PolicyCodec.encode(PolicyCodec.decode(PolicyCodec.encode(outcome.policy()))));
    }

    @Test
    void warmStartClonesTheExpertBeforeTheSearchAndAnInterceptSurvivesTheWeightsFile() {
        // when: one iteration, warm-started or not
        Policy cold = new RailTrainer(RailConfig.builder().iterations(1).intercept(true).seed(4).build())
                .train(task(), TrainingListener.NONE).policy();
        Policy warm = new RailTrainer(RailConfig.builder().iterations(1).intercept(true).warmStartEpochs(200).seed(4)
                .build()).train(task(), TrainingListener.NONE).policy();

        // then: the warm start already acts as the expert on its states, the cold start does not
        assertTrue(agreement(warm) > 0.95, "warm-started agreement " + agreement(warm));
        assertTrue(agreement(cold) < 0.9, "cold-started agreement " + agreement(cold));
        assertTrue(((LinearPolicy) warm).hasIntercept());
        assertArrayEquals(PolicyCodec.encode(warm), PolicyCodec.encode(PolicyCodec.decode(PolicyCodec.encode(warm))));
    }

    @Test
    void withoutStatisticUpdatesTheWarmStartedPolicyKeepsTheExpertStatesNormaliser() {
        // when
        Policy policy = new RailTrainer(RailConfig.builder().iterations(3).intercept(true).warmStartEpochs(200)
                .updateObservationStatistics(false).seed(4).build()).train(task(), TrainingListener.NONE).policy();

        // then: the statistics the fit assumed, not those of the iterations' rollouts
        float[][] expert = demos.stateMoments();
        assertArrayEquals(expert[0], ((LinearPolicy) policy).normalizer().mean(), 0f);
        assertArrayEquals(expert[1], ((LinearPolicy) policy).normalizer().std(), 1e-6f);
    }

    private static double agreement(Policy policy) {
        int same = 0;
        for (int i = 0; i < demos.size(); i++) {
            same += policy.actDeterministic(demos.state(i))[0] == demos.action(i)[0] ? 1 : 0;
        }
        return same / (double) demos.size();
    }
}
