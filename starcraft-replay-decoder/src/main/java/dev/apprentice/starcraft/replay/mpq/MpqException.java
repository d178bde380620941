package dev.apprentice.starcraft.replay.mpq;

/** The one failure an archive read reports, so callers handling untrusted replays need catch only this. */
public final class MpqException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MpqException(String message) {
        super(message);
    }

    MpqException(String message, Throwable cause) {
        super(message, cause);
    }
}
