package dev.apprentice.il.store;

/**
 * How a {@link DemonstrationStore} lays out its files; bounded segments keep a damaged file small
 * and let old data be archived segment by segment.
 *
 * @param segmentBytes the size at which a segment is closed and the next flush starts a new one
 */
public record StoreOptions(long segmentBytes) {

    /** 64 MiB segments. */
    public static final long DEFAULT_SEGMENT_BYTES = 64L * 1024 * 1024;

    public StoreOptions {
        if (segmentBytes <= 0) {
            throw new IllegalArgumentException("segmentBytes: expected a size > 0, found " + segmentBytes);
        }
    }

    /** The defaults: 64 MiB segments. */
    public static StoreOptions defaults() {
        return new StoreOptions(DEFAULT_SEGMENT_BYTES);
    }
}
