package dev.apprentice.service.error;

/** 404: the job, version or model named in the path does not exist. */
public final class NotFoundException extends ApiException {

    public NotFoundException(String message) {
        super(404, "not-found", null, message);
    }
}
