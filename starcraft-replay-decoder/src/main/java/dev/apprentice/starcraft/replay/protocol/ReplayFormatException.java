package dev.apprentice.starcraft.replay.protocol;

/**
 * The data does not decode as the protocol table says (truncated, corrupt, or a table that disagrees with the
 * replay); the message says what was expected and where.
 */
public class ReplayFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and where */
    public ReplayFormatException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong and where
     * @param cause   the underlying failure
     */
    public ReplayFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
