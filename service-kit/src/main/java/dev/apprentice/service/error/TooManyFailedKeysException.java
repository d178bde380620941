package dev.apprentice.service.error;

/** 429: this client address presented too many wrong API keys; its keys are refused until its window ends. */
public final class TooManyFailedKeysException extends ApiException {

    private final long retryAfterSeconds;

    public TooManyFailedKeysException(long retryAfterSeconds) {
        super(429, "too-many-failed-keys", null, "too many wrong API keys from this address; try again in "
                + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds until the address's keys are accepted again, for the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
