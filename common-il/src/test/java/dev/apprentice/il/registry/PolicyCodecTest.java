package dev.apprentice.il.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.policy.Activation;
import dev.apprentice.il.policy.DenseNetwork;
import dev.apprentice.il.policy.GaussianMlpPolicy;
import dev.apprentice.il.policy.LinearPolicy;
import dev.apprentice.il.policy.ObservationNormalizer;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PolicyCodecTest {

    private static final float[][] STATES = {{0, 0, 0}, {0.5f, -0.5f, 3f}, {-1, 1, -7f}};

    private static void assertRoundTripActsTheSame(Policy original) {
        Policy decoded = PolicyCodec.decode(PolicyCodec.encode(original));
        for (int i = 0; i < STATES.length; i++) {
            assertArrayEquals(original.actDeterministic(STATES[i]), decoded.actDeterministic(STATES[i]));
            assertArrayEquals(original.act(STATES[i], new SplittableRandom(i)), decoded.act(STATES[i], new SplittableRandom(i)));
        }
    }

    @Test
    void gaussianMlpPolicyRoundTripsExactly() {
        Box obs = new Box(new float[] {-1, -1, -8}, new float[] {1, 1, 8});
        DenseNetwork net = new DenseNetwork(List.of(
                new DenseNetwork.Layer(3, 2, new float[] {0.3f, -0.2f, 0.1f, 0.9f, -0.4f, 0.2f}, new float[] {0.1f, -0.1f},
                        Activation.RELU),
                new DenseNetwork.Layer(2, 2, new float[] {1f, 0.5f, -1f, 0.2f}, new float[] {0f, -1f}, Activation.IDENTITY)));
        assertRoundTripActsTheSame(new GaussianMlpPolicy(obs, new Box(new float[] {-2}, new float[] {2}),
                new ObservationNormalizer(new float[] {0.1f, 0, 0.5f}, new float[] {1, 2, 3}), net));
    }

    @Test
    void linearPolicyRoundTripsForDiscreteAndBoxActions() {
        Box obs = Box.unbounded(3);
        assertRoundTripActsTheSame(new LinearPolicy(obs, new Discrete(2), ObservationNormalizer.identity(3),
                new float[] {1, 2, 3, -1, -2, 4}));
        assertRoundTripActsTheSame(new LinearPolicy(obs, Box.uniform(2, -1, 1), ObservationNormalizer.identity(3),
                new float[] {0.1f, 0.2f, 0.3f, -1, -2, 4}));
    }

    @Test
    void bytesThatAreNotAPolicyFileAreRejected() {
        CorruptArtefactException e = assertThrows(CorruptArtefactException.class,
                () -> PolicyCodec.decode("{\"hello\": 1}".getBytes()));
        assertTrue(e.getMessage().contains("not an Apprentice policy file"), e.getMessage());
    }

    @Test
    void truncatedPolicyFileIsRejectedAsTruncated() {
        byte[] full = PolicyCodec.encode(PolicyRegistryTest.policy(0.5f));
        CorruptArtefactException e = assertThrows(CorruptArtefactException.class,
                () -> PolicyCodec.decode(Arrays.copyOf(full, full.length - 5)));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] full = PolicyCodec.encode(PolicyRegistryTest.policy(0.5f));
        CorruptArtefactException e = assertThrows(CorruptArtefactException.class,
                () -> PolicyCodec.decode(Arrays.copyOf(full, full.length + 2)));
        assertTrue(e.getMessage().contains("unexpected bytes"), e.getMessage());
    }

    @Test
    void newerFormatVersionIsRejectedWithTheSupportedRange() {
        byte[] bytes = PolicyCodec.encode(PolicyRegistryTest.policy(0.5f));
        bytes[11] = 9;
        CorruptArtefactException e = assertThrows(CorruptArtefactException.class, () -> PolicyCodec.decode(bytes));
        assertTrue(e.getMessage().contains("format version 9 is not supported"), e.getMessage());
    }

    @Test
    void storesAPolicyKindDefinedOutsideTheCodecThroughItsFormat() {
        // given a policy whose format is registered in META-INF/services
        Policy policy = new ConstantPolicyFormat.ConstantPolicy(Box.uniform(2, -1, 1), Box.uniform(1, 0, 5), new float[] {3f});
        // when it is encoded and decoded
        Policy back = PolicyCodec.decode(PolicyCodec.encode(policy));
        // then it comes back as the same kind, acting the same
        assertTrue(back instanceof ConstantPolicyFormat.ConstantPolicy);
        assertArrayEquals(new float[] {3f}, back.actDeterministic(new float[] {0f, 0f}));
    }

    @Test
    void refusesAFileOfAKindWhoseFormatIsMissing() {
        // given a file whose kind name no format on the class path claims
        byte[] bytes = PolicyCodec.encode(new ConstantPolicyFormat.ConstantPolicy(Box.uniform(1, 0, 1), Box.uniform(1, 0, 1),
                new float[] {0.5f}));
        String encoded = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).replace("test.constant", "test.unknown");
        // when it is decoded, then the error names the kind
        CorruptArtefactException e = assertThrows(CorruptArtefactException.class,
                () -> PolicyCodec.decode(encoded.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        assertTrue(e.getMessage().contains("test.unknown"), e.getMessage());
    }
}
