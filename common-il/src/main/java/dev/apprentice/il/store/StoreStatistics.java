package dev.apprentice.il.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a {@link DemonstrationStore} holds and what opening it had to repair, for operators and the
 * store's command line.
 *
 * @param segments segment files read
 * @param bytesOnDisk their total size
 * @param durableRecords records on disk, each a distinct (source, episode, step)
 * @param pendingRecords records appended but not yet flushed
 * @param episodes distinct (source, episode) pairs on disk
 * @param completeEpisodes episodes with every step from 0 to a terminal step and none after it
 * @param recordsPerSource durable records per source
 * @param domains the domains on disk
 * @param firstEventTime the earliest event time on disk, or null when the store is empty
 * @param lastEventTime the latest event time on disk, or null when the store is empty
 * @param offsetRanges per topic partition, the offsets on disk
 * @param recoveredSegments segments the writer repaired on opening: torn tails cut off, or segments
 *     without a readable header deleted
 * @param droppedBytes bytes the writer removed in those repairs
 * @param tornSegments for a read-only store: segments read only up to a damaged or unfinished end
 *     (a crash's leftover not yet repaired, or a flush in progress) or skipped for an unreadable
 *     header; 0 for the writer, which repairs them
 */
public record StoreStatistics(int segments, long bytesOnDisk, long durableRecords, long pendingRecords, long episodes,
        long completeEpisodes, SortedMap<String, Long> recordsPerSource, SortedSet<String> domains,
        Instant firstEventTime, Instant lastEventTime, List<OffsetRange> offsetRanges, int recoveredSegments,
        long droppedBytes, int tornSegments) {

    public StoreStatistics {
        recordsPerSource = Collections.unmodifiableSortedMap(new TreeMap<>(recordsPerSource));
        domains = Collections.unmodifiableSortedSet(new TreeSet<>(domains));
        offsetRanges = List.copyOf(offsetRanges);
    }

    /** These statistics as a JSON-ready map; times as ISO-8601 strings, null when the store is empty. */
    public Map<String, Object> toMap() {
        List<Map<String, Object>> ranges = new ArrayList<>(offsetRanges.size());
        for (OffsetRange range : offsetRanges) {
            ranges.add(range.toMap());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("segments", segments);
        m.put("bytesOnDisk", bytesOnDisk);
        m.put("durableRecords", durableRecords);
        m.put("pendingRecords", pendingRecords);
        m.put("episodes", episodes);
        m.put("completeEpisodes", completeEpisodes);
        m.put("recordsPerSource", new LinkedHashMap<>(recordsPerSource));
        m.put("domains", List.copyOf(domains));
        m.put("firstEventTime", firstEventTime == null ? null : firstEventTime.toString());
        m.put("lastEventTime", lastEventTime == null ? null : lastEventTime.toString());
        m.put("offsetRanges", ranges);
        m.put("recoveredSegments", recoveredSegments);
        m.put("droppedBytes", droppedBytes);
        m.put("tornSegments", tornSegments);
        return m;
    }
}
