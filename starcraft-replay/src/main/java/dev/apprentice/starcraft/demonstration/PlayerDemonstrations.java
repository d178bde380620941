package dev.apprentice.starcraft.demonstration;

import java.util.List;

/**
 * One player's demonstrations from one replay: an episode, so splits by replay keep a game's productions
 * together.
 *
 * @param replay     the replay's identifier (its SHA-256, or a file name)
 * @param playerId   the player's id in the replay's tracker events
 * @param playerName the name as stored
 * @param race       the race the player's starting units show
 * @param human      whether a person played (computer players' productions are scripted)
 * @param steps      the productions in order
 * @param finalState the state at the game's end (an episode has one more state than decisions)
 */
public record PlayerDemonstrations(String replay, int playerId, String playerName, Race race, boolean human,
        List<ProductionStep> steps, float[] finalState) {

    /** Keeps an unmodifiable copy of the steps. */
    public PlayerDemonstrations {
        steps = List.copyOf(steps);
    }
}
