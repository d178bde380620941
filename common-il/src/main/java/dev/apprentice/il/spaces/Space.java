package dev.apprentice.il.spaces;

import java.util.random.RandomGenerator;

/**
 * A set of valid observations or actions, so that every vector entering a policy, a trainer or a
 * store can be checked against what the environment promised.
 *
 * <p>Every element is stored as a flat {@code float[]} of length {@link #width()}: a {@link Box}
 * element is the vector itself, a {@link Discrete} element is a single float holding the index.
 */
public sealed interface Space permits Box, Discrete {

    /** Number of floats one element occupies when stored or passed around. */
    int width();

    /**
     * Checks that {@code value} is an element of this space.
     *
     * @param field name used in the error message, e.g. {@code "action"} or {@code "state"}
     * @throws IllegalArgumentException naming the field, what was found and what was expected
     */
    void validate(float[] value, String field);

    /**
     * Checks like {@link #validate}, but the message never quotes the value found, only how it is
     * wrong (outside the bounds, not whole): recorded steps may be personal data, and the reasons
     * they are refused reach logs and dead-letter headers.
     *
     * @throws IllegalArgumentException naming the field and index and what was expected
     */
    void validateWithoutValues(float[] value, String field);

    /** Returns true when {@code value} is an element of this space; never throws. */
    boolean contains(float[] value);

    /** Draws a uniformly random element; the uniform random policy uses it as its baseline. */
    float[] sample(RandomGenerator rng);

    /** A compact, human-readable description such as {@code Discrete(2)} or {@code Box(4)}. */
    String describe();
}
