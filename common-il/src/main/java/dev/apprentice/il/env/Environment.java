package dev.apprentice.il.env;

import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;

/**
 * A simulator that policies act in, one episode at a time. Imitation never trains on its rewards;
 * they exist to evaluate policies (normalised return).
 *
 * <p>An instance is single-threaded; parallel code creates one instance per thread. Episodes are
 * reproducible: the same seed and the same actions give the same states and rewards.
 */
public interface Environment {

    /** The space every observation belongs to. */
    Box observationSpace();

    /** The space every action must belong to. */
    Space actionSpace();

    /** Starts a new episode whose randomness comes only from {@code seed}; returns the first observation. */
    float[] reset(long seed);

    /**
     * Applies one action.
     *
     * @throws IllegalArgumentException when the action is not in {@link #actionSpace()}
     * @throws IllegalStateException when no episode is running (before reset, or after it ended)
     */
    StepResult step(float[] action);
}
