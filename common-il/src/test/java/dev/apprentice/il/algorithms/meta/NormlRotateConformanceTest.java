package dev.apprentice.il.algorithms.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.algorithms.meta.NormlBenchmark.Figures;
import org.junit.jupiter.api.Test;

/**
 * The conformance check of the paper's central claim on its rotate task: adapting without reward,
 * NoRML beats both doing nothing and MAML whose inner step lost its reward.
 */
class NormlRotateConformanceTest {

    private static final int META_ITERATIONS = 200;
    private static final int HELD_OUT_TASKS = 10;

    @Test
    void noRmlAdaptedWithoutRewardBeatsNoAdaptationAndMamlWithTheRewardRemoved() {
        // given: both meta-trained for the same budget on rotate; 10 held-out rotations
        // when
        Figures figures = NormlBenchmark.run(NormlBenchmark.Task.ROTATE, META_ITERATIONS, HELD_OUT_TASKS, 2024);

        // then: returns are sums of −distance over 10 steps; standing still scores −10
        assertEquals(HELD_OUT_TASKS, figures.heldOutTasks());
        assertTrue(figures.normlAdapted() > figures.normlUnadapted() + MARGIN, figures::toString);
        assertTrue(figures.normlAdapted() > figures.mamlRewardRemoved() + MARGIN, figures::toString);
    }

    /** Far beyond what seeds move these means by. */
    private static final double MARGIN = 3.0;
}
