package dev.apprentice.starcraft.replay;

import dev.apprentice.starcraft.replay.protocol.EventStreamKind;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What decoding one event stream found: how many events of each type, up to which game loop, and whether
 * the whole stream decoded.
 *
 * @param stream       the stream
 * @param status       complete, absent from the archive, or partial
 * @param count        events decoded
 * @param lastGameLoop the game loop of the last decoded event (0 when none)
 * @param byType       events decoded per type name, sorted by name
 * @param problem      why decoding stopped early (null when complete or absent)
 */
public record StreamSummary(EventStreamKind stream, Status status, long count, long lastGameLoop,
        Map<String, Long> byType, String problem) {

    /** How far a stream decoded. */
    public enum Status {
        /** Every byte of the stream decoded into events. */
        COMPLETE,
        /** The archive has no such file (tracker events appeared in game 2.0.8). */
        ABSENT,
        /** The events before {@link StreamSummary#problem()} decoded; the rest did not. */
        PARTIAL
    }

    /** Keeps an unmodifiable, name-sorted copy of the counts. */
    public StreamSummary {
        byType = Collections.unmodifiableMap(new TreeMap<>(byType));
    }
}
