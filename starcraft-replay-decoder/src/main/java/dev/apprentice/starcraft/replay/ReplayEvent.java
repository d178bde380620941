package dev.apprentice.starcraft.replay;

import dev.apprentice.starcraft.replay.protocol.EventStreamKind;
import dev.apprentice.starcraft.replay.protocol.StructValue;

/**
 * One decoded event of a replay.
 *
 * @param stream   the stream it came from
 * @param id       its id in that stream
 * @param name     its type's full name, for example {@code NNet.Game.SCmdEvent}
 * @param gameLoop the game loop it happened at (16 loops per game second at normal speed, 22.4 at faster)
 * @param userId   the user who sent it (game and message events), or -1 for tracker events
 * @param data     its fields
 */
public record ReplayEvent(EventStreamKind stream, int id, String name, long gameLoop, int userId, StructValue data) {
}
