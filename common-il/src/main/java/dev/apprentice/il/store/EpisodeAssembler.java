package dev.apprentice.il.store;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import java.util.List;

/** Turns the stored steps of one episode into a trajectory, or says why the episode cannot be used. */
final class EpisodeAssembler {

    /** What became of an episode. */
    enum Verdict {
        /** Steps 0 to a terminal step, all present. */
        COMPLETE,
        /** Incomplete, read as its steps from 0 up to the first gap because the query asked for it. */
        PREFIX,
        /** A missing step or no terminal step, and the query did not ask for incomplete episodes. */
        INCOMPLETE,
        /** A state or action outside the spaces, or steps after the terminal step. */
        INVALID
    }

    /**
     * The outcome for one episode.
     *
     * @param verdict what became of it
     * @param trajectory the trajectory for {@code COMPLETE} and {@code PREFIX}, otherwise null
     * @param stepsUsed how many steps from 0 the trajectory holds
     * @param problem for {@code INVALID}, why, never quoting a value (the store logs it, and steps may be
     *     personal data)
     */
    record Assembly(Verdict verdict, Trajectory trajectory, int stepsUsed, String problem) {
    }

    private EpisodeAssembler() {
    }

    /**
     * Assembles an episode.
     *
     * @param byStep the episode's steps in step order, each step once
     * @param includeIncomplete whether an incomplete episode is read as its prefix from step 0
     */
    static Assembly assemble(List<ExpertStep> byStep, Box stateSpace, Space actionSpace, boolean includeIncomplete) {
        int contiguous = 0;
        while (contiguous < byStep.size() && byStep.get(contiguous).step() == contiguous) {
            contiguous++;
        }
        for (int t = 0; t < contiguous; t++) {
            if (byStep.get(t).terminal()) {
                if (byStep.size() > t + 1) {
                    return new Assembly(Verdict.INVALID, null, 0, "step " + byStep.get(t + 1).step()
                            + " follows the terminal step " + t);
                }
                return build(byStep, t + 1, true, stateSpace, actionSpace);
            }
        }
        if (!includeIncomplete || contiguous == 0) {
            return new Assembly(Verdict.INCOMPLETE, null, 0, null);
        }
        return build(byStep, contiguous, false, stateSpace, actionSpace);
    }

    private static Assembly build(List<ExpertStep> byStep, int steps, boolean complete, Box stateSpace,
            Space actionSpace) {
        int sw = stateSpace.width();
        int aw = actionSpace.width();
        float[] states = new float[(steps + 1) * sw];
        float[] actions = new float[steps * aw];
        ExpertStep last = byStep.get(steps - 1);
        try {
            for (int t = 0; t < steps; t++) {
                ExpertStep s = byStep.get(t);
                float[] state = s.state();
                float[] action = s.action();
                stateSpace.validateWithoutValues(state, "step " + t + " state");
                actionSpace.validateWithoutValues(action, "step " + t + " action");
                System.arraycopy(state, 0, states, t * sw, sw);
                System.arraycopy(action, 0, actions, t * aw, aw);
            }
            float[] finalState = complete && last.finalState() != null ? last.finalState() : last.state();
            stateSpace.validateWithoutValues(finalState, "final state");
            System.arraycopy(finalState, 0, states, steps * sw, sw);
        } catch (IllegalArgumentException e) {
            return new Assembly(Verdict.INVALID, null, 0, e.getMessage());
        }
        boolean terminated = complete && !last.timeLimited();
        return new Assembly(complete ? Verdict.COMPLETE : Verdict.PREFIX,
                new Trajectory(sw, aw, states, actions, null, terminated), steps, null);
    }
}
