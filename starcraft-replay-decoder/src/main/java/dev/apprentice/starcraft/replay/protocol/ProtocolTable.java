package dev.apprentice.starcraft.replay.protocol;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * One build's protocol, compiled from Blizzard's {@code protocolNNNNN.json}: the types by full name and, per
 * event stream, the events by id. Immutable once built; shared by every replay of that build.
 */
public final class ProtocolTable {
    /** The variable-length integer that precedes every event: the game loops since the previous one. */
    public static final String VAR_UINT32 = "NNet.SVarUint32";
    /** The replay header, kept in the archive's user data. */
    public static final String HEADER = "NNet.Replay.SHeader";
    /** The game's details: map, players, results. */
    public static final String DETAILS = "NNet.Game.SDetails";
    /** The lobby state at game start. */
    public static final String INIT_DATA = "NNet.Replay.SInitData";
    /** The user id before each game or message event, from base build 24944. */
    public static final String GAME_USER_ID = "NNet.Replay.SGameUserId";
    /**
     * The user id before each game or message event up to base build 23260. Blizzard's generated Python
     * modules for those builds lost their pointer to it; the JSON still defines it.
     */
    public static final String PLAYER_ID = "NNet.Replay.SPlayerId";

    private final int baseBuild;
    private final Map<String, ProtocolType> types;
    private final Map<EventStreamKind, Map<Integer, EventType>> events;

    ProtocolTable(int baseBuild, Map<String, ProtocolType> types,
            Map<EventStreamKind, Map<Integer, EventType>> events) {
        this.baseBuild = baseBuild;
        this.types = Map.copyOf(types);
        EnumMap<EventStreamKind, Map<Integer, EventType>> copy = new EnumMap<>(EventStreamKind.class);
        events.forEach((kind, byId) -> copy.put(kind, Map.copyOf(byId)));
        this.events = Collections.unmodifiableMap(copy);
    }

    /** @return the base build the table describes */
    public int baseBuild() {
        return baseBuild;
    }

    /**
     * @param fullName a declaration's full name, such as {@code NNet.Game.SCmdEvent}
     * @return its type, if the table declares it
     */
    public Optional<ProtocolType> findType(String fullName) {
        return Optional.ofNullable(types.get(fullName));
    }

    /**
     * @param fullName a declaration's full name
     * @return its type
     * @throws ReplayFormatException if this build's table does not declare it
     */
    public ProtocolType type(String fullName) {
        ProtocolType type = types.get(fullName);
        if (type == null) {
            throw new ReplayFormatException("the protocol table of base build " + baseBuild + " declares no "
                    + fullName);
        }
        return type;
    }

    /**
     * @param kind a stream
     * @return its events by id; empty when the table declares none (build 24944 declares no tracker events)
     */
    public Map<Integer, EventType> events(EventStreamKind kind) {
        return events.getOrDefault(kind, Map.of());
    }

    /**
     * @param kind a stream
     * @return the type of the event id that precedes each event of the stream
     */
    public ProtocolType eventIdType(EventStreamKind kind) {
        return type(kind.idEnum());
    }

    /** @return the type of the user id that precedes each game and message event in this build */
    public ProtocolType userIdType() {
        return findType(GAME_USER_ID).or(() -> findType(PLAYER_ID)).orElseThrow(() -> new ReplayFormatException(
                "the protocol table of base build " + baseBuild + " declares neither " + GAME_USER_ID + " nor "
                        + PLAYER_ID));
    }

    @Override
    public String toString() {
        return "protocol " + baseBuild;
    }
}
