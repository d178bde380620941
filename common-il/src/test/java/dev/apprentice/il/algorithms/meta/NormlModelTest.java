package dev.apprentice.il.algorithms.meta;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.TrainingListener;
import dev.apprentice.il.algorithms.TrainingOptions;
import dev.apprentice.il.algorithms.meta.NormlConfig.AdvantageSource;
import dev.apprentice.il.env.RewardReplacedEnvironment;
import dev.apprentice.il.env.reference.CartPoleSensorTasks;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.registry.PolicyCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Adapting a meta-trained model without reward, and saving it. */
class NormlModelTest {

    private static NormlModel norml;

    @BeforeAll
    static void metaTrain() {
        norml = new NormlTrainer(NormlTestTasks.tiny().build())
                .trainModel(ImitationTask.ofTasks(NormlTestTasks.ROTATE), TrainingOptions.listener(TrainingListener.NONE))
                .model();
    }

    @Test
    void adaptationNeverReadsARewardAndStillChangesThePolicy() {
        // given: the same task twice, once with every reward NaN
        RewardReplacedEnvironment nanRewards = new RewardReplacedEnvironment(NormlTestTasks.ROTATE.create(42), Double.NaN);

        // when
        AffineGaussianPolicy withRewards = norml.adapt(NormlTestTasks.ROTATE.create(42), 5);
        AffineGaussianPolicy withNaNRewards = norml.adapt(nanRewards, 5);

        // then
        assertEquals(4 * 10, nanRewards.steps(), "four exploration episodes of ten steps");
        assertArrayEquals(withRewards.parameters(), withNaNRewards.parameters());
        assertTrue(Arrays.stream(withNaNRewards.parameters()).allMatch(Double::isFinite));
        assertFalse(Arrays.equals(norml.metaPolicy().parameters(), withNaNRewards.parameters()), "adaptation moved θ");
    }

    @Test
    void theNaNRewardProbeCatchesAnAdaptationThatReadsRewards() {
        assertRejected(() -> norml.adaptWithRewards(new RewardReplacedEnvironment(NormlTestTasks.ROTATE.create(42),
                Double.NaN), 5), "must be finite, found NaN");
    }

    @Test
    void saveThenLoadGivesIdenticalActionsAndAdaptations() throws IOException {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        norml.save(out);

        // when
        NormlModel loaded = NormlModel.load(new ByteArrayInputStream(out.toByteArray()));

        // then
        for (float x = -2; x <= 2; x += 0.5f) {
            float[] observation = {x, -x / 2};
            assertArrayEquals(norml.metaPolicy().actDeterministic(observation), loaded.metaPolicy().actDeterministic(observation));
            assertEquals(norml.metaPolicy().logProbability(observation, new float[] {0.3f, -0.1f}),
                    loaded.metaPolicy().logProbability(observation, new float[] {0.3f, -0.1f}));
        }
        assertArrayEquals(norml.adapt(NormlTestTasks.ROTATE.create(7), 11).parameters(),
                loaded.adapt(NormlTestTasks.ROTATE.create(7), 11).parameters());
        assertEquals(norml.innerStepSize(), loaded.innerStepSize());
        assertArrayEquals(norml.offset(), loaded.offset());
    }

    @Test
    void theAdaptedPolicyRoundTripsThroughThePolicyRegistryFormat() {
        // given
        AffineGaussianPolicy adapted = norml.adapt(NormlTestTasks.ROTATE.create(7), 11);

        // when
        Policy decoded = PolicyCodec.decode(PolicyCodec.encode(adapted));

        // then
        assertTrue(decoded instanceof AffineGaussianPolicy);
        assertArrayEquals(adapted.parameters(), ((AffineGaussianPolicy) decoded).parameters());
        assertEquals(adapted.observationSpace(), decoded.observationSpace());
        assertEquals(adapted.actionSpace(), decoded.actionSpace());
    }

    @Test
    void loadRefusesBytesThatAreNoModel() {
        assertRejected(() -> NormlModel.load(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})),
                "NoRML model: expected magic 4e524d4c", "found 1020304");
    }

    @Test
    void aModelMetaTrainedWithRewardsCannotAdaptWithoutThem() {
        NormlModel maml = new NormlTrainer(NormlTestTasks.tiny().metaIterations(1).advantageSource(AdvantageSource.REWARD)
                .build()).trainModel(ImitationTask.ofTasks(NormlTestTasks.ROTATE),
                        TrainingOptions.listener(TrainingListener.NONE)).model();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> maml.adapt(NormlTestTasks.ROTATE.create(1), 1));
        assertTrue(e.getMessage().contains("use adaptWithRewards"), e::getMessage);
    }

    @Test
    void adaptationRefusesATaskWithOtherSpaces() {
        assertRejected(() -> norml.adapt(new CartPoleSensorTasks().create(1), 1),
                "new task: expected 2-dimensional observations and 2-dimensional continuous actions", "found Box");
    }
}
