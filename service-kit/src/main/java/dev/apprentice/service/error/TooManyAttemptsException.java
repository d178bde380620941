package dev.apprentice.service.error;

/** 429: too many attempts for one subject within the window; the answer carries {@code Retry-After}. */
public final class TooManyAttemptsException extends ApiException {

    private final long retryAfterSeconds;

    public TooManyAttemptsException(long retryAfterSeconds) {
        super(429, "too-many-attempts", null, "too many attempts for this subject; try again in " + retryAfterSeconds
                + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds until the subject's next attempt is accepted, for the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
