package dev.apprentice.il.data;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.spaces.Box;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinibatchSamplerTest {

    /**
     * Ten samples in two episodes; sample i has state (i, 10 i) and action (-i), so a batch shows
     * which samples it holds and whether states and actions stayed paired.
     */
    private static DemonstrationSet tenSamples() {
        List<Trajectory> episodes = new ArrayList<>();
        for (int e = 0; e < 2; e++) {
            float[] states = new float[6 * 2];
            float[] actions = new float[5];
            for (int t = 0; t < 6; t++) {
                int i = 5 * e + t;
                states[2 * t] = i;
                states[2 * t + 1] = 10 * i;
            }
            for (int t = 0; t < 5; t++) {
                actions[t] = -(5 * e + t);
            }
            episodes.add(new Trajectory(2, 1, states, actions, null, false));
        }
        return DemonstrationSet.fromTrajectories(Box.unbounded(2), Box.unbounded(1), episodes);
    }

    @Test
    void epochVisitsEverySampleExactlyOnceIncludingAPartialLastBatch() {
        MinibatchSampler sampler = tenSamples().sampler(4, 3);
        int[] visits = new int[10];
        List<Integer> batchSizes = new ArrayList<>();

        sampler.startEpoch();
        while (sampler.nextBatch()) {
            float[] states = sampler.states();
            float[] actions = sampler.actions();
            assertEquals(2 * sampler.size(), states.length);
            assertEquals(sampler.size(), actions.length);
            for (int k = 0; k < sampler.size(); k++) {
                int i = (int) states[2 * k];
                assertEquals(10f * i, states[2 * k + 1]);
                assertEquals(-i, actions[k], "state and action of sample " + i + " came apart");
                visits[i]++;
            }
            batchSizes.add(sampler.size());
        }

        assertEquals(List.of(4, 4, 2), batchSizes);
        int[] once = new int[10];
        Arrays.fill(once, 1);
        assertArrayEquals(once, visits);
    }

    @Test
    void eachEpochIsAFreshShuffle() {
        MinibatchSampler sampler = tenSamples().sampler(10, 8);

        sampler.startEpoch();
        sampler.nextBatch();
        float[] first = sampler.actions().clone();
        sampler.startEpoch();
        sampler.nextBatch();
        float[] second = sampler.actions().clone();

        assertFalse(Arrays.equals(first, second), "two epochs gave the same order " + Arrays.toString(first));
    }

    @Test
    void noBatchIsAvailableBeforeAnEpochStartsOrAfterItEnds() {
        MinibatchSampler sampler = tenSamples().sampler(5, 1);

        assertFalse(sampler.nextBatch());
        sampler.startEpoch();
        assertTrue(sampler.nextBatch());
        assertTrue(sampler.nextBatch());
        assertFalse(sampler.nextBatch());
    }

    @Test
    void fullBatchesReuseTheSamplersBuffers() {
        MinibatchSampler sampler = tenSamples().sampler(5, 1);
        sampler.startEpoch();

        sampler.nextBatch();
        float[] firstStates = sampler.states();
        float[] firstActions = sampler.actions();
        sampler.nextBatch();

        assertSame(firstStates, sampler.states());
        assertSame(firstActions, sampler.actions());
    }

    @Test
    void partialBatchIsATrimmedCopy() {
        MinibatchSampler sampler = tenSamples().sampler(4, 1);
        sampler.startEpoch();
        sampler.nextBatch();
        float[] buffer = sampler.states();
        sampler.nextBatch();

        sampler.nextBatch();

        assertEquals(2, sampler.size());
        assertNotSame(buffer, sampler.states());
        assertEquals(4, sampler.states().length);
    }

    @Test
    void sampleBatchIsReproducibleForASeed() {
        MinibatchSampler first = tenSamples().sampler(6, 42);
        MinibatchSampler second = tenSamples().sampler(6, 42);

        for (int round = 0; round < 3; round++) {
            first.sampleBatch();
            second.sampleBatch();
            assertEquals(6, first.size());
            assertArrayEquals(first.states(), second.states());
            assertArrayEquals(first.actions(), second.actions());
        }
    }

    @Test
    void sampleBatchDependsOnTheSeed() {
        MinibatchSampler first = tenSamples().sampler(6, 42);
        MinibatchSampler second = tenSamples().sampler(6, 43);

        first.sampleBatch();
        second.sampleBatch();

        assertFalse(Arrays.equals(first.actions(), second.actions()));
    }

    @Test
    void rejectsBatchSizeZero() {
        assertRejected(() -> tenSamples().sampler(0, 1), "batch size: expected at least 1, found 0");
    }
}
