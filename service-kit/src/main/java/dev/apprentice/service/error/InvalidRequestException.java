package dev.apprentice.service.error;

/** 400: the request is malformed or a value is out of range; the message names the field and what was expected. */
public final class InvalidRequestException extends ApiException {

    /** @param message starts with the field, e.g. {@code maxEpisodes: expected ...} */
    public InvalidRequestException(String field, String message) {
        super(400, "invalid-request", field, message.startsWith(field + ":") ? message : field + ": " + message);
    }
}
