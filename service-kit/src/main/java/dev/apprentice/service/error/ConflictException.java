package dev.apprentice.service.error;

/** 409: the request is valid but the current state forbids it (nothing to roll back to, say). */
public final class ConflictException extends ApiException {

    public ConflictException(String message) {
        super(409, "conflict", null, message);
    }
}
