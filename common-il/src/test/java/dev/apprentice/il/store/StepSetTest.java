package dev.apprentice.il.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StepSetTest {

    @Test
    void givenStepsInRandomOrder_whenAdded_thenTheSetAnswersLikeAPlainSetAndMergesRuns() {
        // given: 2,000 additions drawn from [0, 300), so runs form, meet and merge
        SplittableRandom rng = new SplittableRandom(5);
        StepSet set = new StepSet();
        BitSet expected = new BitSet();

        // when / then: each addition reports novelty exactly as a plain set would
        for (int i = 0; i < 2_000; i++) {
            int step = rng.nextInt(300);
            assertEquals(!expected.get(step), set.add(step), "adding " + step);
            expected.set(step);
            assertEquals(expected.length() - 1, set.last());
        }
        for (int step = -1; step <= 301; step++) {
            assertEquals(expected.get(Math.max(step, 0)) && step >= 0, set.contains(step), "step " + step);
        }
        assertTrue(set.isZeroTo(299), "every step of [0, 299] arrived, so one run remains");
    }

    @Test
    void givenAGapOrALateStart_whenAsked_thenTheSetIsNotZeroToItsLastStep() {
        StepSet gap = new StepSet();
        gap.add(0);
        gap.add(2);
        StepSet late = new StepSet();
        late.add(1);
        late.add(2);
        StepSet empty = new StepSet();

        assertFalse(gap.isZeroTo(2));
        assertFalse(late.isZeroTo(2));
        assertEquals(-1, empty.last());
        assertFalse(empty.contains(0));
        gap.add(1);
        assertTrue(gap.isZeroTo(2));
    }
}
