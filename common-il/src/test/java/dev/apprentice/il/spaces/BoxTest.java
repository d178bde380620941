package dev.apprentice.il.spaces;

import static dev.apprentice.il.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BoxTest {

    private static final float INF = Float.POSITIVE_INFINITY;

    /** One bounded dimension, one unbounded, and one of each half-bounded kind. */
    private final Box mixed = new Box(new float[] {-1f, -INF, 0f, -INF}, new float[] {1f, INF, INF, 5f});

    @Test
    void rejectsNullBounds() {
        assertRejected(() -> new Box(null, new float[] {1}), "needs lower and upper bounds, found null");
        assertRejected(() -> new Box(new float[] {0}, null), "needs lower and upper bounds, found null");
    }

    @Test
    void rejectsBoxWithZeroDimensions() {
        assertRejected(() -> new Box(new float[0], new float[0]), "at least 1 dimension, found 0");
        assertRejected(() -> Box.uniform(0, -1, 1), "at least 1 dimension, found 0");
        assertRejected(() -> Box.unbounded(-2), "at least 1 dimension, found -2");
    }

    @Test
    void rejectsBoundsOfDifferentLengths() {
        assertRejected(() -> new Box(new float[] {0, 0}, new float[] {1, 1, 1}),
                "same length: low has 2, high has 3");
    }

    @Test
    void rejectsNaNBound() {
        assertRejected(() -> new Box(new float[] {0, Float.NaN}, new float[] {1, 1}), "index 1 is NaN");
        assertRejected(() -> new Box(new float[] {0, 0}, new float[] {Float.NaN, 1}), "index 0 is NaN");
    }

    @Test
    void rejectsLowerBoundAboveUpperBound() {
        assertRejected(() -> new Box(new float[] {0, 2}, new float[] {1, 1}),
                "index 1: low 2.0 is greater than high 1.0");
    }

    @Test
    void acceptsDegenerateDimensionWhereLowEqualsHigh() {
        Box point = new Box(new float[] {3}, new float[] {3});

        point.validate(new float[] {3}, "x");

        assertFalse(point.contains(new float[] {3.0001f}));
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("null", null, "state: expected 4 values, found null"),
                Arguments.of("too few values", new float[] {0, 0, 0}, "state: expected 4 values, found 3"),
                Arguments.of("too many values", new float[] {0, 0, 0, 0, 0}, "state: expected 4 values, found 5"),
                Arguments.of("NaN", new float[] {0, Float.NaN, 0, 0}, "state[1]: expected a number, found NaN"),
                Arguments.of("+infinity in an unbounded dimension", new float[] {0, INF, 0, 0},
                        "state[1]: expected a finite number, found Infinity"),
                Arguments.of("-infinity in an unbounded dimension", new float[] {0, 0, 0, -INF},
                        "state[3]: expected a finite number, found -Infinity"),
                Arguments.of("above the upper bound", new float[] {1.5f, 0, 0, 0},
                        "state[0]: expected a value in [-1.0, 1.0], found 1.5"),
                Arguments.of("below the lower bound", new float[] {0, 0, -0.25f, 0},
                        "state[2]: expected a value in [0.0, Infinity], found -0.25"),
                Arguments.of("above a finite upper bound of a half-bounded dimension", new float[] {0, 0, 0, 6},
                        "state[3]: expected a value in [-Infinity, 5.0], found 6.0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidValues")
    void rejectsInvalidValueNamingTheProblem(String description, float[] value, String message) {
        assertRejected(() -> mixed.validate(value, "state"), message);
    }

    @Test
    void givenValuesOutsideTheBounds_whenCheckedWithoutValues_thenTheMessageNamesIndexAndBoundsButNotTheValue() {
        assertEquals("state[0]: expected a value in [-1.0, 1.0], found one outside it",
                assertRejected(() -> mixed.validateWithoutValues(new float[] {1.5f, 0, 0, 0}, "state")).getMessage());
        assertEquals("state[2]: expected a value in [0.0, Infinity], found one outside it",
                assertRejected(() -> mixed.validateWithoutValues(new float[] {0, 0, -0.25f, 0}, "state")).getMessage());
        assertRejected(() -> mixed.validateWithoutValues(new float[] {0, Float.NaN, 0, 0}, "state"),
                "state[1]: expected a number, found NaN");
        assertRejected(() -> mixed.validateWithoutValues(new float[] {0, 0, 0}, "state"),
                "state: expected 4 values, found 3");
        mixed.validateWithoutValues(new float[] {1, -1e30f, 1e30f, 5}, "state");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidValues")
    void containsIsFalseForInvalidValueWithoutThrowing(String description, float[] value, String message) {
        assertFalse(mixed.contains(value));
    }

    @Test
    void acceptsValuesOnAndInsideTheBounds() {
        float[] onBounds = {-1f, -1e30f, 0f, 5f};
        float[] inside = {0.5f, 1e30f, 1e30f, -1e30f};

        mixed.validate(onBounds, "state");
        mixed.validate(inside, "state");

        assertTrue(mixed.contains(onBounds));
        assertTrue(mixed.contains(inside));
    }

    @Test
    void samplesStayInsideBoundedAndUnboundedDimensions() {
        SplittableRandom rng = new SplittableRandom(5);
        float[] min = {INF, INF, INF, INF};
        float[] max = {-INF, -INF, -INF, -INF};

        for (int i = 0; i < 5000; i++) {
            float[] x = mixed.sample(rng);
            assertTrue(mixed.contains(x), () -> java.util.Arrays.toString(x));
            for (int d = 0; d < 4; d++) {
                min[d] = Math.min(min[d], x[d]);
                max[d] = Math.max(max[d], x[d]);
            }
        }

        // the bounded dimension is covered end to end, the others are finite and spread out
        assertTrue(min[0] < -0.99f && max[0] > 0.99f);
        for (int d = 1; d < 4; d++) {
            assertTrue(Float.isFinite(min[d]) && Float.isFinite(max[d]));
            assertTrue(max[d] - min[d] > 0.5f, "dimension " + d + " spread " + (max[d] - min[d]));
        }
    }

    @Test
    void samplesOfAFullyUnboundedBoxAreFinite() {
        Box box = Box.unbounded(3);
        SplittableRandom rng = new SplittableRandom(9);

        for (int i = 0; i < 1000; i++) {
            float[] x = box.sample(rng);
            assertTrue(box.contains(x));
        }
    }

    @Test
    void clipMovesOutsideComponentsOntoTheBoundsAndKeepsInsideOnes() {
        float[] clipped = mixed.clip(new float[] {3f, -1e20f, -2f, 10f});

        assertArrayEquals(new float[] {1f, -1e20f, 0f, 5f}, clipped);
        assertArrayEquals(new float[] {-0.5f, 7f, 2f, 4f}, mixed.clip(new float[] {-0.5f, 7f, 2f, 4f}));
    }

    @Test
    void clipDoesNotModifyItsArgument() {
        float[] value = {3f, 0f, 0f, 0f};

        mixed.clip(value);

        assertEquals(3f, value[0]);
    }

    @Test
    void reportsWhetherEveryBoundIsFinite() {
        assertTrue(Box.uniform(2, -2, 2).isBounded());
        assertFalse(mixed.isBounded());
    }

    @Test
    void boundsAreCopiedSoTheBoxCannotBeChangedFromOutside() {
        float[] low = {0, 0};
        float[] high = {1, 1};
        Box box = new Box(low, high);

        low[0] = 5;
        box.high()[1] = -5;

        assertEquals(0f, box.low(0));
        assertEquals(1f, box.high(1));
    }

    @Test
    void boxesWithTheSameBoundsAreEqual() {
        assertEquals(Box.uniform(2, -1, 1), new Box(new float[] {-1, -1}, new float[] {1, 1}));
        assertEquals(Box.uniform(2, -1, 1).hashCode(), new Box(new float[] {-1, -1}, new float[] {1, 1}).hashCode());
        assertNotEquals(Box.uniform(2, -1, 1), Box.uniform(2, -1, 2));
        assertEquals("Box(2)", Box.uniform(2, -1, 1).describe());
    }

    @Test
    void clipRejectsAVectorOfTheWrongDimensionOrWithNaN() {
        assertRejected(() -> mixed.clip(new float[] {1f}), "expected 4 values, found 1");
        assertRejected(() -> mixed.clip(new float[] {0f, Float.NaN, 0f, 0f}), "index 1 is NaN");
    }
}
