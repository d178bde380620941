package dev.apprentice.service.error;

/** 415: an endpoint was sent a body without the {@code Content-Type} it reads ({@code application/json}, or a file type). */
public final class UnsupportedContentTypeException extends ApiException {

    /** A JSON endpoint was sent something else. */
    public UnsupportedContentTypeException(String found) {
        this("application/json", found);
    }

    /** An endpoint reading {@code expected} was sent something else. */
    public UnsupportedContentTypeException(String expected, String found) {
        super(415, "unsupported-media-type", "Content-Type", "Content-Type: expected " + expected + ", found "
                + (found == null ? "none" : "'" + found + "'"));
    }
}
