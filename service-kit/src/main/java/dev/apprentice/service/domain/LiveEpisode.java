package dev.apprentice.service.domain;

import java.util.List;

/** One episode of the live view: a simulator and its driver, advanced a decision at a time. */
public interface LiveEpisode {

    /** The scene before the first decision. */
    Object scene();

    /** Lets the driver decide once and simulates until the next decision. */
    Step step();

    /**
     * What one decision did.
     *
     * @param action the action's name
     * @param reward the environment's reward (shown, never trained on)
     * @param done whether the episode is over
     * @param frames the scenes to animate, in order (at least one)
     */
    record Step(String action, double reward, boolean done, List<Object> frames) {
    }
}
