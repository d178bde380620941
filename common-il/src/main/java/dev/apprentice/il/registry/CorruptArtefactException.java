package dev.apprentice.il.registry;

/** A stored policy artefact is truncated, tampered with or not an artefact at all; it is never served. */
public final class CorruptArtefactException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CorruptArtefactException(String message) {
        super(message);
    }

    public CorruptArtefactException(String message, Throwable cause) {
        super(message, cause);
    }
}
