package dev.apprentice.il.store;

import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the durable records of a store are, without their floats: per episode the steps present,
 * its terminal step, its start time and domain; per topic partition the offsets. It answers dedup
 * checks, statistics and which episodes a query selects; reads go back to the segment files.
 */
final class StoreIndex {

    /** An episode's identity, the first two parts of the dedup key. */
    record EpisodeKey(String source, String episode) {
    }

    private static final class EpisodeEntry {
        final String domain;
        final BitSet steps = new BitSet();
        int terminalStep = -1;
        Instant start;

        EpisodeEntry(String domain) {
            this.domain = domain;
        }

        boolean complete() {
            return terminalStep >= 0 && steps.nextClearBit(0) > terminalStep && steps.length() == terminalStep + 1;
        }
    }

    private final Map<EpisodeKey, EpisodeEntry> episodes = new HashMap<>();
    private final OffsetTallies offsets = new OffsetTallies();
    private final Map<String, long[]> recordsPerSource = new HashMap<>();
    private final SortedSet<String> domains = new TreeSet<>();
    private long records;
    private String lastDomain;
    private Instant firstEventTime;
    private Instant lastEventTime;

    /** Adds a durable record; returns false, changing nothing, when its key is already indexed. */
    boolean add(IndexedStep s) {
        EpisodeEntry entry = episodes.computeIfAbsent(new EpisodeKey(s.source(), s.episode()),
                k -> new EpisodeEntry(s.domain()));
        if (entry.steps.get(s.step())) {
            return false;
        }
        entry.steps.set(s.step());
        if (s.terminal() && (entry.terminalStep < 0 || s.step() < entry.terminalStep)) {
            entry.terminalStep = s.step();
        }
        if (s.step() == 0) {
            entry.start = s.eventTime();
        }
        offsets.add(s.topic(), s.partition(), s.offset());
        recordsPerSource.computeIfAbsent(s.source(), k -> new long[1])[0]++;
        if (!s.domain().equals(lastDomain)) {
            domains.add(s.domain());
            lastDomain = s.domain();
        }
        records++;
        if (firstEventTime == null || s.eventTime().isBefore(firstEventTime)) {
            firstEventTime = s.eventTime();
        }
        if (lastEventTime == null || s.eventTime().isAfter(lastEventTime)) {
            lastEventTime = s.eventTime();
        }
        return true;
    }

    boolean contains(String source, String episode, int step) {
        EpisodeEntry entry = episodes.get(new EpisodeKey(source, episode));
        return entry != null && step >= 0 && entry.steps.get(step);
    }

    /** The episodes a query selects by domain, source and start time. */
    Set<EpisodeKey> select(StoreQuery query) {
        Set<EpisodeKey> selected = new HashSet<>();
        for (Map.Entry<EpisodeKey, EpisodeEntry> e : episodes.entrySet()) {
            if (query.selects(e.getValue().domain, e.getKey().source(), e.getValue().start)) {
                selected.add(e.getKey());
            }
        }
        return selected;
    }

    long records() {
        return records;
    }

    int episodes() {
        return episodes.size();
    }

    long completeEpisodes() {
        return episodes.values().stream().filter(EpisodeEntry::complete).count();
    }

    SortedMap<String, Long> recordsPerSource() {
        SortedMap<String, Long> sorted = new TreeMap<>();
        recordsPerSource.forEach((source, count) -> sorted.put(source, count[0]));
        return sorted;
    }

    SortedSet<String> domains() {
        return domains;
    }

    Instant firstEventTime() {
        return firstEventTime;
    }

    Instant lastEventTime() {
        return lastEventTime;
    }

    List<OffsetRange> offsetRanges() {
        return offsets.ranges();
    }
}
