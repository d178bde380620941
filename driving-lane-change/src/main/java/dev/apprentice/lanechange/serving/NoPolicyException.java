package dev.apprentice.lanechange.serving;

/** No policy can serve yet (none promoted, or the promoted one failed verification); the API answers 503. */
public final class NoPolicyException extends RuntimeException {

    public NoPolicyException(String reason) {
        super(reason);
    }
}
