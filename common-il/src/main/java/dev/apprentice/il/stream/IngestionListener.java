package dev.apprentice.il.stream;

/**
 * Hears about the ingester's progress: services use it to trigger training when enough new
 * episodes have arrived and to export metrics. Called on the ingester's thread; keep it short.
 */
public interface IngestionListener {

    /** The batch's new records are durable in the store; offsets are not committed yet. */
    default void storeFlushed(int newRecords) {
    }

    /** A batch and its offsets are committed; {@code totals} are the counters after it. */
    default void batchCommitted(IngestStatistics totals) {
    }
}
