package dev.apprentice.starcraft.demonstration;

import dev.apprentice.il.spaces.Box;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The state a next-production decision is taken in, as the replay holds it: races, game time, economy and
 * supply from the latest player statistics, what the player has produced so far and the last two
 * productions, and a coarse minimap of own and enemy units from tracker positions. Every value is scaled
 * into [0, 1].
 */
public final class ProductionFeatures {
    /** Cells per side of the coarse minimap (the map is divided into GRID × GRID cells). */
    public static final int GRID = 8;
    /** Game loops per real second at the Faster speed (16 per game second × 1.4). */
    public static final double LOOPS_PER_SECOND = 22.4;

    static final int OWN_RACE = 0;
    static final int OPPONENT_RACES = OWN_RACE + 3;
    static final int MINUTES = OPPONENT_RACES + 3;
    static final int ECONOMY = MINUTES + 1;
    static final int ECONOMY_WIDTH = 7;
    static final int PRODUCED = ECONOMY + ECONOMY_WIDTH;
    static final int LAST_PRODUCTION = PRODUCED + ProductionCatalog.size();
    static final int PREVIOUS_PRODUCTION = LAST_PRODUCTION + ProductionCatalog.size();
    static final int OWN_GRID = PREVIOUS_PRODUCTION + ProductionCatalog.size();
    static final int ENEMY_GRID = OWN_GRID + GRID * GRID;
    static final int WIDTH = ENEMY_GRID + GRID * GRID;

    private static final List<String> NAMES = names();

    private ProductionFeatures() {
    }

    /** @return the number of features */
    public static int width() {
        return WIDTH;
    }

    /**
     * @return the indices the next-production policy reads: races, time, economy, the last two productions
     *         (not the produced counts nor the minimap grid)
     */
    public static int[] policyFeatureIndices() {
        int[] indices = new int[PRODUCED + 2 * ProductionCatalog.size()];
        int n = 0;
        for (int i = 0; i < PRODUCED; i++) {
            indices[n++] = i;
        }
        for (int i = LAST_PRODUCTION; i < OWN_GRID; i++) {
            indices[n++] = i;
        }
        return indices;
    }

    /** @return the state space: every feature in [0, 1] */
    public static Box space() {
        return Box.uniform(WIDTH, 0f, 1f);
    }

    /** @return each feature's name, for model cards and reports */
    public static List<String> featureNames() {
        return NAMES;
    }

    /**
     * @param state a state of this layout
     * @return the player's race it names
     */
    public static Race race(float[] state) {
        for (Race race : Race.values()) {
            if (state[OWN_RACE + race.ordinal()] > 0.5f) {
                return race;
            }
        }
        throw new IllegalArgumentException("state: no race is set");
    }

    /** Scales a count so that 0 stays 0 and {@code saturation} reaches 1, compressing the large ones. */
    static float logScaled(double count, double saturation) {
        return (float) Math.min(1.0, Math.log1p(Math.max(0, count)) / Math.log1p(saturation));
    }

    static float clamped(double value) {
        return (float) Math.max(0.0, Math.min(1.0, value));
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>(WIDTH);
        for (Race race : Race.values()) {
            names.add("race." + race.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (Race race : Race.values()) {
            names.add("opponents." + race.name().toLowerCase(java.util.Locale.ROOT));
        }
        names.add("minutes/30");
        names.addAll(List.of("minerals/2000", "vespene/2000", "mineralRate/3000", "vespeneRate/1500",
                "workers/100", "supplyUsed/200", "supplyMade/200"));
        for (String name : ProductionCatalog.names()) {
            names.add("produced." + name);
        }
        for (String name : ProductionCatalog.names()) {
            names.add("last." + name);
        }
        for (String name : ProductionCatalog.names()) {
            names.add("previous." + name);
        }
        for (String side : List.of("own", "enemy")) {
            for (int y = 0; y < GRID; y++) {
                for (int x = 0; x < GRID; x++) {
                    names.add(side + ".cell" + x + "_" + y);
                }
            }
        }
        return Collections.unmodifiableList(names);
    }
}
