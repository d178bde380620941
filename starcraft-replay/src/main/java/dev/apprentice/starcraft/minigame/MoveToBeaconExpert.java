package dev.apprentice.starcraft.minigame;

import dev.apprentice.il.policy.Actor;
import java.util.random.RandomGenerator;

/**
 * pysc2's scripted MoveToBeacon agent, reading only the observation as a learned policy would: with
 * nothing selected it selects the army, otherwise it moves to the centroid of the neutral (beacon)
 * cells of the screen's player_relative layer. Stateless.
 *
 * <p>On our simulator it scores 24.8 ± 2.8 per 120 s episode (mean ± sd, seeds 9000–9009; 24.7 ± 2.3
 * over seeds 0–49), checked by {@code MinigameExpertTest} to average 20–30: the magnitude of the SC2LE
 * paper's human (26) and FullyConv agent (26) on the real game.
 */
public final class MoveToBeaconExpert implements Actor {

    @Override
    public float[] act(float[] observation, RandomGenerator rng) {
        MinigameTargets targets = MinigameTargets.of(observation);
        if (FeatureLayers.selectedCount(observation) == 0) {
            return MinigameAction.selectArmy().toVector(targets);
        }
        if (ScreenCells.of(observation, PlayerRelative.NEUTRAL).isEmpty()) {
            return MinigameAction.noOp().toVector(targets);
        }
        return MinigameAction.move(targets.moveX(), targets.moveY()).toVector(targets);
    }
}
