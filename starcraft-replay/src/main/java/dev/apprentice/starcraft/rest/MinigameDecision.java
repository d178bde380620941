package dev.apprentice.starcraft.rest;

/**
 * A minigame policy's action as pysc2 calls it: the function and its screen arguments.
 *
 * @param function      the pysc2 function name, e.g. {@code Move_screen}
 * @param functionId    pysc2's function id, e.g. 331
 * @param screen        the screen cell {@code [x, y]} (0–31) for functions with a point, else absent
 * @param screen2       the drag's second corner for {@code select_rect}, else absent
 * @param call          the call as pysc2 would print it, e.g. {@code Move_screen(now, [12, 30])}
 * @param model         the model that decided
 * @param policyVersion its registry version
 */
public record MinigameDecision(String function, int functionId, int[] screen, int[] screen2, String call, String model,
        int policyVersion) {
}
