package dev.apprentice.starcraft.minigame;

/**
 * The six pysc2 action functions the minigames need, in the order their scores appear in an action
 * vector, so that a policy's continuous output is read as pysc2's "function + arguments".
 */
public enum MinigameFunction {
    /** Do nothing this step. */
    NO_OP(0, "no_op", Arguments.NONE),
    /** Click at a screen point: select the own unit nearest to it (within 1.5 cells), or nothing. */
    SELECT_POINT(2, "select_point", Arguments.POINT),
    /** Drag a rectangle from (x, y) to (x2, y2): select the own units inside it. */
    SELECT_RECT(3, "select_rect", Arguments.RECTANGLE),
    /** Select every own unit. */
    SELECT_ARMY(7, "select_army", Arguments.NONE),
    /** Order the selected units to move to a screen point, ignoring enemies. */
    MOVE_SCREEN(331, "Move_screen", Arguments.POINT),
    /** Order the selected units to attack the enemy at a screen point, or to attack-move there. */
    ATTACK_SCREEN(12, "Attack_screen", Arguments.POINT);

    /** Which screen coordinates of an action a function reads. */
    public enum Arguments {
        /** None. */
        NONE(0),
        /** (x, y). */
        POINT(2),
        /** (x, y) and (x2, y2). */
        RECTANGLE(4);

        private final int width;

        Arguments(int width) {
            this.width = width;
        }

        /** The number of coordinates. */
        public int width() {
            return width;
        }
    }

    private final int pysc2Id;
    private final String pysc2Name;
    private final Arguments arguments;

    MinigameFunction(int pysc2Id, String pysc2Name, Arguments arguments) {
        this.pysc2Id = pysc2Id;
        this.pysc2Name = pysc2Name;
        this.arguments = arguments;
    }

    /** The function's id in pysc2's {@code actions.FUNCTIONS}. */
    public int pysc2Id() {
        return pysc2Id;
    }

    /** The function's name in pysc2, e.g. {@code Move_screen}. */
    public String pysc2Name() {
        return pysc2Name;
    }

    /** The screen coordinates this function reads. */
    public Arguments arguments() {
        return arguments;
    }

    /**
     * Where this function's own coordinates start in an action vector (each function that takes arguments
     * has its own slots, as pysc2 agents have a head per argument), or -1 for a function without arguments.
     */
    public int argumentOffset() {
        int offset = values().length;
        for (MinigameFunction function : values()) {
            if (function == this) {
                return arguments == Arguments.NONE ? -1 : offset;
            }
            offset += function.arguments.width();
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * The function pysc2 calls {@code name}, e.g. {@code Move_screen}.
     *
     * @throws IllegalArgumentException listing the six names when {@code name} is none of them
     */
    public static MinigameFunction byPysc2Name(String name) {
        for (MinigameFunction f : values()) {
            if (f.pysc2Name.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("function: expected one of "
                + java.util.Arrays.stream(values()).map(MinigameFunction::pysc2Name).toList() + ", found '" + name + "'");
    }
}
