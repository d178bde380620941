package dev.apprentice.starcraft.minigame;

import java.util.Locale;

/**
 * One agent action as pysc2 names it, a function and its screen arguments, with the conversion to
 * and from the 16-float vector the environment's action space holds; services use it to validate an
 * incoming vector and to answer "which function, where".
 *
 * <p>The vector is six function scores in [-1, 1] ({@link MinigameFunction} order; the largest wins,
 * the first on a tie) followed by each function's own screen coordinates in [0, 1] (fractions of the
 * screen's width and height): select_point (x, y), select_rect (x, y, x2, y2), Move_screen (x, y),
 * Attack_screen (x, y). Only the chosen function's coordinates are read. Giving each function its own
 * slots, as pysc2 agents give each argument its own head, lets a policy learn where each function would
 * point without having to switch one shared pair of coordinates by function.
 *
 * <pre>{@code
 * MinigameAction move = MinigameAction.move(0.25f, 0.75f);
 * env.step(move.toVector());
 * MinigameAction read = MinigameAction.fromVector(policyOutput);   // throws on a malformed vector
 * }</pre>
 *
 * @param function the function to call
 * @param x        first point's x in [0, 1]
 * @param y        first point's y in [0, 1]
 * @param x2       second point's x in [0, 1] (select_rect only)
 * @param y2       second point's y in [0, 1] (select_rect only)
 */
public record MinigameAction(MinigameFunction function, float x, float y, float x2, float y2) {

    /** Number of function scores at the start of the vector. */
    public static final int FUNCTION_COUNT = MinigameFunction.values().length;
    /** Length of an action vector: the scores and every function's coordinates. */
    public static final int WIDTH = FUNCTION_COUNT + 10;
    /** The value of coordinates nobody intends anything with. */
    private static final float UNUSED = 0.5f;

    private static final String[] COORDINATE_NAMES = {"x", "y", "x2", "y2"};

    /** @throws IllegalArgumentException when the function is missing or a coordinate is outside [0, 1] */
    public MinigameAction {
        if (function == null) {
            throw new IllegalArgumentException("minigame action: expected a function, found null");
        }
        float[] coordinates = {x, y, x2, y2};
        for (int i = 0; i < coordinates.length; i++) {
            checkCoordinate(coordinates[i], "minigame action " + COORDINATE_NAMES[i]);
        }
    }

    /** Does nothing. */
    public static MinigameAction noOp() {
        return new MinigameAction(MinigameFunction.NO_OP, 0, 0, 0, 0);
    }

    /** Selects every own unit. */
    public static MinigameAction selectArmy() {
        return new MinigameAction(MinigameFunction.SELECT_ARMY, 0, 0, 0, 0);
    }

    /** Clicks at screen point (x, y). */
    public static MinigameAction selectPoint(float x, float y) {
        return new MinigameAction(MinigameFunction.SELECT_POINT, x, y, 0, 0);
    }

    /** Drags a selection rectangle between (x, y) and (x2, y2), corners in any order. */
    public static MinigameAction selectRect(float x, float y, float x2, float y2) {
        return new MinigameAction(MinigameFunction.SELECT_RECT, x, y, x2, y2);
    }

    /** Moves the selected units to (x, y). */
    public static MinigameAction move(float x, float y) {
        return new MinigameAction(MinigameFunction.MOVE_SCREEN, x, y, 0, 0);
    }

    /** Attacks the enemy at (x, y), or attack-moves there when no enemy is within 1.5 cells. */
    public static MinigameAction attack(float x, float y) {
        return new MinigameAction(MinigameFunction.ATTACK_SCREEN, x, y, 0, 0);
    }

    /** The action vector: score 1 for this function and -1 for the others, its coordinates, 0.5 in the other slots. */
    public float[] toVector() {
        float[] v = new float[WIDTH];
        java.util.Arrays.fill(v, FUNCTION_COUNT, WIDTH, UNUSED);
        return fill(v);
    }

