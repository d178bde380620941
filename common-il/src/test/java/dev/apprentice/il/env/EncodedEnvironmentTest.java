package dev.apprentice.il.env;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apprentice.il.env.reference.IdentityEnvironment;
import dev.apprentice.il.policy.Actor;
import dev.apprentice.il.spaces.Box;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EncodedEnvironmentTest {

    /** Appends the sum of the observation to it. */
    private static final class AppendSum implements ObservationEncoder {
        private final Box input;

        AppendSum(Box input) {
            this.input = input;
        }

        @Override
        public String id() {
            return "append-sum-v1";
        }

        @Override
        public Box inputSpace() {
            return input;
        }

        @Override
        public Box outputSpace() {
            return Box.uniform(input.dimension() + 1, -100, 100);
        }

        @Override
        public float[] encode(float[] observation) {
            float[] out = java.util.Arrays.copyOf(observation, observation.length + 1);
            for (float v : observation) {
                out[observation.length] += v;
            }
            return out;
        }
    }

    @Test
    void encodesEveryObservationAndPassesRewardsAndEndingsThrough() {
        Environment raw = IdentityEnvironment.discrete(4);
        Environment twin = IdentityEnvironment.discrete(4);
        AppendSum encoder = new AppendSum(raw.observationSpace());
        EncodedEnvironment env = new EncodedEnvironment(raw, encoder);

        float[] first = env.reset(7);
        float[] rawFirst = twin.reset(7);

        assertArrayEquals(encoder.encode(rawFirst), first);
        assertEquals(encoder.outputSpace(), env.observationSpace());
        StepResult step = env.step(new float[] {1});
        StepResult rawStep = twin.step(new float[] {1});
        assertArrayEquals(encoder.encode(rawStep.observation()), step.observation());
        assertEquals(rawStep.reward(), step.reward());
        assertEquals(rawStep.done(), step.done());
    }

    @Test
    void rejectsAnEncoderForAnotherObservationSpace() {
        Environment raw = IdentityEnvironment.discrete(4);

        assertRejected(() -> new EncodedEnvironment(raw, new AppendSum(Box.uniform(3, 0, 1))),
                "encoder append-sum-v1: accepts observations in");
    }

    @Test
    void actorOnRawObservationsSeesTheFeatures() {
        AppendSum encoder = new AppendSum(Box.uniform(2, -1, 1));
        Actor lastFeature = (features, rng) -> new float[] {features[features.length - 1]};

        float[] action = encoder.actorOnRawObservations(lastFeature).act(new float[] {0.25f, 0.5f}, new SplittableRandom(1));

        assertArrayEquals(new float[] {0.75f}, action);
    }
}
