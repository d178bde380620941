package dev.apprentice.starcraft.minigame;

/**
 * Where each function would point in a state, read off the feature layers: the own unit to click (an idle
 * unselected one first, else an idle one of several selected), the rectangle around the own units, the minigame's move target (the beacon's
 * centre, or the nearest mineral shard the other marine is not closest to) and the attack target (the enemy
 * lowest on the screen, pysc2's DefeatRoaches rule). The scripted experts act on these, and the policies'
 * features include them, so learner and expert look at the same quantities.
 *
 * @param selectX  select_point x
 * @param selectY  select_point y
 * @param rectX    select_rect x
 * @param rectY    select_rect y
 * @param rectX2   select_rect x2
 * @param rectY2   select_rect y2
 * @param moveX    Move_screen x
 * @param moveY    Move_screen y
 * @param attackX  Attack_screen x
 * @param attackY  Attack_screen y
 */
public record MinigameTargets(float selectX, float selectY, float rectX, float rectY, float rectX2, float rectY2,
        float moveX, float moveY, float attackX, float attackY) {
    private static final int SIZE = FeatureLayers.SCREEN_SIZE;

    /**
     * @param observation a minigame observation
     * @return where each function would point (the screen's centre where nothing applies)
     */
    public static MinigameTargets of(float[] observation) {
        Minigame minigame = FeatureLayers.minigame(observation);
        ScreenCells own = ScreenCells.of(observation, PlayerRelative.SELF);
        ScreenCells neutral = ScreenCells.of(observation, PlayerRelative.NEUTRAL);
        ScreenCells enemy = ScreenCells.of(observation, PlayerRelative.ENEMY);
        int selectedOffset = FeatureLayers.Layer.SCREEN_SELECTED.offset();
        int ordersOffset = FeatureLayers.Layer.SCREEN_ORDERS.offset();
        int unselectedIdle = -1;
        int unselected = -1;
        int selectedIdle = -1;
        double sx = 0;
        double sy = 0;
        int selected = 0;
        int minX = SIZE;
        int minY = SIZE;
        int maxX = -1;
        int maxY = -1;
        for (int i = 0; i < own.size(); i++) {
            int cell = own.cell(i);
            int x = ScreenCells.x(cell);
            int y = ScreenCells.y(cell);
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
            if (observation[selectedOffset + cell] > 0) {
                sx += x + 0.5;
                sy += y + 0.5;
                selected++;
                if (observation[ordersOffset + cell] == 0 && selectedIdle < 0) {
                    selectedIdle = cell;
                }
            } else {
                unselected = unselected < 0 ? cell : unselected;
                if (observation[ordersOffset + cell] == 0 && unselectedIdle < 0) {
                    unselectedIdle = cell;
                }
            }
        }
        float centre = 0.5f;
        // An idle unit not yet selected first; with several selected, an idle one among them (to single it out).
        int click = unselectedIdle >= 0 ? unselectedIdle
                : selected > 1 && selectedIdle >= 0 ? selectedIdle : unselected;
        float selectX = click >= 0 ? FeatureLayers.screenCentre(ScreenCells.x(click)) : centre;
        float selectY = click >= 0 ? FeatureLayers.screenCentre(ScreenCells.y(click)) : centre;
        float rectX = maxX >= 0 ? (float) minX / SIZE : centre;
        float rectY = maxY >= 0 ? (float) minY / SIZE : centre;
        float rectX2 = maxX >= 0 ? (float) (maxX + 1) / SIZE : centre;
        float rectY2 = maxY >= 0 ? (float) (maxY + 1) / SIZE : centre;
        float attackX = centre;
        float attackY = centre;
        if (!enemy.isEmpty()) {
            int lowest = enemy.cell(0);
            for (int i = 1; i < enemy.size(); i++) {
                if (ScreenCells.y(enemy.cell(i)) > ScreenCells.y(lowest)) {
                    lowest = enemy.cell(i);
                }
            }
            attackX = FeatureLayers.screenCentre(ScreenCells.x(lowest));
            attackY = FeatureLayers.screenCentre(ScreenCells.y(lowest));
        }
        float moveX = centre;
        float moveY = centre;
        switch (minigame) {
            case MOVE_TO_BEACON -> {
                if (!neutral.isEmpty()) {
                    moveX = neutral.centroidX();
                    moveY = neutral.centroidY();
                }
            }
            case COLLECT_MINERAL_SHARDS -> {
                double fromX = selected > 0 ? sx / selected : own.isEmpty() ? SIZE / 2.0 : own.centroidX() * SIZE;
                double fromY = selected > 0 ? sy / selected : own.isEmpty() ? SIZE / 2.0 : own.centroidY() * SIZE;
                int shard = nearestFreeNeutral(neutral, fromX, fromY, unselected);
                if (shard >= 0) {
                    moveX = FeatureLayers.screenCentre(ScreenCells.x(shard));
                    moveY = FeatureLayers.screenCentre(ScreenCells.y(shard));
                }
            }
            case DEFEAT_ROACHES -> {
                moveX = attackX;
                moveY = attackY;
            }
        }
        return new MinigameTargets(selectX, selectY, rectX, rectY, rectX2, rectY2, moveX, moveY, attackX, attackY);
    }

    /** Writes every function's coordinates into their slots of an action vector. */
    void write(float[] vector) {
        int point = MinigameFunction.SELECT_POINT.argumentOffset();
        int rect = MinigameFunction.SELECT_RECT.argumentOffset();
        int move = MinigameFunction.MOVE_SCREEN.argumentOffset();
        int attack = MinigameFunction.ATTACK_SCREEN.argumentOffset();
        vector[point] = selectX;
        vector[point + 1] = selectY;
        vector[rect] = rectX;
        vector[rect + 1] = rectY;
        vector[rect + 2] = rectX2;
        vector[rect + 3] = rectY2;
        vector[move] = moveX;
        vector[move + 1] = moveY;
        vector[attack] = attackX;
        vector[attack + 1] = attackY;
    }

    /**
     * The neutral cell nearest to (x, y) in cell units, leaving the one nearest to the other (unselected)
     * own unit to it when there is a choice, so two marines do not chase the same shard.
     */
    static int nearestFreeNeutral(ScreenCells neutral, double x, double y, int otherUnit) {
        if (neutral.isEmpty()) {
            return -1;
        }
        int taken = -1;
        if (otherUnit >= 0 && neutral.size() > 1) {
            taken = nearest(neutral, ScreenCells.x(otherUnit) + 0.5, ScreenCells.y(otherUnit) + 0.5, -1);
        }
        return nearest(neutral, x, y, taken);
    }

    private static int nearest(ScreenCells cells, double x, double y, int excluded) {
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < cells.size(); i++) {
            int cell = cells.cell(i);
            if (cell == excluded) {
                continue;
            }
            double dx = ScreenCells.x(cell) + 0.5 - x;
            double dy = ScreenCells.y(cell) + 0.5 - y;
            double distance = dx * dx + dy * dy;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = cell;
            }
        }
        return best;
    }
}