    /**
     * The action vector of a scripted expert that knows where every function would point: the other
     * functions' slots hold those intents instead of a neutral value, which shows a learner where each
     * function points in every state, not only in the states where the expert used it.
     *
     * @param intents where each function would point in this state
     */
    public float[] toVector(MinigameTargets intents) {
        float[] v = new float[WIDTH];
        intents.write(v);
        return fill(v);
    }

    private float[] fill(float[] v) {
        for (int f = 0; f < FUNCTION_COUNT; f++) {
            v[f] = f == function.ordinal() ? 1 : -1;
        }
        int offset = function.argumentOffset();
        if (offset >= 0) {
            v[offset] = x;
            v[offset + 1] = y;
            if (function.arguments() == MinigameFunction.Arguments.RECTANGLE) {
                v[offset + 2] = x2;
                v[offset + 3] = y2;
            }
        }
        return v;
    }

    /**
     * Reads an action vector: the function is the one with the largest score (the first of equal ones),
     * its arguments come from its own slots.
     *
     * @throws IllegalArgumentException naming the component, what was found and what was expected, when
     *     the vector is null, has the wrong length, holds NaN or infinity, or a value outside its range
     */
    public static MinigameAction fromVector(float[] vector) {
        if (vector == null || vector.length != WIDTH) {
            throw new IllegalArgumentException("minigame action: expected " + WIDTH + " values (" + FUNCTION_COUNT
                    + " function scores, then each function's coordinates), found "
                    + (vector == null ? "null" : String.valueOf(vector.length)));
        }
        MinigameFunction[] functions = MinigameFunction.values();
        int best = 0;
        for (int f = 0; f < FUNCTION_COUNT; f++) {
            float score = vector[f];
            String what = "minigame action " + functions[f].pysc2Name() + " score (index " + f + ")";
            if (!Float.isFinite(score)) {
                throw new IllegalArgumentException(what + ": expected a number in [-1, 1], found " + score);
            }
            if (score < -1 || score > 1) {
                throw new IllegalArgumentException(what + ": expected a value in [-1, 1], found " + score);
            }
            if (score > vector[best]) {
                best = f;
            }
        }
        for (MinigameFunction function : functions) {
            int offset = function.argumentOffset();
            for (int i = 0; i < function.arguments().width(); i++) {
                checkCoordinate(vector[offset + i], "minigame action " + function.pysc2Name() + " "
                        + COORDINATE_NAMES[i] + " (index " + (offset + i) + ")");
            }
        }
        MinigameFunction chosen = functions[best];
        int offset = chosen.argumentOffset();
        return switch (chosen.arguments()) {
            case NONE -> new MinigameAction(chosen, 0, 0, 0, 0);
            case POINT -> new MinigameAction(chosen, vector[offset], vector[offset + 1], 0, 0);
            case RECTANGLE -> new MinigameAction(chosen, vector[offset], vector[offset + 1], vector[offset + 2],
                    vector[offset + 3]);
        };
    }

    /** pysc2-style text in screen cells, e.g. {@code Move_screen(now, [12, 30])}; unread coordinates are left out. */
    public String describe() {
        return switch (function.arguments()) {
            case NONE -> function.pysc2Name() + "()";
            case POINT -> String.format(Locale.ROOT, "%s(%s[%d, %d])", function.pysc2Name(),
                    function == MinigameFunction.SELECT_POINT ? "select, " : "now, ", cell(x), cell(y));
            case RECTANGLE -> String.format(Locale.ROOT, "%s(select, [%d, %d], [%d, %d])", function.pysc2Name(),
                    cell(x), cell(y), cell(x2), cell(y2));
        };
    }

    private static int cell(float coordinate) {
        return Math.min(FeatureLayers.SCREEN_SIZE - 1, (int) (coordinate * FeatureLayers.SCREEN_SIZE));
    }

    private static void checkCoordinate(float value, String what) {
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException(what + ": expected a number in [0, 1], found " + value);
        }
        if (value < 0 || value > 1) {
            throw new IllegalArgumentException(what + ": expected a value in [0, 1], found " + value);
        }
    }
}
