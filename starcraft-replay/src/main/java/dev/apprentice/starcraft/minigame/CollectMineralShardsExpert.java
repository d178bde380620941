package dev.apprentice.starcraft.minigame;

import dev.apprentice.il.policy.Actor;
import java.util.random.RandomGenerator;

/**
 * pysc2's scripted CollectMineralShards agent in its two-marine form (after {@code
 * CollectMineralShardsFeatureUnits}), reading only the screen layers: each marine is sent to the shard
 * nearest to it that the other marine is not chasing, by clicking it ({@code select_point}) and then
 * moving it; a marine gets a new shard only when its own is gone, so the two alternate.
 *
 * <p>It remembers, per episode, where each marine was (to tell them apart from one step to the next),
 * which shard cell each is chasing and which one it clicked; {@link #forEpisode()} hands out that memory,
 * and the shared instance refuses {@link #act}. On our simulator it scores 98.3 ± 4.7 per episode (seeds
 * 9000–9009; 98.2 ± 6.4 over seeds 0–49), checked by {@code MinigameExpertTest} to average 80–140; the
 * SC2LE paper's human scored 133 on the real game, its FullyConv agent 103.
 */
public final class CollectMineralShardsExpert implements Actor {

    /** Refused: this expert remembers its episode; use {@link #forEpisode()}. */
    @Override
    public float[] act(float[] observation, RandomGenerator rng) {
        throw new IllegalStateException("CollectMineralShardsExpert remembers its episode: call forEpisode() once per "
                + "episode and act with the actor it returns");
    }

    /** A fresh expert with an empty memory, for one episode on one thread. */
    @Override
    public Actor forEpisode() {
        return new Episode();
    }

    /** The expert's memory for one episode. */
    private static final class Episode implements Actor {

        private static final int SIZE = FeatureLayers.SCREEN_SIZE;
        private static final int NONE = -1;
        /** Observations in a row a marine may stay in one cell before its chase is assumed lost. */
        private static final int STUCK_STEPS = 2;

        /** Cell of each marine (y * 32 + x), NONE before the first observation. */
        private final int[] position = {NONE, NONE};
        /** Shard cell each marine is chasing, NONE when it needs one. */
        private final int[] target = {NONE, NONE};
        private final int[] stillSteps = new int[2];
        private int clicked = NONE;
        private int lastCommanded = 1;

        @Override
        public float[] act(float[] observation, RandomGenerator rng) {
            ScreenCells marines = ScreenCells.of(observation, PlayerRelative.SELF);
            ScreenCells shards = ScreenCells.of(observation, PlayerRelative.NEUTRAL);
            if (marines.isEmpty() || shards.isEmpty()) {
                return MinigameAction.noOp().toVector();
            }
            track(marines);
            for (int m = 0; m < 2; m++) {
                boolean lost = stillSteps[m] >= STUCK_STEPS && position[m] != target[m];
                if (target[m] != NONE && (!shards.contains(target[m]) || lost)) {
                    target[m] = NONE;
                }
            }
            int selected = FeatureLayers.selectedCount(observation) == 1 ? selectedMarine(observation) : NONE;
            if (selected != NONE && target[selected] == NONE) {
                target[selected] = nearestFreeShard(selected, shards);
                lastCommanded = selected;
                return MinigameAction.move(centre(ScreenCells.x(target[selected])),
                        centre(ScreenCells.y(target[selected]))).toVector();
            }
            for (int k = 1; k <= 2; k++) {
                int m = (lastCommanded + k) % 2;
                if (m != selected && target[m] == NONE) {
                    clicked = m;
                    return MinigameAction.selectPoint(centre(ScreenCells.x(position[m])),
                            centre(ScreenCells.y(position[m]))).toVector();
                }
            }
            return MinigameAction.noOp().toVector();
        }

        /** Matches this step's marine cells to the remembered marines by the smaller total displacement. */
        private void track(ScreenCells marines) {
            int[] now = marines.size() >= 2
                    ? new int[] {marines.cell(0), marines.cell(1)}
                    : new int[] {marines.cell(0), marines.cell(0)};
            if (position[0] != NONE && squaredDistance(position[0], now[1]) + squaredDistance(position[1], now[0])
                    < squaredDistance(position[0], now[0]) + squaredDistance(position[1], now[1])) {
                now = new int[] {now[1], now[0]};
            }
            for (int m = 0; m < 2; m++) {
                stillSteps[m] = now[m] == position[m] ? stillSteps[m] + 1 : 0;
                position[m] = now[m];
            }
        }

        /** The marine whose cell is selected; when both share the cell, the one clicked last. */
        private int selectedMarine(float[] observation) {
            int offset = FeatureLayers.Layer.SCREEN_SELECTED.offset();
            boolean first = observation[offset + position[0]] > 0;
            boolean second = observation[offset + position[1]] > 0;
            if (position[0] == position[1]) {
                return first ? (clicked == NONE ? 0 : clicked) : NONE;
            }
            return first ? 0 : second ? 1 : NONE;
        }

        /** The shard cell nearest to marine {@code m} that the other marine is not chasing (any, if none is free). */
        private int nearestFreeShard(int m, ScreenCells shards) {
            int taken = target[1 - m];
            int best = NONE;
            int bestFree = NONE;
            for (int i = 0; i < shards.size(); i++) {
                int cell = shards.cell(i);
                if (best == NONE || squaredDistance(position[m], cell) < squaredDistance(position[m], best)) {
                    best = cell;
                }
                if (cell != taken && (bestFree == NONE
                        || squaredDistance(position[m], cell) < squaredDistance(position[m], bestFree))) {
                    bestFree = cell;
                }
            }
            return bestFree != NONE ? bestFree : best;
        }

        private static int squaredDistance(int a, int b) {
            int dx = ScreenCells.x(a) - ScreenCells.x(b);
            int dy = ScreenCells.y(a) - ScreenCells.y(b);
            return dx * dx + dy * dy;
        }

        private static float centre(int cell) {
            return FeatureLayers.screenCentre(cell);
        }
    }
}
