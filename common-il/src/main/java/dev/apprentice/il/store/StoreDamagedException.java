package dev.apprentice.il.store;

import java.nio.file.Path;
import java.util.List;

/**
 * Thrown when a store cannot be opened, or sources cannot be erased from it, because of damage no
 * crash explains (a damaged segment other than the last, or a file named like a segment that is
 * not one), so a service can tell it from a locked store, start without the store and point an
 * operator at {@link DemonstrationStore#repair}.
 */
public final class StoreDamagedException extends IllegalStateException {

    private final Path directory;
    private final List<String> segments;

    StoreDamagedException(Path directory, List<String> segments, String message) {
        super(message);
        this.directory = directory;
        this.segments = List.copyOf(segments);
    }

    /** The store's directory. */
    public Path directory() {
        return directory;
    }

    /** The file names of the damaged segments, e.g. {@code segment-00000002.avro}. */
    public List<String> segments() {
        return segments;
    }
}
