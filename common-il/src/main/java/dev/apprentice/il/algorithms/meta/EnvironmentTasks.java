package dev.apprentice.il.algorithms.meta;

import dev.apprentice.il.env.Environment;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;

/**
 * Tasks that are environments whose dynamics differ (a rotated actuator, a biased sensor): what
 * reward-free adaptation (NoRML) meta-trains on. Every environment of a distribution shares its
 * spaces; one drawn task keeps its dynamics across resets.
 */
public interface EnvironmentTasks extends MetaTasks {

    /** The space every task's observations belong to. */
    Box observationSpace();

    /** The space every task's actions belong to. */
    Space actionSpace();

    /** A new environment of the task drawn with {@code taskSeed}; the same seed gives the same dynamics. */
    Environment create(long taskSeed);
}
