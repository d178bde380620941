package dev.apprentice.il.stream;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ingester's counters. Every record consumed in a committed batch is counted once as stored,
 * duplicate or dead-lettered, so {@code consumed == stored + duplicates + deadLettered}. A batch
 * whose offset commit fails is replayed (counted in {@code replays}): what it had stored is taken
 * back out of the store first (counted in {@code rolledBack}), since its records may be read again
 * by another replica.
 *
 * @param consumed records read in committed batches
 * @param stored records newly stored
 * @param duplicates records whose (source, episode, step) was already stored
 * @param deadLettered records sent to the dead-letter topic
 * @param lag records in the assigned partitions not yet read (-1 before the first poll)
 * @param replays batches aborted and read again after a failed commit
 * @param rolledBack steps taken back out of the store because their batch's commit did not happen
 *     (in this run, or in the run before it that a crash ended)
 */
public record IngestStatistics(long consumed, long stored, long duplicates, long deadLettered, long lag, long replays,
        long rolledBack) {

    /** For JSON output and metrics. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("consumed", consumed);
        m.put("stored", stored);
        m.put("duplicates", duplicates);
        m.put("deadLettered", deadLettered);
        m.put("lag", lag);
        m.put("replays", replays);
        m.put("rolledBack", rolledBack);
        return m;
    }
}
