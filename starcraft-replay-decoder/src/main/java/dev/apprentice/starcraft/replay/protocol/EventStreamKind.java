package dev.apprentice.starcraft.replay.protocol;

/**
 * The three event streams of a replay: which archive file holds each, how it is encoded, and which enum of
 * the protocol table numbers its events.
 */
public enum EventStreamKind {
    /** Players' commands, selections, camera moves: bit-packed, each event prefixed by the user who sent it. */
    GAME("replay.game.events", false, true, "NNet.Game.EEventId", "EEVENTID"),
    /** Chat, pings and loading progress: bit-packed, prefixed by the user. */
    MESSAGE("replay.message.events", false, true, "NNet.Game.EMessageId", "EMESSAGEID"),
    /** The game's own record of units and player statistics (from game 2.0.8): versioned, no user. */
    TRACKER("replay.tracker.events", true, false, "NNet.Replay.Tracker.EEventId", "EEVENTID");

    private final String fileName;
    private final boolean versioned;
    private final boolean userPrefixed;
    private final String idEnum;
    private final String idConstant;

    EventStreamKind(String fileName, boolean versioned, boolean userPrefixed, String idEnum, String idConstant) {
        this.fileName = fileName;
        this.versioned = versioned;
        this.userPrefixed = userPrefixed;
        this.idEnum = idEnum;
        this.idConstant = idConstant;
    }

    /** @return the archive file that holds the stream */
    public String fileName() {
        return fileName;
    }

    /** @return true for versioned encoding, false for bit-packed */
    public boolean versioned() {
        return versioned;
    }

    /** @return whether each event carries the id of the user who sent it */
    public boolean userPrefixed() {
        return userPrefixed;
    }

    /** @return the full name of the enum that numbers the stream's events */
    public String idEnum() {
        return idEnum;
    }

    /** @return the name of the constant by which an event struct declares its id */
    String idConstant() {
        return idConstant;
    }
}
