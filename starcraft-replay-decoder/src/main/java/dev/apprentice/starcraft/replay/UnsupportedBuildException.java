package dev.apprentice.starcraft.replay;

import java.util.List;

/**
 * A replay of a base build that has no protocol table (game 3.0 to 3.11 has none published): refused by
 * name, with the nearest builds that are supported, so the user knows which table file would be needed.
 */
public final class UnsupportedBuildException extends ReplayException {
    private static final long serialVersionUID = 1L;

    private final int baseBuild;
    private final List<Integer> nearest;

    UnsupportedBuildException(int baseBuild, List<Integer> nearest) {
        super("base build " + baseBuild + " has no protocol table; nearest supported base builds: "
                + (nearest.isEmpty() ? "none" : nearest.stream().map(String::valueOf)
                        .reduce((a, b) -> a + " and " + b).orElseThrow()));
        this.baseBuild = baseBuild;
        this.nearest = List.copyOf(nearest);
    }

    /** @return the replay's base build */
    public int baseBuild() {
        return baseBuild;
    }

    /** @return the supported builds just below and just above it */
    public List<Integer> nearest() {
        return nearest;
    }
}
