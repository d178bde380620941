package dev.apprentice.starcraft.minigame;

import dev.apprentice.il.policy.Actor;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The three pysc2 minigames the simulator plays, each with its scripted expert, by name: what
 * rollouts, evaluations and the command line pick from.
 */
public enum Minigame {
    /** One marine walks to a beacon, +1 per beacon reached; pysc2 map {@code MoveToBeacon}. */
    MOVE_TO_BEACON("MoveToBeacon", new MoveToBeaconExpert()),
    /** Two marines pick up mineral shards, +1 per shard; pysc2 map {@code CollectMineralShards}. */
    COLLECT_MINERAL_SHARDS("CollectMineralShards", new CollectMineralShardsExpert()),
    /** Nine marines fight waves of four roaches, +10 per roach, -1 per marine; pysc2 map {@code DefeatRoaches}. */
    DEFEAT_ROACHES("DefeatRoaches", new DefeatRoachesExpert());

    private final String pysc2MapName;
    private final Actor expert;

    Minigame(String pysc2MapName, Actor expert) {
        this.pysc2MapName = pysc2MapName;
        this.expert = expert;
    }

    /** The map's name in pysc2, e.g. {@code MoveToBeacon}. */
    public String pysc2MapName() {
        return pysc2MapName;
    }

    /** A new environment playing this minigame. */
    public MinigameEnvironment environment() {
        return new MinigameEnvironment(this);
    }

    /** Creates environments of this minigame, one per call, for rollout workers. */
    public Supplier<MinigameEnvironment> environments() {
        return this::environment;
    }

    /** The scripted expert, after pysc2's {@code scripted_agent.py}: it acts on the observation alone. */
    public Actor expert() {
        return expert;
    }

    /** The longest an episode can be, in agent steps: 120 s of game time. */
    public int maxEpisodeSteps() {
        return MinigameEnvironment.EPISODE_STEPS;
    }

    /** The lower-case name used on command lines and in model cards, e.g. {@code move-to-beacon}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Looks a minigame up by {@link #id()} or pysc2 map name, with a message listing the valid names. */
    public static Minigame byId(String id) {
        for (Minigame m : values()) {
            if (m.id().equalsIgnoreCase(id) || m.pysc2MapName.equalsIgnoreCase(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("minigame: expected one of "
                + Arrays.stream(values()).map(Minigame::id).toList() + ", found '" + id + "'");
    }
}
