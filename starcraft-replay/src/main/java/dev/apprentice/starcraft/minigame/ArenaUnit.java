package dev.apprentice.starcraft.minigame;

/** One unit on the arena, mutable and owned by a single {@link MinigameEnvironment}. */
final class ArenaUnit {

    /** What a unit is doing; enemy units ignore it and run their own hunting rule. */
    enum Order {
        /** Stand still; fire at the nearest enemy in range. */
        IDLE,
        /** Walk to the target point, ignoring enemies. */
        MOVE,
        /** Walk to the target point, stopping to fire at any enemy in range. */
        ATTACK_MOVE,
        /** Close to weapon range of the target unit and fire at it until it dies. */
        ATTACK_UNIT
    }

    final UnitType type;
    double x;
    double y;
    double hitPoints;
    /** Game loops until the weapon may fire again; at or below 0 it is ready (the fraction carries over). */
    double cooldownLoops;
    Order order = Order.IDLE;
    double targetX;
    double targetY;
    ArenaUnit targetUnit;
    boolean selected;

    ArenaUnit(UnitType type, double x, double y) {
        this.type = type;
        this.x = x;
        this.y = y;
        this.hitPoints = type.maxHitPoints;
    }

    boolean alive() {
        return !type.mortal() || hitPoints > 0;
    }

    double distanceTo(double px, double py) {
        return Math.hypot(px - x, py - y);
    }

    double distanceTo(ArenaUnit other) {
        return distanceTo(other.x, other.y);
    }

    /** Whether the two footprints overlap (pick-ups) or touch. */
    boolean touches(ArenaUnit other) {
        return distanceTo(other) < type.radius + other.type.radius;
    }

    /** Whether {@code other} is within weapon range, measured edge to edge as StarCraft II does. */
    boolean inRange(ArenaUnit other) {
        return distanceTo(other) <= type.range + type.radius + other.type.radius + 1e-9;
    }

    void stop() {
        order = Order.IDLE;
        targetUnit = null;
    }
}
