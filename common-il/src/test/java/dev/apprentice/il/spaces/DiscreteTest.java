package dev.apprentice.il.spaces;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DiscreteTest {

    private final Discrete threeActions = new Discrete(3);

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void rejectsSpaceWithoutActions(int n) {
        assertRejected(() -> new Discrete(n), "at least 1 action, found n = " + n);
    }

    static Stream<Arguments> invalidElements() {
        return Stream.of(
                Arguments.of("null", null, "action: expected 1 value (an action index), found null"),
                Arguments.of("no value", new float[0], "action: expected 1 value (an action index), found 0"),
                Arguments.of("two values", new float[] {0, 1}, "action: expected 1 value (an action index), found 2"),
                Arguments.of("NaN", new float[] {Float.NaN}, "action: expected an action index, found NaN"),
                Arguments.of("+infinity", new float[] {Float.POSITIVE_INFINITY},
                        "action: expected an action index, found Infinity"),
                Arguments.of("-infinity", new float[] {Float.NEGATIVE_INFINITY},
                        "action: expected an action index, found -Infinity"),
                Arguments.of("non-whole", new float[] {1.5f}, "action: expected a whole action index, found 1.5"),
                Arguments.of("negative", new float[] {-1}, "action: expected an action index in [0, 2], found -1"),
                Arguments.of("too large", new float[] {3}, "action: expected an action index in [0, 2], found 3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidElements")
    void rejectsInvalidElementNamingTheProblem(String description, float[] value, String message) {
        assertRejected(() -> threeActions.validate(value, "action"), message);
    }

    @Test
    void givenInvalidIndices_whenCheckedWithoutValues_thenTheMessageSaysHowTheyAreWrongButNotWhatTheyAre() {
        assertEquals("action: expected an action index in [0, 2], found one outside it",
                assertRejected(() -> threeActions.validateWithoutValues(new float[] {7}, "action")).getMessage());
        assertEquals("action: expected an action index in [0, 2], found one outside it",
                assertRejected(() -> threeActions.validateWithoutValues(new float[] {-1}, "action")).getMessage());
        assertEquals("action: expected a whole action index, found a fraction",
                assertRejected(() -> threeActions.validateWithoutValues(new float[] {1.5f}, "action")).getMessage());
        threeActions.validateWithoutValues(new float[] {2}, "action");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidElements")
    void containsIsFalseForInvalidElementWithoutThrowing(String description, float[] value, String message) {
        assertFalse(threeActions.contains(value));
    }

    @ParameterizedTest
    @ValueSource(floats = {0, 1, 2})
    void acceptsEveryActionIndex(float index) {
        float[] value = {index};

        threeActions.validate(value, "action");

        assertTrue(threeActions.contains(value));
        assertEquals((int) index, threeActions.index(value, "action"));
    }

    @Test
    void indexRejectsInvalidElementWithTheGivenFieldName() {
        assertRejected(() -> threeActions.index(new float[] {7}, "expert action"),
                "expert action: expected an action index in [0, 2], found 7");
    }

    @Test
    void elementWrapsIndexAndRejectsIndexOutsideTheSpace() {
        assertArrayEquals(new float[] {2}, threeActions.element(2));
        assertRejected(() -> threeActions.element(3), "expected an action index in [0, 2], found 3");
        assertRejected(() -> threeActions.validateIndex(-2, "choice"), "choice: expected an action index in [0, 2], found -2");
    }

    @Test
    void samplesStayInTheSpaceAndReachEveryAction() {
        SplittableRandom rng = new SplittableRandom(11);
        int[] counts = new int[3];

        for (int i = 0; i < 3000; i++) {
            float[] a = threeActions.sample(rng);
            assertTrue(threeActions.contains(a), () -> "sampled " + a[0]);
            counts[(int) a[0]]++;
        }

        for (int count : counts) {
            assertTrue(count > 800 && count < 1200, "roughly uniform counts, found " + count);
        }
    }

    @Test
    void describesItselfAndOccupiesOneFloat() {
        assertEquals("Discrete(3)", threeActions.describe());
        assertEquals(1, threeActions.width());
    }
}
