package dev.apprentice.starcraft.replay;

import dev.apprentice.starcraft.replay.protocol.BitPackedDecoder;
import dev.apprentice.starcraft.replay.protocol.ChoiceValue;
import dev.apprentice.starcraft.replay.protocol.EventStreamKind;
import dev.apprentice.starcraft.replay.protocol.EventType;
import dev.apprentice.starcraft.replay.protocol.ProtocolTable;
import dev.apprentice.starcraft.replay.protocol.ProtocolType;
import dev.apprentice.starcraft.replay.protocol.ReplayFormatException;
import dev.apprentice.starcraft.replay.protocol.StructValue;
import dev.apprentice.starcraft.replay.protocol.ValueDecoder;
import dev.apprentice.starcraft.replay.protocol.VersionedDecoder;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Decodes one event stream lazily, one event per {@link #next()}: memory stays that of one event whatever
 * the replay's length. Each event is a game-loop delta, the sending user (game and message streams), the
 * event id and the event's struct, then padding to a byte boundary.
 */
public final class EventReader implements Iterator<ReplayEvent> {
    private final EventStreamKind kind;
    private final ValueDecoder decoder;
    private final ProtocolType delta;
    private final ProtocolType userId;
    private final ProtocolType eventId;
    private final Map<Integer, EventType> events;
    private long gameLoop;
    private long index;

    /**
     * @param kind  the stream
     * @param table the replay's own build's table
     * @param data  the stream file's bytes
     * @throws ReplayFormatException if the table cannot decode this stream (it declares none of its events)
     */
    public EventReader(EventStreamKind kind, ProtocolTable table, byte[] data) {
        this.kind = kind;
        this.events = table.events(kind);
        if (events.isEmpty()) {
            throw new ReplayFormatException("the protocol table of base build " + table.baseBuild()
                    + " declares no " + kind.name().toLowerCase(java.util.Locale.ROOT) + " events");
        }
        this.decoder = kind.versioned() ? new VersionedDecoder(data) : new BitPackedDecoder(data);
        this.delta = table.type(ProtocolTable.VAR_UINT32);
        this.userId = kind.userPrefixed() ? table.userIdType() : null;
        this.eventId = table.eventIdType(kind);
    }

    @Override
    public boolean hasNext() {
        return !decoder.done();
    }

    @Override
    public ReplayEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException(kind + " stream ended after " + index + " events");
        }
        try {
            gameLoop += number(decoder.decode(delta), "game-loop delta");
            int user = userId == null ? -1 : (int) number(decoder.decode(userId), "user id");
            int id = (int) number(decoder.decode(eventId), "event id");
            EventType type = events.get(id);
            if (type == null) {
                throw new ReplayFormatException("unknown event id " + id);
            }
            Object data = decoder.decode(type.type());
            decoder.byteAlign();
            index++;
            return new ReplayEvent(kind, id, type.name(), gameLoop,
                    user, data instanceof StructValue struct ? struct : null);
        } catch (ReplayFormatException e) {
            throw new ReplayFormatException(kind.name().toLowerCase(java.util.Locale.ROOT) + " event " + index
                    + " (game loop " + gameLoop + "): " + e.getMessage(), e);
        }
    }

    /** The number inside a choice (the loop delta) or a one-field struct (the user id), or the number itself. */
    private static long number(Object value, String what) {
        Object inner = value;
        if (inner instanceof ChoiceValue choice) {
            inner = choice.value();
        } else if (inner instanceof StructValue struct && struct.names().size() == 1) {
            inner = struct.get(struct.names().get(0));
        }
        if (inner instanceof Long number) {
            return number;
        }
        throw new ReplayFormatException(what + " is not a number: " + value);
    }

    /** @return events decoded so far */
    public long count() {
        return index;
    }
}
