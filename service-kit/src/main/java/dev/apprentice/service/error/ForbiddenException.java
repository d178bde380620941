package dev.apprentice.service.error;

/**
 * 403: the key is valid but may not act here, e.g. a subject's key used for another subject; the
 * message says only what the key may do, never whether the other subject exists.
 */
public final class ForbiddenException extends ApiException {

    public ForbiddenException(String message) {
        super(403, "forbidden", null, message);
    }
}
