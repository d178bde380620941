package dev.apprentice.service.error;

/** 413: the request body is larger than this endpoint accepts; it was refused before it was parsed. */
public final class BodyTooLargeException extends ApiException {

    public BodyTooLargeException(long limit, String endpoint) {
        super(413, "body-too-large", "body", "body: " + endpoint + " accepts at most " + limit + " bytes");
    }
}
