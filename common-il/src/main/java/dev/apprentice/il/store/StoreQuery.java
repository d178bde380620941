package dev.apprentice.il.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which stored episodes a training run reads, kept with the result so the model card can say how
 * the data was chosen. Immutable: each {@code with...} returns a new query.
 *
 * <pre>{@code
 * StoreQuery q = StoreQuery.all().withDomain("lane-change").between(monday, friday);
 * }</pre>
 */
public final class StoreQuery {

    private static final StoreQuery ALL = new StoreQuery(null, Collections.emptySortedSet(), null, null, false);

    private final String domain;
    private final SortedSet<String> sources;
    private final Instant from;
    private final Instant to;
    private final boolean includeIncomplete;

    private StoreQuery(String domain, SortedSet<String> sources, Instant from, Instant to,
            boolean includeIncomplete) {
        this.domain = domain;
        this.sources = sources;
        this.from = from;
        this.to = to;
        this.includeIncomplete = includeIncomplete;
    }

    /** Every complete episode of every domain and source. */
    public static StoreQuery all() {
        return ALL;
    }

    /** Only episodes of {@code domain}. */
    public StoreQuery withDomain(String domain) {
        if (domain == null || domain.isBlank()) {
            throw new IllegalArgumentException("domain: expected a domain name, found "
                    + (domain == null ? "null" : "'" + domain + "'"));
        }
        return new StoreQuery(domain, sources, from, to, includeIncomplete);
    }

    /** Only episodes of these sources (experts, drivers, users). */
    public StoreQuery withSources(Set<String> sources) {
        if (sources == null || sources.isEmpty()) {
            throw new IllegalArgumentException("sources: expected at least 1 source, found "
                    + (sources == null ? "null" : "none"));
        }
        SortedSet<String> copy = new TreeSet<>();
        for (String source : sources) {
            if (source == null || source.isBlank()) {
                throw new IllegalArgumentException("sources: expected source ids, found "
                        + (source == null ? "null" : "'" + source + "'") + " in " + sources);
            }
            copy.add(source);
        }
        return new StoreQuery(domain, Collections.unmodifiableSortedSet(copy), from, to, includeIncomplete);
    }

    /** Only episodes whose step 0 was decided at or after {@code fromInclusive} and before {@code toExclusive}. */
    public StoreQuery between(Instant fromInclusive, Instant toExclusive) {
        if (fromInclusive == null || toExclusive == null) {
            throw new IllegalArgumentException("between: expected two instants, found " + fromInclusive + " and "
                    + toExclusive);
        }
        if (!fromInclusive.isBefore(toExclusive)) {
            throw new IllegalArgumentException("between: expected fromInclusive before toExclusive, found "
                    + fromInclusive + " and " + toExclusive);
        }
        return new StoreQuery(domain, sources, fromInclusive, toExclusive, includeIncomplete);
    }

    /**
     * Also episodes without their terminal step or with gaps: their steps from 0 up to the first gap
     * are read as a time-limited episode.
     */
    public StoreQuery includingIncomplete() {
        return new StoreQuery(domain, sources, from, to, true);
    }

    /** The domain asked for, or empty for every domain. */
    public Optional<String> domain() {
        return Optional.ofNullable(domain);
    }

    /** The sources asked for, sorted; empty for every source. */
    public SortedSet<String> sources() {
        return sources;
    }

    /** The inclusive start of the time range, or empty when there is none. */
    public Optional<Instant> from() {
        return Optional.ofNullable(from);
    }

    /** The exclusive end of the time range, or empty when there is none. */
    public Optional<Instant> to() {
        return Optional.ofNullable(to);
    }

    /** Whether incomplete episodes are read as their longest prefix from step 0. */
    public boolean includeIncomplete() {
        return includeIncomplete;
    }

    /**
     * Whether an episode is selected by domain, source and start time; {@code start} is its step 0's
     * event time, or null when step 0 is not stored (such an episode never matches a time range).
     */
    boolean selects(String episodeDomain, String source, Instant start) {
        if (domain != null && !domain.equals(episodeDomain)) {
            return false;
        }
        if (!sources.isEmpty() && !sources.contains(source)) {
            return false;
        }
        if (from == null) {
            return true;
        }
        return start != null && !start.isBefore(from) && start.isBefore(to);
    }

    /** This query as a JSON-ready map for provenance; filters not set are left out. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (domain != null) {
            m.put("domain", domain);
        }
        if (!sources.isEmpty()) {
            m.put("sources", List.copyOf(sources));
        }
        if (from != null) {
            m.put("from", from.toString());
            m.put("to", to.toString());
        }
        m.put("includeIncomplete", includeIncomplete);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoreQuery q && includeIncomplete == q.includeIncomplete && Objects.equals(domain, q.domain)
                && sources.equals(q.sources) && Objects.equals(from, q.from) && Objects.equals(to, q.to);
    }

    @Override
    public int hashCode() {
        return Objects.hash(domain, sources, from, to, includeIncomplete);
    }

    @Override
    public String toString() {
        return "StoreQuery" + toMap();
    }
}
