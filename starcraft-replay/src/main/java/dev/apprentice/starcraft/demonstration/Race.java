package dev.apprentice.starcraft.demonstration;

/** The three playable races: productions, workers and town halls differ by race, so states and baselines name it. */
public enum Race {
    /** Builds with SCVs from command centers. */
    TERRAN("SCV", "CommandCenter"),
    /** Builds with drones from larvae of hatcheries. */
    ZERG("Drone", "Hatchery"),
    /** Builds with probes, warps in at pylons. */
    PROTOSS("Probe", "Nexus");

    private final String worker;
    private final String townHall;

    Race(String worker, String townHall) {
        this.worker = worker;
        this.townHall = townHall;
    }

    /**
     * The race a player's starting units show (a worker or a town hall), which, unlike the details' race
     * text, does not depend on the client's language.
     *
     * @param unitType a unit type name from the tracker events
     * @return the race, or null if the unit says nothing about it
     */
    public static Race ofStartingUnit(String unitType) {
        for (Race race : values()) {
            if (race.worker.equals(unitType) || race.townHall.equals(unitType)) {
                return race;
            }
        }
        return null;
    }
}
