package dev.apprentice.il.store;

import static dev.apprentice.il.Rejections.assertRejected;
import static dev.apprentice.il.store.ExpertSteps.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoreQueryTest {

    @Test
    void describesItselfForProvenanceWithOnlyTheFiltersSet() {
        // given
        StoreQuery query = StoreQuery.all().withDomain("lane-change").withSources(Set.of("bob", "alice"))
                .between(T0, T0.plusSeconds(3600)).includingIncomplete();

        // when
        Map<String, Object> map = query.toMap();

        // then
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("domain", "lane-change");
        expected.put("sources", List.of("alice", "bob"));
        expected.put("from", "2025-03-03T08:00:00Z");
        expected.put("to", "2025-03-03T09:00:00Z");
        expected.put("includeIncomplete", true);
        assertEquals(expected, map);
        assertEquals(Map.of("includeIncomplete", false), StoreQuery.all().toMap());
        assertNotEquals(StoreQuery.all(), query);
        assertEquals(StoreQuery.all().withDomain("lane-change"), StoreQuery.all().withDomain("lane-change"));
    }

    @Test
    void selectsEpisodesByDomainSourceAndStartOfStepZero() {
        // given
        StoreQuery query = StoreQuery.all().withDomain("insulin").withSources(Set.of("alice"))
                .between(T0, T0.plusSeconds(60));

        // then: the range includes its start and excludes its end; no step 0 means no start time
        assertTrue(query.selects("insulin", "alice", T0));
        assertFalse(query.selects("insulin", "alice", T0.plusSeconds(60)));
        assertFalse(query.selects("insulin", "alice", null));
        assertFalse(query.selects("insulin", "bob", T0));
        assertFalse(query.selects("lane-change", "alice", T0));
        assertTrue(StoreQuery.all().selects("anything", "anyone", null));
    }

    @Test
    void rejectsFiltersThatSelectNothingByConstruction() {
        assertRejected(() -> StoreQuery.all().withDomain(" "), "domain: expected a domain name, found ' '");
        assertRejected(() -> StoreQuery.all().withSources(Set.of()), "sources: expected at least 1 source, found none");
        assertRejected(() -> StoreQuery.all().between(T0, T0), "expected fromInclusive before toExclusive",
                T0.toString());
        assertRejected(() -> StoreQuery.all().between(null, Instant.EPOCH), "between: expected two instants");
    }

    @Test
    void rejectsOriginsRangesAndOptionsOutOfBounds() {
        assertRejected(() -> new RecordOrigin("", 0, 0), "topic: expected a topic name, found ''");
        assertRejected(() -> new RecordOrigin("demos", -1, 0), "partition: expected a partition >= 0, found -1");
        assertRejected(() -> new RecordOrigin("demos", 0, -5), "offset: expected an offset >= 0, found -5");
        assertRejected(() -> new OffsetRange("demos", 0, 10, 9, 1), "lastOffset: expected an offset >= firstOffset 10",
                "found 9");
        assertRejected(() -> new OffsetRange("demos", 0, 10, 12, 0), "records: expected at least 1 record", "found 0");
        assertRejected(() -> new StoreOptions(0), "segmentBytes: expected a size > 0, found 0");
        assertEquals(64L * 1024 * 1024, StoreOptions.defaults().segmentBytes());
    }
}
