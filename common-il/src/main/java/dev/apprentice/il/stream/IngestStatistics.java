package dev.apprentice.il.stream;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ingester's counters. Every record consumed in a committed batch is counted once as stored,
 * duplicate or dead-lettered, so {@code consumed == stored + duplicates + deadLettered}. A batch
 * whose offset commit fails is replayed (counted in {@code replays}); records it had already stored
 * then count as duplicates.
 *
 * @param consumed records read in committed batches
 * @param stored records newly stored
 * @param duplicates records whose (source, episode, step) was already stored
 * @param deadLettered records sent to the dead-letter topic
 * @param lag records in the assigned partitions not yet read (-1 before the first poll)
 * @param replays batches aborted and read again after a failed commit
 */
public record IngestStatistics(long consumed, long stored, long duplicates, long deadLettered, long lag, long replays) {

    /** For JSON output and metrics. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("consumed", consumed);
        m.put("stored", stored);
        m.put("duplicates", duplicates);
        m.put("deadLettered", deadLettered);
        m.put("lag", lag);
        m.put("replays", replays);
        return m;
    }
}
