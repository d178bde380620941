package dev.apprentice.starcraft.demonstration;

/**
 * One demonstration from a replay: the state a player was in and what they produced next, with where they
 * next commanded on the minimap.
 *
 * @param gameLoop    when the production started
 * @param state       the state before it ({@link ProductionFeatures})
 * @param production  the production's index in {@link ProductionCatalog}
 * @param commandCell the minimap cell (y × GRID + x) of the player's next targeted command from this moment,
 *                    or -1 when the replay has none (computer players send no commands)
 */
public record ProductionStep(long gameLoop, float[] state, int production, int commandCell) {
}
