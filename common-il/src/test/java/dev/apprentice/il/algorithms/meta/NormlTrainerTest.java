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
import dev.apprentice.il.algorithms.TrainingProgress;
import dev.apprentice.il.algorithms.TrainingStoppedException;
import dev.apprentice.il.algorithms.meta.NormlConfig.AdvantageSource;
import dev.apprentice.il.env.Environment;
import dev.apprentice.il.env.reference.CartPoleEnvironment;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What NoRML's trainer accepts, what it reports, and that stopping and resuming changes nothing. */
class NormlTrainerTest {

    private static final ImitationTask ROTATE = ImitationTask.ofTasks(NormlTestTasks.ROTATE);

    @Test
    void noRmlRefusesATaskDistributionThatIsNotEnvironments() {
        MetaTasks people = () -> "people-v1";
        NormlTrainer trainer = new NormlTrainer(NormlTestTasks.tiny().build());

        assertRejected(() -> trainer.train(ImitationTask.ofTasks(people), TrainingListener.NONE),
                "NoRML rolls out environments: expected EnvironmentTasks");
    }

    @Test
    void noRmlRefusesDiscreteActions() {
        EnvironmentTasks discreteCartPoles = new EnvironmentTasks() {
            @Override
            public Box observationSpace() {
                return new CartPoleEnvironment().observationSpace();
            }

            @Override
            public Space actionSpace() {
                return new CartPoleEnvironment().actionSpace();
            }

            @Override
            public Environment create(long taskSeed) {
                return new CartPoleEnvironment();
            }

            @Override
            public String fingerprint() {
                return "discrete-cartpole";
            }
        };
        NormlTrainer trainer = new NormlTrainer(NormlTestTasks.tiny().build());

        assertRejected(() -> trainer.train(ImitationTask.ofTasks(discreteCartPoles), TrainingListener.NONE),
                "expected a Box action space", "found Discrete");
    }

    @Test
    void noRmlRefusesAMissingConfig() {
        assertRejected(() -> new NormlTrainer(null), "NoRML config is required");
    }

    @Test
    void everyMetaIterationReportsReturnsBeforeAndAfterAdaptation() {
        // given
        List<TrainingProgress> progress = new ArrayList<>();

        // when
        NormlTrainer.Result result = new NormlTrainer(NormlTestTasks.tiny().build()).trainModel(ROTATE,
                TrainingOptions.listener(progress::add));

        // then
        assertEquals("norml", result.outcome().algorithm());
        assertEquals(6, progress.size());
        for (TrainingProgress p : progress) {
            assertTrue(p.metrics().get("pre_adaptation_return") < 0, () -> "rewards are negative distances: " + p);
            assertTrue(Double.isFinite(p.metrics().get("post_adaptation_return")), p::toString);
            assertTrue(p.metrics().containsKey("offset_norm"), p::toString);
        }
        assertTrue(progress.get(5).metrics().get("offset_norm") > 0, "the offset is learned");
        assertArrayEquals(result.model().metaPolicy().parameters(),
                ((AffineGaussianPolicy) result.outcome().policy()).parameters(), "the outcome's policy is the meta policy");
    }

    @Test
    void mamlLearnsNoOffsetWhenTheOffsetIsOff() {
        // when
        NormlModel maml = new NormlTrainer(NormlTestTasks.tiny().advantageSource(AdvantageSource.REWARD).learnOffset(false)
                .build()).trainModel(ROTATE, TrainingOptions.listener(TrainingListener.NONE)).model();

        // then
        assertArrayEquals(new double[maml.offset().length], maml.offset());
        assertFalse(maml.metaPolicy().parameters()[0] == 0, "θ moved");
    }

    @ParameterizedTest
    @EnumSource(AdvantageSource.class)
    void anInterruptedAndResumedRunEndsWithTheParametersOfAnUninterruptedRun(AdvantageSource source, @TempDir Path dir)
            throws IOException {
        // given
        NormlConfig config = NormlTestTasks.tiny().advantageSource(source).build();
        byte[] uninterrupted = bytes(new NormlTrainer(config).trainModel(ROTATE,
                TrainingOptions.listener(TrainingListener.NONE)).model());
        List<Integer> seen = new ArrayList<>();
        TrainingOptions stopAfterThree = TrainingOptions.listener(p -> seen.add(p.iteration()))
                .withCheckpointing(dir, 2).withStopSignal(() -> seen.size() == 3);

        // when
        assertThrows(TrainingStoppedException.class, () -> new NormlTrainer(config).trainModel(ROTATE, stopAfterThree));
        NormlTrainer.Result resumed = new NormlTrainer(config).trainModel(ROTATE,
                TrainingOptions.listener(p -> seen.add(p.iteration())).withCheckpointing(dir, 2));

        // then
        assertEquals(List.of(1, 2, 3, 4, 5, 6), seen, "the resumed run continues after the stop");
        assertArrayEquals(uninterrupted, bytes(resumed.model()));
    }

    private static byte[] bytes(NormlModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.save(out);
        return out.toByteArray();
    }
}
