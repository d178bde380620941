package dev.apprentice.starcraft.replay;

/**
 * Why a replay cannot be read: not an archive, a corrupt archive, an unsupported build, or a header or
 * details that do not decode. The one type callers handling untrusted uploads need to catch.
 */
public class ReplayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong */
    public ReplayException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong
     * @param cause   the underlying failure
     */
    public ReplayException(String message, Throwable cause) {
        super(message, cause);
    }
}
