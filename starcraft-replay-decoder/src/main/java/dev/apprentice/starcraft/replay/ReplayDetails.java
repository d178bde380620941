package dev.apprentice.starcraft.replay;

import java.util.List;

/**
 * The replay's details file: the map and the players.
 *
 * @param mapTitle the map's title as stored
 * @param players  the player list, in slot order
 */
public record ReplayDetails(String mapTitle, List<Player> players) {

    /** Keeps an unmodifiable copy. */
    public ReplayDetails {
        players = List.copyOf(players);
    }
}
