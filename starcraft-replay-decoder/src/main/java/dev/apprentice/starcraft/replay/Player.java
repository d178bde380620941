package dev.apprentice.starcraft.replay;

/**
 * One entry of the replay's player list (the details file).
 *
 * @param name    the name as stored (clan tags included, markup such as {@code <sp/>} kept)
 * @param race    the race as stored: {@code Terran}, {@code Zerg}, {@code Protoss} (localised in some replays)
 * @param result  1 win, 2 loss, 3 tie, 0 unknown
 * @param teamId  the team
 * @param control the game's control code: 2 a human, 3 the computer (old replays also show 1)
 * @param observe 0 participant, 1 spectator, 2 referee
 */
public record Player(String name, String race, int result, int teamId, int control, int observe) {
}
