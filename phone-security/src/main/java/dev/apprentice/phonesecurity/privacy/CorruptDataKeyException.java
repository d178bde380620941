package dev.apprentice.phonesecurity.privacy;

import java.nio.file.Path;

/**
 * A user's key file exists but cannot be used (damaged, truncated, or wrapped with another master
 * key): reported for that user alone, naming the file, so that the rest of the ring keeps working.
 */
public final class CorruptDataKeyException extends IllegalStateException {

    CorruptDataKeyException(Path file, String problem) {
        super("data key file " + file + ": " + problem);
    }
}
