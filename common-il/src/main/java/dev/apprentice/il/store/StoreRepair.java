package dev.apprentice.il.store;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link DemonstrationStore#repair} did, so an operator knows what was set aside and what
 * was lost; an empty list means the store was sound and nothing changed.
 *
 * @param directory the store's directory
 * @param segments the damaged segments, each quarantined and rewritten (or removed)
 */
public record StoreRepair(Path directory, List<RepairedSegment> segments) {

    /**
     * One damaged segment and what became of it.
     *
     * @param name its file name
     * @param damage what was wrong with it
     * @param quarantinedCopy where the untouched copy of it now lies
     * @param bytesQuarantined the copy's size
     * @param bytesKept the size of the rewritten segment (0 when it held no readable block and was removed)
     * @param recordsKept the records in the blocks kept
     * @param blocksKept the whole blocks kept, also those after a damaged stretch
     */
    public record RepairedSegment(String name, String damage, Path quarantinedCopy, long bytesQuarantined,
            long bytesKept, long recordsKept, int blocksKept) {
    }

    public StoreRepair {
        segments = List.copyOf(segments);
    }

    /** Whether nothing needed repairing. */
    public boolean storeWasSound() {
        return segments.isEmpty();
    }

    /** The records kept in the repaired segments. */
    public long recordsKept() {
        return segments.stream().mapToLong(RepairedSegment::recordsKept).sum();
    }

    /** The bytes the repaired segments lost: what is in quarantine but no longer in the store. */
    public long bytesDropped() {
        return segments.stream().mapToLong(s -> s.bytesQuarantined() - s.bytesKept()).sum();
    }
}
