package dev.apprentice.starcraft.minigame;

import dev.apprentice.il.policy.Actor;
import java.util.random.RandomGenerator;

/**
 * pysc2's scripted DefeatRoaches agent, reading only the observation: while any own unit is unselected
 * it selects the army, otherwise it attacks the enemy cell with the largest y (the lowest on the screen;
 * the leftmost of those, as numpy's argmax over pysc2's row-major cells picks), so that the marines
 * focus their fire on one roach. Stateless.
 *
 * <p>On our simulator it scores 38.0 ± 11.1 per episode (seeds 9000–9009; 42.4 ± 21.9 over seeds 0–49,
 * from 11 to 106: the outcome hangs on where the two lines start), checked by {@code MinigameExpertTest}
 * to average 25–65. Focus fire without retreat kills 5.6 roaches on average (seeds 0–49) before the last
 * marine falls, after about 28 s of game time: nine unupgraded marines and four roaches are close to even.
 * The SC2LE paper's human scored 41 on the real game, its FullyConv agent 100.
 */
public final class DefeatRoachesExpert implements Actor {

    @Override
    public float[] act(float[] observation, RandomGenerator rng) {
        MinigameTargets targets = MinigameTargets.of(observation);
        int selectedOffset = FeatureLayers.Layer.SCREEN_SELECTED.offset();
        ScreenCells army = ScreenCells.of(observation, PlayerRelative.SELF);
        for (int i = 0; i < army.size(); i++) {
            if (observation[selectedOffset + army.cell(i)] == 0) {
                return MinigameAction.selectArmy().toVector(targets);
            }
        }
        if (army.isEmpty() || ScreenCells.of(observation, PlayerRelative.ENEMY).isEmpty()) {
            return MinigameAction.noOp().toVector(targets);
        }
        return MinigameAction.attack(targets.attackX(), targets.attackY()).toVector(targets);
    }
}
