package dev.apprentice.starcraft.replay.protocol;

/**
 * One kind of event a build's table declares: its id in the stream, its name (as Blizzard's tools print it,
 * for example {@code NNet.Game.SCmdEvent}) and its struct.
 *
 * @param id   the event id read from the stream
 * @param name the struct's full name
 * @param type the struct
 */
public record EventType(int id, String name, ProtocolType type) {
}
