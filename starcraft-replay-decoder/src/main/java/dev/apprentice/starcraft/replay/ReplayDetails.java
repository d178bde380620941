package dev.apprentice.starcraft.replay;

import java.time.Instant;
import java.util.List;

/**
 * The replay's details file: the map, the players and when the game was played.
 *
 * @param mapTitle the map's title as stored
 * @param players  the player list, in slot order
 * @param playedAt when the game started (the details' {@code m_timeUTC}), or null when the replay does not say
 *                 or names a time before 2010 (StarCraft II's release) or a Windows file time out of range
 */
public record ReplayDetails(String mapTitle, List<Player> players, Instant playedAt) {

    /** Keeps an unmodifiable copy. */
    public ReplayDetails {
        players = List.copyOf(players);
    }
}
