package dev.apprentice.il.store;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link DemonstrationStore#erase} removed, so that a service can answer a deletion request
 * with what was deleted and an operator can see what the store had to rewrite.
 *
 * @param directory the store's directory
 * @param sources per source that had steps in the store (stored or pending), what was removed;
 *     a source the store never held is absent
 * @param segmentsRewritten segments rewritten without the sources' steps
 * @param segmentsRemoved segments that held only the sources' steps, deleted
 * @param quarantinedCopies copies of damaged segments that a repair set aside in
 *     {@code quarantine/}: erasure does not read them, and they may hold the sources' steps; delete
 *     them once they are no longer needed
 */
public record StoreErasure(Path directory, SortedMap<String, ErasedSource> sources, int segmentsRewritten,
        int segmentsRemoved, List<Path> quarantinedCopies) {

    /**
     * What one source lost.
     *
     * @param steps its distinct steps removed, durable and pending
     * @param episodes its distinct episodes removed
     */
    public record ErasedSource(long steps, long episodes) {
    }

    public StoreErasure {
        sources = Collections.unmodifiableSortedMap(new TreeMap<>(sources));
        quarantinedCopies = List.copyOf(quarantinedCopies);
    }

    /** Whether the store held nothing of the sources, so that nothing was changed. */
    public boolean erasedNothing() {
        return sources.isEmpty();
    }

    /** The steps removed, over all sources. */
    public long steps() {
        return sources.values().stream().mapToLong(ErasedSource::steps).sum();
    }

    /** The episodes removed, over all sources. */
    public long episodes() {
        return sources.values().stream().mapToLong(ErasedSource::episodes).sum();
    }
}
