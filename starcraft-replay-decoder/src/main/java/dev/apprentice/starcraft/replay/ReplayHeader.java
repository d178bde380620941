package dev.apprentice.starcraft.replay;

/**
 * What the replay's header says: the game version that wrote it, the base build whose protocol its events
 * use, and its length.
 *
 * @param version          the game version, for example {@code 4.10.1.75800}
 * @param baseBuild        the base build: selects the protocol table
 * @param elapsedGameLoops the game's length in game loops
 */
public record ReplayHeader(String version, int baseBuild, long elapsedGameLoops) {
}
