package dev.apprentice.anesthesia.ingest;

/** A case file that cannot be imported as it is; the message names the file, line and column to fix. */
public final class CaseFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public CaseFileException(String message) {
        super(message);
    }
}
