package dev.apprentice.service.error;

/** 503 with a reason: no policy can serve yet, or a capacity limit (live viewers) is reached. */
public final class UnavailableException extends ApiException {

    public UnavailableException(String code, String message) {
        super(503, code, null, message);
    }

    /** No policy is served for a model; the message says why. */
    public static UnavailableException noPolicy(String reason) {
        return new UnavailableException("no-policy", reason);
    }
}
