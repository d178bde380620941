package dev.apprentice.il.algorithms.meta;

import dev.apprentice.il.env.reference.RotatedPointMassTasks;

/** Small, fast NoRML settings shared by the NoRML tests. */
final class NormlTestTasks {

    static final RotatedPointMassTasks ROTATE = new RotatedPointMassTasks();

    private NormlTestTasks() {
    }

    /** A budget that runs in well under a second: enough to move every parameter. */
    static NormlConfig.Builder tiny() {
        return NormlConfig.builder().metaIterations(6).tasksPerIteration(3).rolloutsPerTask(4)
                .maxEpisodeSteps(RotatedPointMassTasks.PAPER_HORIZON).advantageHiddenSizes(8, 8).seed(3);
    }
}
