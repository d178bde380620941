package dev.apprentice.starcraft.minigame;

import dev.apprentice.il.env.Environment;
import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.starcraft.minigame.ArenaUnit.Order;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A deterministic simulator of one pysc2 minigame, so that imitation learners can roll policies out
 * and be evaluated without the StarCraft II binary; the rules follow pysc2's {@code mini_games.md}.
 *
 * <p><b>Arena and time.</b> The arena is {@value #ARENA_SIZE}×{@value #ARENA_SIZE} game units and the
 * camera shows all of it, so the screen is the arena. The game runs {@value #GAME_LOOPS_PER_SECOND}
 * loops per second (speed "faster") and the agent acts every {@value #GAME_LOOPS_PER_STEP} loops, pysc2's
 * default {@code step_mul}; 120 s is therefore {@value #EPISODE_STEPS} agent steps, after which the
 * episode is truncated. Units move at their real speeds (marine and roach 3.15 units/s, 1.125 units per
 * agent step), which makes the scripted experts score in the same range as the SC2LE paper's figures
 * (Vinyals et al. 2017, mean scores; DeepMind human player: MoveToBeacon 26, CollectMineralShards 133,
 * DefeatRoaches 41; FullyConv agent: 26, 103, 100). Those figures are context only: this is not the game.
 *
 * <p><b>Units.</b> Units do not collide. A unit without an order stays put. A moving unit walks straight to
 * its target. A marine ordered to attack a unit closes to weapon range (edge to edge) and fires until the
 * target dies, then idles; an attack-moving marine fires at the nearest enemy in range and otherwise
 * walks on; an idle marine fires at the nearest enemy in range. A roach fires at the nearest marine when
 * it is in range, otherwise walks towards it. Shots of one game loop land together, damage is the
 * weapon's minus the target's armour (at least 0.5), and the dead are removed at the end of the loop.
 *
 * <p><b>Minigames.</b> MoveToBeacon: one unselected marine anywhere, the beacon (radius 1) at least 4 units
 * from it; +1 when the marine touches it (centres closer than 1 + 0.375), and the beacon moves to a random
 * spot at least 5 units from the marine. CollectMineralShards: two unselected marines, 20 shards (radius
 * 0.5) at least 2 units from both marines and 1.5 units apart (our choice: every shard then fills its own
 * screen cell); +1 per shard a marine touches, and 20 new ones when all are gone. DefeatRoaches: nine
 * preselected marines in a column, 1 unit apart, on a random side and four roaches in a column, 1.5 units
 * apart, on the other (6 and 26 units from the left edge), each column centred at a random height between
 * 10 and 22 (pysc2 fixes only the sides; the heights keep the demonstrations of different seeds apart);
 * +10 per roach killed, -1 per marine lost. When the four roaches are dead, as in pysc2, 5 new marines at
 * full health join the survivors (who keep their damage) and everyone is put back in columns on opposite
 * sides with four new roaches (new random side and heights); we also clear the orders and select the
 * whole army, as at the start. Beyond 9 marines the column grows extra columns 0.75 units further out.
 * The episode terminates when every marine is dead.
 *
 * <p><b>Actions</b> are {@link MinigameAction} vectors; see {@link MinigameFunction} for what each
 * function does. Clicks find units within 1.5 units of the point; a click that finds no
 * own unit empties the selection, as a click on bare ground does. Move and attack with nothing selected do
 * nothing. <b>Observations</b> are laid out by {@link FeatureLayers}; a unit paints the screen cells
 * whose centres lie inside its footprint and always the cell holding its centre.
 *
 * <p>Randomness comes only from the seed given to {@link #reset(long)}. An instance is single-threaded
 * and is reused across episodes.
 */
public final class MinigameEnvironment implements Environment {

    /** Side of the square arena in game units; also the side of the screen in cells. */
    public static final int ARENA_SIZE = FeatureLayers.SCREEN_SIZE;
    /** Game loops per second at game speed "faster". */
    public static final double GAME_LOOPS_PER_SECOND = 22.4;
    /** Game loops per agent step: pysc2's default {@code step_mul}. */
    public static final int GAME_LOOPS_PER_STEP = 8;
    /** Game time of an episode. */
    public static final int EPISODE_SECONDS = 120;
    /** Agent steps in an episode: 120 s × 22.4 loops/s ÷ 8 loops per step. */
    public static final int EPISODE_STEPS = 336;

    static final double CLICK_RADIUS = 1.5;
    static final double BEACON_FIRST_DISTANCE = 4;
    static final double BEACON_RESPAWN_DISTANCE = 5;
    static final int SHARDS = 20;
    static final double SHARD_MARINE_DISTANCE = 2;
    static final double SHARD_SPACING = 1.5;
    static final int MARINES_AT_START = 9;
    static final int ROACHES_PER_WAVE = 4;
    static final int REINFORCEMENTS = 5;
    static final double NEAR_COLUMN_X = 6;
    static final double FAR_COLUMN_X = 26;
    /** Marines per column; a larger army stands in several columns, 0.75 units apart, away from the centre. */
    private static final int COLUMN_HEIGHT = 9;
    private static final double MARINE_SPACING = 1.0;
    private static final double ROACH_SPACING = 1.5;
    private static final double COLUMN_GAP = 0.75;
    /** The centre of each DefeatRoaches line is drawn between these heights. */
    private static final double LINE_CENTRE_LOW = 10;
    private static final double LINE_CENTRE_HIGH = 22;
    /** Units spawn at least this far from the arena's edge. */
    private static final double SPAWN_MARGIN = 1.5;
    private static final double MINIMUM_DAMAGE = 0.5;
    private static final double ROACH_KILL_REWARD = 10;
    private static final double MARINE_LOSS_REWARD = -1;

    /** Every feature-layer value in [0, 1]: {@link FeatureLayers#LENGTH} of them. */
    public static final Box OBSERVATION_SPACE = Box.uniform(FeatureLayers.LENGTH, 0, 1);
    /** Six function scores in [-1, 1], then each function's screen coordinates in [0, 1]. */
    public static final Box ACTION_SPACE;

    static {
        float[] low = new float[MinigameAction.WIDTH];
        float[] high = new float[MinigameAction.WIDTH];
        for (int i = 0; i < MinigameAction.WIDTH; i++) {
            low[i] = i < MinigameAction.FUNCTION_COUNT ? -1 : 0;
            high[i] = 1;
        }
        ACTION_SPACE = new Box(low, high);
    }

    private final Minigame minigame;
    private final List<ArenaUnit> units = new ArrayList<>();
    private final List<ArenaUnit> shooters = new ArrayList<>();
    private final List<ArenaUnit> victims = new ArrayList<>();
    private final int[] covered = new int[16];
    private final int[] screenOwner = new int[FeatureLayers.SCREEN_SIZE * FeatureLayers.SCREEN_SIZE];
    private final int[] screenCount = new int[screenOwner.length];
    private final double[] screenStrongest = new double[screenOwner.length];
    private final int[] minimapOwner = new int[FeatureLayers.MINIMAP_SIZE * FeatureLayers.MINIMAP_SIZE];
    private SplittableRandom rng;
    private int steps;
    private boolean running;
    private MinigameFunction lastFunction;
    private MinigameAction lastAction;
    private double score;

    /** An environment for {@code minigame}; call {@link #reset(long)} before stepping. */
    public MinigameEnvironment(Minigame minigame) {
        if (minigame == null) {
            throw new IllegalArgumentException("minigame environment: expected a minigame, found null");
        }
        this.minigame = minigame;
    }

    /** The minigame this environment plays. */
    public Minigame minigame() {
        return minigame;
    }

    /** [0, 1] in each of the {@link FeatureLayers#LENGTH} dimensions. */
    @Override
    public Box observationSpace() {
        return OBSERVATION_SPACE;
    }

    /** Six function scores in [-1, 1] and ten screen coordinates in [0, 1] (each function's own); see {@link MinigameAction}. */
    @Override
    public Box actionSpace() {
        return ACTION_SPACE;
    }

    @Override
    public float[] reset(long seed) {
        rng = new SplittableRandom(seed);
        units.clear();
        steps = 0;
        lastFunction = null;
        lastAction = null;
        score = 0;
        switch (minigame) {
            case MOVE_TO_BEACON -> {
                ArenaUnit marine = spawn(UnitType.MARINE, randomCoordinate(), randomCoordinate());
                placeBeacon(marine, BEACON_FIRST_DISTANCE);
            }
            case COLLECT_MINERAL_SHARDS -> {
                spawn(UnitType.MARINE, randomCoordinate(), randomCoordinate());
                spawn(UnitType.MARINE, randomCoordinate(), randomCoordinate());
                spawnShards();
            }
            case DEFEAT_ROACHES -> {
                for (int i = 0; i < MARINES_AT_START; i++) {
                    spawn(UnitType.MARINE, 0, 0);
                }
                startWave();
            }
        }
        running = true;
        return observation();
    }

    @Override
    public StepResult step(float[] action) {
        MinigameAction command = MinigameAction.fromVector(action);
        if (!running) {
            throw new IllegalStateException("minigame " + minigame.pysc2MapName()
                    + ": no episode is running (none was started, or the last one ended); call reset(seed)");
        }
        apply(command);
        lastFunction = command.function();
        lastAction = command;
        double reward = 0;
        boolean terminated = false;
        for (int loop = 0; loop < GAME_LOOPS_PER_STEP && !terminated; loop++) {
            reward += advanceLoop();
            terminated = minigame == Minigame.DEFEAT_ROACHES && count(UnitType.MARINE) == 0;
        }
        steps++;
        score += reward;
        boolean truncated = !terminated && steps >= EPISODE_STEPS;
        running = !(terminated || truncated);
        return new StepResult(observation(), reward, terminated, truncated);
    }

    /** The arena as the live page draws it: units, score and the last action's points. */
    public MinigameScene scene() {
        List<MinigameScene.Unit> drawn = new ArrayList<>(units.size());
        for (ArenaUnit u : units) {
            drawn.add(new MinigameScene.Unit(u.type.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    u.type.owner.name().toLowerCase(Locale.ROOT), u.x, u.y, u.type.radius,
                    u.type.mortal() ? u.hitPoints / u.type.maxHitPoints : 1, u.selected));
        }
        MinigameScene.Action action = null;
        if (lastAction != null) {
            List<double[]> points = new ArrayList<>(2);
            int width = lastAction.function().arguments().width();
            if (width >= 2) {
                points.add(new double[] {lastAction.x() * ARENA_SIZE, lastAction.y() * ARENA_SIZE});
            }
            if (width == 4) {
                points.add(new double[] {lastAction.x2() * ARENA_SIZE, lastAction.y2() * ARENA_SIZE});
            }
            action = new MinigameScene.Action(lastAction.function().pysc2Name(), points);
        }
        return new MinigameScene(minigame.pysc2MapName(), ARENA_SIZE,
                steps * (double) GAME_LOOPS_PER_STEP / GAME_LOOPS_PER_SECOND, score, drawn, action);
    }

    /** The units now on the arena, for tests that compare the layers with the truth. */
    List<ArenaUnit> units() {
        return Collections.unmodifiableList(units);
    }

    private void apply(MinigameAction command) {
        double px = command.x() * ARENA_SIZE;
        double py = command.y() * ARENA_SIZE;
        switch (command.function()) {
            case NO_OP -> {
            }
            case SELECT_POINT -> {
                ArenaUnit clicked = nearestWithin(PlayerRelative.SELF, px, py, CLICK_RADIUS);
                for (ArenaUnit u : units) {
                    u.selected = u == clicked;
                }
            }
            case SELECT_RECT -> {
                double left = Math.min(px, command.x2() * ARENA_SIZE);
                double right = Math.max(px, command.x2() * ARENA_SIZE);
                double top = Math.min(py, command.y2() * ARENA_SIZE);
                double bottom = Math.max(py, command.y2() * ARENA_SIZE);
                for (ArenaUnit u : units) {
                    u.selected = u.type.owner == PlayerRelative.SELF
                            && u.x >= left && u.x <= right && u.y >= top && u.y <= bottom;
                }
            }
            case SELECT_ARMY -> {
                for (ArenaUnit u : units) {
                    u.selected = u.type.owner == PlayerRelative.SELF;
                }
            }
            case MOVE_SCREEN -> orderSelected(Order.MOVE, px, py, null);
            case ATTACK_SCREEN -> {
                ArenaUnit enemy = nearestWithin(PlayerRelative.ENEMY, px, py, CLICK_RADIUS);
                orderSelected(enemy == null ? Order.ATTACK_MOVE : Order.ATTACK_UNIT, px, py, enemy);
            }
        }
    }

    private void orderSelected(Order order, double x, double y, ArenaUnit target) {
        for (ArenaUnit u : units) {
            if (u.selected) {
                u.order = order;
                u.targetX = x;
                u.targetY = y;
                u.targetUnit = target;
            }
        }
    }

    private ArenaUnit nearestWithin(PlayerRelative owner, double x, double y, double radius) {
        ArenaUnit best = null;
        double bestDistance = radius;
        for (ArenaUnit u : units) {
            double d = u.distanceTo(x, y);
            if (u.type.owner == owner && d <= bestDistance && (best == null || d < bestDistance)) {
                best = u;
                bestDistance = d;
            }
        }
        return best;
    }

    /** One game loop: units act, shots land, the dead leave, pick-ups and waves happen; returns the loop's reward. */
    private double advanceLoop() {
        shooters.clear();
        victims.clear();
        for (ArenaUnit u : units) {
            if (u.cooldownLoops > 0) {
                u.cooldownLoops -= 1;
            }
            if (u.type == UnitType.MARINE) {
                obey(u);
            } else if (u.type == UnitType.ROACH) {
                hunt(u);
            }
        }
        for (int i = 0; i < shooters.size(); i++) {
            ArenaUnit victim = victims.get(i);
            victim.hitPoints -= Math.max(MINIMUM_DAMAGE, shooters.get(i).type.damage - victim.type.armour);
        }
        double reward = 0;
        for (int i = units.size() - 1; i >= 0; i--) {
            ArenaUnit u = units.get(i);
            if (!u.alive()) {
                reward += u.type == UnitType.ROACH ? ROACH_KILL_REWARD : MARINE_LOSS_REWARD;
                units.remove(i);
            }
        }
        switch (minigame) {
            case MOVE_TO_BEACON -> reward += collectBeacon();
            case COLLECT_MINERAL_SHARDS -> reward += collectShards();
            case DEFEAT_ROACHES -> {
                if (count(UnitType.ROACH) == 0 && count(UnitType.MARINE) > 0) {
                    for (int i = 0; i < REINFORCEMENTS; i++) {
                        spawn(UnitType.MARINE, 0, 0);
                    }
                    startWave();
                }
            }
        }
        return reward;
    }

    /** A marine follows its order. */
    private void obey(ArenaUnit u) {
        switch (u.order) {
            case MOVE -> {
                if (walk(u, u.targetX, u.targetY, 0)) {
                    u.stop();
                }
            }
            case ATTACK_UNIT -> {
                ArenaUnit target = u.targetUnit;
                if (!target.alive()) {
                    u.stop();
                    fireAtNearest(u);
                } else if (u.inRange(target)) {
                    fire(u, target);
                } else {
                    walk(u, target.x, target.y, reach(u, target));
                }
            }
            case ATTACK_MOVE -> {
                if (!fireAtNearest(u) && walk(u, u.targetX, u.targetY, 0)) {
                    u.stop();
                }
            }
            case IDLE -> fireAtNearest(u);
        }
    }

    /** A roach's rule: fire at the nearest marine if in range, else walk towards it. */
    private void hunt(ArenaUnit roach) {
        ArenaUnit prey = nearest(roach, PlayerRelative.SELF);
        if (prey == null) {
            return;
        }
        if (roach.inRange(prey)) {
            fire(roach, prey);
        } else {
            walk(roach, prey.x, prey.y, reach(roach, prey));
        }
    }

    /** Fires at the nearest enemy in range, if any; returns whether there was one. */
    private boolean fireAtNearest(ArenaUnit u) {
        ArenaUnit enemy = nearest(u, PlayerRelative.ENEMY);
        if (enemy == null || !u.inRange(enemy)) {
            return false;
        }
        fire(u, enemy);
        return true;
    }

    private ArenaUnit nearest(ArenaUnit from, PlayerRelative owner) {
        ArenaUnit best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (ArenaUnit u : units) {
            if (u.type.owner == owner && u.alive()) {
                double d = from.distanceTo(u);
                if (d < bestDistance) {
                    best = u;
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    private void fire(ArenaUnit shooter, ArenaUnit target) {
        if (shooter.cooldownLoops <= 0) {
            shooters.add(shooter);
            victims.add(target);
            shooter.cooldownLoops += shooter.type.cooldownSeconds * GAME_LOOPS_PER_SECOND;
        }
    }

    private static double reach(ArenaUnit shooter, ArenaUnit target) {
        return shooter.type.range + shooter.type.radius + target.type.radius;
    }

    /**
     * Walks one game loop's distance straight towards (x, y), stopping {@code stopShort} units before it;
     * returns whether the unit is there.
     */
    private static boolean walk(ArenaUnit u, double x, double y, double stopShort) {
        double dx = x - u.x;
        double dy = y - u.y;
        double distance = Math.hypot(dx, dy);
        double remaining = distance - stopShort;
        if (remaining <= 0) {
            return true;
        }
        double stride = u.type.speed / GAME_LOOPS_PER_SECOND;
        if (stride >= remaining && stopShort == 0) {
            u.x = x;
            u.y = y;
            return true;
        }
        double advance = Math.min(stride, remaining);
        u.x += dx / distance * advance;
        u.y += dy / distance * advance;
        return advance == remaining;
    }

    private double collectBeacon() {
        ArenaUnit marine = first(UnitType.MARINE);
        ArenaUnit beacon = first(UnitType.BEACON);
        if (!marine.touches(beacon)) {
            return 0;
        }
        units.remove(beacon);
        placeBeacon(marine, BEACON_RESPAWN_DISTANCE);
        return 1;
    }

    private double collectShards() {
        double reward = 0;
        for (int i = units.size() - 1; i >= 0; i--) {
            ArenaUnit shard = units.get(i);
            if (shard.type == UnitType.MINERAL_SHARD && touchedByMarine(shard)) {
                units.remove(i);
                reward += 1;
            }
        }
        if (count(UnitType.MINERAL_SHARD) == 0) {
            spawnShards();
        }
        return reward;
    }

    private boolean touchedByMarine(ArenaUnit shard) {
        for (ArenaUnit u : units) {
            if (u.type == UnitType.MARINE && u.touches(shard)) {
                return true;
            }
        }
        return false;
    }

    private ArenaUnit spawn(UnitType type, double x, double y) {
        ArenaUnit u = new ArenaUnit(type, x, y);
        units.add(u);
        return u;
    }

    private double randomCoordinate() {
        return rng.nextDouble(SPAWN_MARGIN, ARENA_SIZE - SPAWN_MARGIN);
    }

    /** Rejection sampling; the excluded disc is a small part of the arena, so it ends after a few draws. */
    private void placeBeacon(ArenaUnit marine, double minimumDistance) {
        double x;
        double y;
        do {
            x = randomCoordinate();
            y = randomCoordinate();
        } while (marine.distanceTo(x, y) < minimumDistance);
        spawn(UnitType.BEACON, x, y);
    }

    /** Rejection sampling; twenty shards and two marines exclude well under half of the arena. */
    private void spawnShards() {
        List<ArenaUnit> marines = new ArrayList<>();
        for (ArenaUnit u : units) {
            if (u.type == UnitType.MARINE) {
                marines.add(u);
            }
        }
        List<ArenaUnit> shards = new ArrayList<>();
        while (shards.size() < SHARDS) {
            double x = randomCoordinate();
            double y = randomCoordinate();
            if (farFrom(marines, x, y, SHARD_MARINE_DISTANCE) && farFrom(shards, x, y, SHARD_SPACING)) {
                shards.add(spawn(UnitType.MINERAL_SHARD, x, y));
            }
        }
    }

    private static boolean farFrom(List<ArenaUnit> others, double x, double y, double distance) {
        for (ArenaUnit u : others) {
            if (u.distanceTo(x, y) < distance) {
                return false;
            }
        }
        return true;
    }

    /** Lines the marines up on a random side and four new roaches on the other; the whole army is selected. */
    private void startWave() {
        boolean marinesLeft = rng.nextBoolean();
        double marineCentreY = rng.nextDouble(LINE_CENTRE_LOW, LINE_CENTRE_HIGH);
        double roachCentreY = rng.nextDouble(LINE_CENTRE_LOW, LINE_CENTRE_HIGH);
        double marineX = marinesLeft ? NEAR_COLUMN_X : FAR_COLUMN_X;
        double roachX = marinesLeft ? FAR_COLUMN_X : NEAR_COLUMN_X;
        double outwards = marinesLeft ? -COLUMN_GAP : COLUMN_GAP;
        int index = 0;
        for (ArenaUnit u : units) {
            if (u.type == UnitType.MARINE) {
                int column = index / COLUMN_HEIGHT;
                int row = index % COLUMN_HEIGHT;
                u.x = Math.max(SPAWN_MARGIN, Math.min(ARENA_SIZE - SPAWN_MARGIN, marineX + column * outwards));
                u.y = marineCentreY + (row - (COLUMN_HEIGHT - 1) / 2.0) * MARINE_SPACING;
                u.stop();
                u.selected = true;
                u.cooldownLoops = 0;
                index++;
            }
        }
        for (int i = 0; i < ROACHES_PER_WAVE; i++) {
            spawn(UnitType.ROACH, roachX, roachCentreY + (i - (ROACHES_PER_WAVE - 1) / 2.0) * ROACH_SPACING);
        }
    }

    private int count(UnitType type) {
        int n = 0;
        for (ArenaUnit u : units) {
            if (u.type == type) {
                n++;
            }
        }
        return n;
    }

    private ArenaUnit first(UnitType type) {
        for (ArenaUnit u : units) {
            if (u.type == type) {
                return u;
            }
        }
        throw new IllegalStateException("minigame " + minigame.pysc2MapName() + ": no " + type + " on the arena");
    }

    private float[] observation() {
        float[] obs = new float[FeatureLayers.LENGTH];
        Arrays.fill(screenOwner, 0);
        Arrays.fill(screenCount, 0);
        Arrays.fill(screenStrongest, 0);
        Arrays.fill(minimapOwner, 0);
        int selectedOffset = FeatureLayers.Layer.SCREEN_SELECTED.offset();
        int hitPointsOffset = FeatureLayers.Layer.SCREEN_HIT_POINTS_RATIO.offset();
        int ordersOffset = FeatureLayers.Layer.SCREEN_ORDERS.offset();
        int selectedUnits = 0;
        for (ArenaUnit u : units) {
            int owner = u.type.owner.code();
            int n = cover(u, 1, FeatureLayers.SCREEN_SIZE);
            for (int k = 0; k < n; k++) {
                int cell = covered[k];
                screenOwner[cell] = onTop(screenOwner[cell], owner);
                screenCount[cell]++;
                if (u.selected) {
                    obs[selectedOffset + cell] = 1;
                }
                if (u.order != ArenaUnit.Order.IDLE && u.type.owner == PlayerRelative.SELF) {
                    obs[ordersOffset + cell] = 1;
                }
                if (u.type.mortal() && u.hitPoints > screenStrongest[cell]) {
                    screenStrongest[cell] = u.hitPoints;
                    obs[hitPointsOffset + cell] = (float) (u.hitPoints / u.type.maxHitPoints);
                }
            }
            n = cover(u, (double) ARENA_SIZE / FeatureLayers.MINIMAP_SIZE, FeatureLayers.MINIMAP_SIZE);
            for (int k = 0; k < n; k++) {
                minimapOwner[covered[k]] = onTop(minimapOwner[covered[k]], owner);
            }
            if (u.selected) {
                selectedUnits++;
            }
        }
        int ownerOffset = FeatureLayers.Layer.SCREEN_PLAYER_RELATIVE.offset();
        int densityOffset = FeatureLayers.Layer.SCREEN_UNIT_DENSITY.offset();
        for (int cell = 0; cell < screenOwner.length; cell++) {
            obs[ownerOffset + cell] = screenOwner[cell] / 4f;
            obs[densityOffset + cell] = Math.min(1f, screenCount[cell] / 4f);
        }
        int minimapOffset = FeatureLayers.Layer.MINIMAP_PLAYER_RELATIVE.offset();
        for (int cell = 0; cell < minimapOwner.length; cell++) {
            obs[minimapOffset + cell] = minimapOwner[cell] / 4f;
        }
        FeatureLayers.Layer camera = FeatureLayers.Layer.MINIMAP_CAMERA;
        Arrays.fill(obs, camera.offset(), camera.offset() + camera.cells(), 1f);
        obs[FeatureLayers.MINIGAME_OFFSET + minigame.ordinal()] = 1;
        obs[FeatureLayers.TIME_ELAPSED_OFFSET] = (float) steps / EPISODE_STEPS;
        obs[FeatureLayers.SELECTED_COUNT_OFFSET] =
                Math.min(1f, (float) selectedUnits / FeatureLayers.SELECTED_COUNT_SCALE);
        if (lastFunction != null) {
            obs[FeatureLayers.LAST_ACTION_OFFSET + lastFunction.ordinal()] = 1;
        }
        return obs;
    }

    /** Self is drawn over enemy, enemy over neutral, anything over nothing. */
    private static int onTop(int current, int candidate) {
        return precedence(candidate) > precedence(current) ? candidate : current;
    }

    private static int precedence(int code) {
        return switch (code) {
            case 1 -> 4;
            case 4 -> 3;
            case 2 -> 2;
            case 3 -> 1;
            default -> 0;
        };
    }

    /**
     * Fills {@link #covered} with the cells of a {@code size}-cell grid (cells {@code cellSize} units wide)
     * that the unit paints: those whose centre lies inside its footprint, and the one holding its centre.
     */
    private int cover(ArenaUnit u, double cellSize, int size) {
        int centreX = cellOf(u.x, cellSize, size);
        int centreY = cellOf(u.y, cellSize, size);
        double r = u.type.radius;
        int n = 0;
        for (int cy = cellOf(u.y - r, cellSize, size); cy <= cellOf(u.y + r, cellSize, size); cy++) {
            for (int cx = cellOf(u.x - r, cellSize, size); cx <= cellOf(u.x + r, cellSize, size); cx++) {
                boolean holdsCentre = cx == centreX && cy == centreY;
                if (holdsCentre || Math.hypot((cx + 0.5) * cellSize - u.x, (cy + 0.5) * cellSize - u.y) < r) {
                    covered[n++] = cy * size + cx;
                }
            }
        }
        return n;
    }

    private static int cellOf(double coordinate, double cellSize, int size) {
        return Math.max(0, Math.min(size - 1, (int) Math.floor(coordinate / cellSize)));
    }
}
