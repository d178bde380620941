package dev.apprentice.service.error;

/** 415: a JSON endpoint was sent a body without {@code Content-Type: application/json}. */
public final class UnsupportedContentTypeException extends ApiException {

    public UnsupportedContentTypeException(String found) {
        super(415, "unsupported-media-type", "Content-Type", "Content-Type: expected application/json, found "
                + (found == null ? "none" : "'" + found + "'"));
    }
}
