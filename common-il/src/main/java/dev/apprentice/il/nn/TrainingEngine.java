package dev.apprentice.il.nn;

/**
 * Which code trains a network. Both engines run the same losses, Adam, weight decay and gradient
 * clipping on the same parameter layout from the same initial weights, and a parity test keeps
 * their gradients and updates equal within float rounding; they differ only in speed.
 */
public enum TrainingEngine {
    /** {@link #PLAIN_JAVA} for networks up to {@link #AUTO_MAX_WIDTH} units wide, {@link #DL4J} above. */
    AUTO,
    /**
     * Forward, backward and Adam in plain Java on float arrays: no per-op dispatch, no native
     * allocation, no garbage per step. Several times faster than DL4J for the small dense
     * networks imitation policies and discriminators use.
     */
    PLAIN_JAVA,
    /** DL4J's {@code MultiLayerNetwork.fit} on ND4J (OpenBLAS): pays off for wide layers, where matrix products dominate. */
    DL4J;

    /**
     * The widest layer {@link #AUTO} still trains in plain Java. Measured at batch 256 on one
     * thread: plain Java 2.3× DL4J's speed at width 256 and 1.4× at 512, DL4J 1.2× plain Java's
     * at 1024 (README, Performance).
     */
    public static final int AUTO_MAX_WIDTH = 512;

    /** The engine that trains a network with these layer widths (inputs, hidden..., outputs). */
    public TrainingEngine resolve(int... widths) {
        if (this != AUTO) {
            return this;
        }
        int widest = 0;
        for (int w : widths) {
            widest = Math.max(widest, w);
        }
        return widest <= AUTO_MAX_WIDTH ? PLAIN_JAVA : DL4J;
    }

    /** Parses a case-insensitive name, with a message listing the valid ones. */
    public static TrainingEngine parse(String name) {
        for (TrainingEngine e : values()) {
            if (e.name().equalsIgnoreCase(name) || e.name().replace('_', '-').equalsIgnoreCase(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("engine: expected one of auto, plain-java, dl4j, found '" + name + "'");
    }
}
