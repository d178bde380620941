package dev.apprentice.starcraft.minigame;

/**
 * The kinds of unit the three minigames use, with the stats the simulator needs. Combat units carry
 * the real StarCraft II (Legacy of the Void, "faster" speed) values as listed on Liquipedia; radii are
 * the game's footprint radii. Distances are in game units, which are also arena units here.
 */
enum UnitType {
    /** Marine: 45 hp, 0 armour, 6 damage, range 5, cooldown 0.61 s, speed 3.15, radius 0.375. */
    MARINE(PlayerRelative.SELF, 0.375, 45, 0, 6, 5, 0.61, 3.15),
    /** Roach: 145 hp, 1 armour, 16 damage, range 4, cooldown 1.43 s, speed 3.15 (no Glial), radius 0.625. */
    ROACH(PlayerRelative.ENEMY, 0.625, 145, 1, 16, 4, 1.43, 3.15),
    /** The MoveToBeacon target: a neutral disc of radius 1 that cannot be hurt. */
    BEACON(PlayerRelative.NEUTRAL, 1.0, 0, 0, 0, 0, 0, 0),
    /** A mineral shard (Liberty mod unit); its radius is our choice, small enough to fill one screen cell. */
    MINERAL_SHARD(PlayerRelative.NEUTRAL, 0.5, 0, 0, 0, 0, 0, 0);

    final PlayerRelative owner;
    final double radius;
    final double maxHitPoints;
    final double armour;
    final double damage;
    final double range;
    final double cooldownSeconds;
    final double speed;

    UnitType(PlayerRelative owner, double radius, double maxHitPoints, double armour, double damage, double range,
            double cooldownSeconds, double speed) {
        this.owner = owner;
        this.radius = radius;
        this.maxHitPoints = maxHitPoints;
        this.armour = armour;
        this.damage = damage;
        this.range = range;
        this.cooldownSeconds = cooldownSeconds;
        this.speed = speed;
    }

    /** Whether the unit can be damaged; neutral markers have no hit points. */
    boolean mortal() {
        return maxHitPoints > 0;
    }
}
