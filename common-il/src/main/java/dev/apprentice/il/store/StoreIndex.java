package dev.apprentice.il.store;

import java.time.Instant;
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
 *
 * <p>Its memory follows what is stored, never a number a sender picks: per episode about 200 bytes
 * plus its id (source and domain strings are shared between episodes), and per stored step at most
 * 12 bytes ({@link StepSet}); an episode received in order costs nothing per further step.
 */
final class StoreIndex {

    /** An episode's identity, the first two parts of the dedup key. */
    record EpisodeKey(String source, String episode) {
    }

    /** What the index knows of one episode. */
    static final class EpisodeEntry {
        final String domain;
        final StepSet steps = new StepSet();
        int terminalStep = -1;
        Instant start;

        EpisodeEntry(String domain) {
            this.domain = domain;
        }

        boolean complete() {
            return terminalStep >= 0 && steps.isZeroTo(terminalStep);
        }
    }

    /** Records per source; its {@code name} is the one copy of the source id the episode keys share. */
    private static final class SourceTally {
        final String name;
        long records;

        SourceTally(String name) {
            this.name = name;
        }
    }

    private final Map<EpisodeKey, EpisodeEntry> episodes = new HashMap<>();
    private final OffsetTallies offsets = new OffsetTallies();
    private final Map<String, SourceTally> sources = new HashMap<>();
    private final TreeSet<String> domains = new TreeSet<>();
    private long records;
    private String lastDomain;
    private Instant firstEventTime;
    private Instant lastEventTime;

    /** Adds a durable record; returns false, changing nothing, when its key is already indexed. */
    boolean add(IndexedStep s) {
        EpisodeEntry entry = episodes.get(new EpisodeKey(s.source(), s.episode()));
        if (entry != null && entry.steps.contains(s.step())) {
            return false;
        }
        SourceTally source = sources.computeIfAbsent(s.source(), SourceTally::new);
        if (!s.domain().equals(lastDomain)) {
            domains.add(s.domain());
            lastDomain = domains.ceiling(s.domain());
        }
        if (entry == null) {
            entry = new EpisodeEntry(lastDomain);
            episodes.put(new EpisodeKey(source.name, s.episode()), entry);
        }
        entry.steps.add(s.step());
        if (s.terminal() && (entry.terminalStep < 0 || s.step() < entry.terminalStep)) {
            entry.terminalStep = s.step();
        }
        if (s.step() == 0) {
            entry.start = s.eventTime();
        }
        offsets.add(s.topic(), s.partition(), s.offset());
        source.records++;
        records++;
        if (firstEventTime == null || s.eventTime().isBefore(firstEventTime)) {
            firstEventTime = s.eventTime();
        }
        if (lastEventTime == null || s.eventTime().isAfter(lastEventTime)) {
            lastEventTime = s.eventTime();
        }
        return true;
    }

    /** The episode's entry, or null when none of its steps is stored. */
    EpisodeEntry episode(String source, String episode) {
        return episodes.get(new EpisodeKey(source, episode));
    }

    boolean contains(String source, String episode, int step) {
        EpisodeEntry entry = episode(source, episode);
        return entry != null && entry.steps.contains(step);
    }

    /** Per source among {@code sources}, the ids of its stored episodes (a mutable map); sources without any are absent. */
    Map<String, Set<String>> episodesOf(Set<String> sources) {
        Map<String, Set<String>> out = new HashMap<>();
        for (EpisodeKey key : episodes.keySet()) {
            if (sources.contains(key.source())) {
                out.computeIfAbsent(key.source(), s -> new HashSet<>()).add(key.episode());
            }
        }
        return out;
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
        sources.forEach((source, tally) -> sorted.put(source, tally.records));
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
