package dev.apprentice.starcraft.minigame;

import java.util.List;

/**
 * What the live page draws of a minigame at one moment: the arena's units and the last action with its
 * screen points, so that a click, a drag rectangle or a move order can be shown where it happened.
 *
 * @param minigame    the pysc2 map name, e.g. {@code MoveToBeacon}
 * @param arenaSize   the arena's side in game units (screen coordinates are fractions of it)
 * @param seconds     game time elapsed
 * @param score       the episode's score so far
 * @param units       every unit on the arena
 * @param lastAction  the last action taken, or null before the first
 */
public record MinigameScene(String minigame, int arenaSize, double seconds, double score, List<Unit> units,
        Action lastAction) {

    public MinigameScene {
        units = List.copyOf(units);
    }

    /**
     * One unit.
     *
     * @param type           {@code marine}, {@code roach}, {@code beacon} or {@code mineral-shard}
     * @param owner          {@code self}, {@code enemy} or {@code neutral}
     * @param x              x in game units, 0 at the left
     * @param y              y in game units, 0 at the top
     * @param radius         footprint radius in game units
     * @param hitPointsRatio hit points over maximum, 1 for units that cannot be hurt
     * @param selected       whether the agent has it selected
     */
    public record Unit(String type, String owner, double x, double y, double radius, double hitPointsRatio,
            boolean selected) {
    }

    /**
     * An action as pysc2 names it, with its points in game units.
     *
     * @param function the pysc2 function name, e.g. {@code select_rect}
     * @param points   the screen points it used ({@code [x, y]} pairs): none, one, or two for a drag
     */
    public record Action(String function, List<double[]> points) {

        public Action {
            points = List.copyOf(points);
        }
    }
}
