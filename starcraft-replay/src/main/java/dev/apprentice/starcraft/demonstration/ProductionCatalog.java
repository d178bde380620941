package dev.apprentice.starcraft.demonstration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The productions a player decides on in a standard (melee) game: every unit and structure of the three
 * races by the names tracker events give them, which stay the same across builds (Wings of Liberty to
 * Legacy of the Void). Things a player does not choose to make (larvae, eggs, broodlings, locusts, MULEs,
 * creep spread by tumors) and the co-op mode's own units are not productions.
 */
public final class ProductionCatalog {
    private static final List<String> NAMES = new ArrayList<>();
    private static final List<Race> RACES = new ArrayList<>();
    private static final Map<String, Integer> INDEX = new HashMap<>();
    /** Morphs: a unit whose type changes from the precursor to the product has been produced. */
    private static final Map<String, String> MORPH_PRECURSORS = Map.of(
            "OrbitalCommand", "CommandCenter",
            "PlanetaryFortress", "CommandCenter",
            "Lair", "Hatchery",
            "Hive", "Lair",
            "GreaterSpire", "Spire",
            "Ravager", "RavagerCocoon",
            "Overseer", "OverlordCocoon",
            "BroodLord", "BroodLordCocoon",
            "LurkerMP", "LurkerMPEgg");

    static {
        add(Race.TERRAN, "SCV", "Marine", "Marauder", "Reaper", "Ghost", "Hellion", "HellionTank", "WidowMine",
                "SiegeTank", "Cyclone", "Thor", "VikingFighter", "Medivac", "Liberator", "Raven", "Banshee",
                "Battlecruiser", "CommandCenter", "OrbitalCommand", "PlanetaryFortress", "SupplyDepot", "Refinery",
                "Barracks", "EngineeringBay", "Bunker", "MissileTurret", "SensorTower", "Factory", "GhostAcademy",
                "Starport", "Armory", "FusionCore", "BarracksTechLab", "BarracksReactor", "FactoryTechLab",
                "FactoryReactor", "StarportTechLab", "StarportReactor");
        add(Race.ZERG, "Drone", "Overlord", "Zergling", "Queen", "Roach", "Ravager", "Baneling", "Overseer",
                "Hydralisk", "LurkerMP", "Mutalisk", "Corruptor", "BroodLord", "Infestor", "SwarmHostMP",
                "Ultralisk", "Viper", "Hatchery", "Lair", "Hive", "Extractor", "SpawningPool", "EvolutionChamber",
                "RoachWarren", "BanelingNest", "SpineCrawler", "SporeCrawler", "HydraliskDen", "LurkerDenMP", "Spire",
                "GreaterSpire", "InfestationPit", "NydusNetwork", "UltraliskCavern", "CreepTumorQueen");
        add(Race.PROTOSS, "Probe", "Zealot", "Stalker", "Sentry", "Adept", "HighTemplar", "DarkTemplar", "Archon",
                "Immortal", "Colossus", "Disruptor", "Observer", "WarpPrism", "Phoenix", "VoidRay", "Oracle",
                "Tempest", "Carrier", "Mothership", "MothershipCore", "Nexus", "Pylon", "Assimilator", "Gateway",
                "Forge", "PhotonCannon", "ShieldBattery", "CyberneticsCore", "TwilightCouncil", "RoboticsFacility",
                "Stargate", "TemplarArchive", "DarkShrine", "RoboticsBay", "FleetBeacon");
    }

    private ProductionCatalog() {
    }

    private static void add(Race race, String... names) {
        for (String name : names) {
            INDEX.put(name, NAMES.size());
            NAMES.add(name);
            RACES.add(race);
        }
    }

    /** @return the number of productions (the size of the next-production action space) */
    public static int size() {
        return NAMES.size();
    }

    /** @return every production's name, by index */
    public static List<String> names() {
        return Collections.unmodifiableList(NAMES);
    }

    /**
     * @param unitType a unit type name from the tracker events
     * @return its index, or -1 if it is not a production
     */
    public static int indexOf(String unitType) {
        return INDEX.getOrDefault(unitType, -1);
    }

    /** @return the production's name */
    public static String name(int index) {
        return NAMES.get(index);
    }

    /** @return the race that makes it */
    public static Race race(int index) {
        return RACES.get(index);
    }

    /**
     * @param from the unit's type before a type change
     * @param to   its type after
     * @return the production index if the change is a morph a player orders (a hatchery becoming a lair,
     *         a cocoon hatching a ravager), else -1 (sieging, lowering, lifting off are modes, not productions)
     */
    public static int morph(String from, String to) {
        String precursor = MORPH_PRECURSORS.get(to);
        return precursor != null && precursor.equals(from) ? indexOf(to) : -1;
    }
}
