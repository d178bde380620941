package dev.apprentice.il.algorithms.meta;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.algorithms.ImitationLoss;
import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.TrainingListener;
import dev.apprentice.il.policy.MlpPolicy;
import dev.apprentice.il.policy.RegressionMlpPolicy;
import dev.apprentice.il.registry.PolicyCodec;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FewShotAdaptationTest {

    private static MlpPolicy initialisation;
    private static FewShotAdaptation adaptation;

    @BeforeAll
    static void metaTrainBriefly() {
        MetaConfig config = MetaConfig.builder().method(MetaMethod.FIRST_ORDER_MAML).loss(ImitationLoss.SQUARED_ERROR)
                .hiddenSizes(20, 20).iterations(30).metaBatchSize(5).innerSteps(1).seed(2).build();
        initialisation = (MlpPolicy) new MetaImitationTrainer(config).train(ImitationTask.ofTasks(new SinusoidTasks()),
                TrainingListener.NONE).policy();
        adaptation = config.adaptation();
    }

    private static double squaredError(MlpPolicy policy, DemonstrationTasks.Shots shots) {
        double sum = 0;
        for (int i = 0; i < shots.rows(); i++) {
            double d = policy.actDeterministic(new float[] {shots.states()[i]})[0] - shots.actions()[i];
            sum += d * d;
        }
        return sum / shots.rows();
    }

    @Test
    void adaptationLowersTheErrorOnTheTasksOwnSamples() {
        // given
        DemonstrationTasks.Shots support = new SinusoidTasks.Sinusoid(4.0, 2.0).draw(new SplittableRandom(1), 10);

        // when
        MlpPolicy adapted = adaptation.withSteps(200).adapt(initialisation, support);

        // then
        assertTrue(squaredError(adapted, support) < 0.5 * squaredError(initialisation, support),
                "200 steps should at least halve the error on the support set: " + squaredError(initialisation, support)
                        + " → " + squaredError(adapted, support));
        assertTrue(adapted instanceof RegressionMlpPolicy);
        assertEquals(initialisation.normalizer(), adapted.normalizer());
    }

    @Test
    void zeroStepsReturnTheInitialisationsParameters() {
        DemonstrationTasks.Shots support = new SinusoidTasks.Sinusoid(1.0, 0.0).draw(new SplittableRandom(2), 5);
        MlpPolicy same = adaptation.withSteps(0).adapt(initialisation, support);
        assertNotSame(initialisation, same);
        assertArrayEquals(initialisation.network().parameters(), same.network().parameters());
    }

    @Test
    void adaptedPolicySurvivesSaveAndLoad() {
        // given
        DemonstrationTasks.Shots support = new SinusoidTasks.Sinusoid(2.5, 1.0).draw(new SplittableRandom(3), 5);
        MlpPolicy adapted = adaptation.adapt(initialisation, support);

        // when
        MlpPolicy loaded = (MlpPolicy) PolicyCodec.decode(PolicyCodec.encode(adapted));

        // then
        assertTrue(loaded instanceof RegressionMlpPolicy);
        for (float x = -5; x <= 5; x += 0.25f) {
            assertArrayEquals(adapted.actDeterministic(new float[] {x}), loaded.actDeterministic(new float[] {x}));
        }
    }

    @Test
    void aDivergingAdaptationFailsInsteadOfServingANonFiniteNetwork() {
        DemonstrationTasks.Shots support = new SinusoidTasks.Sinusoid(5.0, 1.0).draw(new SplittableRandom(4), 10);
        FewShotAdaptation reckless = new FewShotAdaptation(200, 1e4, 0, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> reckless.adapt(initialisation, support));
        assertTrue(e.getMessage().contains("lower the inner learning rate"), e.getMessage());
    }

    @Test
    void refusesSamplesOutsideThePolicysSpacesNamingTheSample() {
        assertRejected(() -> adaptation.adapt(initialisation,
                new DemonstrationTasks.Shots(new float[] {0, 1, 7}, new float[] {0, 0, 0}, 3)), "adaptation sample 2: state");
        assertRejected(() -> adaptation.adapt(initialisation,
                new DemonstrationTasks.Shots(new float[] {0, 1}, new float[] {0, Float.NaN}, 2)), "adaptation sample 1: action");
        assertRejected(() -> adaptation.adapt(initialisation,
                new DemonstrationTasks.Shots(new float[] {0, 1, 2, 3}, new float[] {0, 0}, 2)),
                "expected 2 rows of 1 state and 1 action values");
    }
}
