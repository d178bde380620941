package dev.apprentice.starcraft.demonstration;

import java.util.List;

/**
 * The state before a production decision in game units, as a replay's tracker events give it and as a
 * client of the prediction endpoint describes it; {@link #features()} is the one place that scales it
 * into {@link ProductionFeatures}' layout, so replays and requests are encoded alike.
 *
 * @param race        the player's race
 * @param opponents   the races of the players on other teams (empty when unknown)
 * @param gameLoop    the game loop (22.4 per second)
 * @param minerals    minerals in the bank
 * @param vespene     vespene in the bank
 * @param mineralRate minerals collected per game minute
 * @param vespeneRate vespene collected per game minute
 * @param workers     active workers
 * @param supplyUsed  supply used
 * @param supplyMade  supply provided
 * @param produced    units and structures produced so far, by catalogue index
 * @param last        the catalogue index of the last production, or -1
 * @param previous    the catalogue index of the one before it, or -1
 * @param ownGrid     own units per coarse minimap cell (row-major, {@link ProductionFeatures#GRID}²), or null
 * @param enemyGrid   enemy units per coarse minimap cell, or null
 */
public record ProductionState(Race race, List<Race> opponents, long gameLoop, double minerals, double vespene,
        double mineralRate, double vespeneRate, double workers, double supplyUsed, double supplyMade, int[] produced,
        int last, int previous, int[] ownGrid, int[] enemyGrid) {

    /** The state as {@link ProductionFeatures} lays it out, every value in [0, 1]. */
    public float[] features() {
        float[] state = new float[ProductionFeatures.WIDTH];
        state[ProductionFeatures.OWN_RACE + race.ordinal()] = 1f;
        for (Race other : opponents) {
            state[ProductionFeatures.OPPONENT_RACES + other.ordinal()] += 1f / opponents.size();
        }
        state[ProductionFeatures.MINUTES] = ProductionFeatures.clamped(
                gameLoop / ProductionFeatures.LOOPS_PER_SECOND / 60.0 / 30.0);
        double[] economy = {minerals / 2000.0, vespene / 2000.0, mineralRate / 3000.0, vespeneRate / 1500.0,
            workers / 100.0, supplyUsed / 200.0, supplyMade / 200.0};
        for (int i = 0; i < economy.length; i++) {
            state[ProductionFeatures.ECONOMY + i] = ProductionFeatures.clamped(economy[i]);
        }
        for (int i = 0; i < produced.length; i++) {
            state[ProductionFeatures.PRODUCED + i] = ProductionFeatures.logScaled(produced[i], 100);
        }
        if (last >= 0) {
            state[ProductionFeatures.LAST_PRODUCTION + last] = 1f;
        }
        if (previous >= 0) {
            state[ProductionFeatures.PREVIOUS_PRODUCTION + previous] = 1f;
        }
        for (int c = 0; ownGrid != null && c < ownGrid.length; c++) {
            state[ProductionFeatures.OWN_GRID + c] = ProductionFeatures.logScaled(ownGrid[c], 50);
        }
        for (int c = 0; enemyGrid != null && c < enemyGrid.length; c++) {
            state[ProductionFeatures.ENEMY_GRID + c] = ProductionFeatures.logScaled(enemyGrid[c], 50);
        }
        return state;
    }
}
