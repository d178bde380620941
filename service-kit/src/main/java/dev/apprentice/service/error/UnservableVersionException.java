package dev.apprentice.service.error;

/** 422: a version cannot be served here (other encoder or spaces, corrupt weights); nothing was changed. */
public final class UnservableVersionException extends ApiException {

    public UnservableVersionException(String message) {
        super(422, "unservable-version", null, message);
    }
}
