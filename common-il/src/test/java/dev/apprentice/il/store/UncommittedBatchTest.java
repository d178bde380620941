package dev.apprentice.il.store;

import static dev.apprentice.il.store.ExpertSteps.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch flushed before its Kafka commit: kept when the commit is confirmed, taken out again by a
 * roll-back (also after a crash, after an erasure rewrote its segment, and across segments), and
 * a damaged record of it refused at open and quarantined by repair.
 */
class UncommittedBatchTest {

    private static final String TOPIC = "lane-change.demonstrations";

    @TempDir
    Path root;

    private static List<UncommittedBatch.Span> span(int partition, long first, long last) {
        return List.of(new UncommittedBatch.Span(TOPIC, partition, first, last));
    }

    @Test
    void aCommittedBatchStaysAndARolledBackOneLeavesTheStoreAsBeforeIt() {
        try (DemonstrationStore store = DemonstrationStore.open(root.resolve("s"))) {
            // given a committed batch of 8 steps (offsets 0-7 of partition 0)
            ExpertSteps.append(store, ExpertSteps.ended("alice", "e1", 8, T0), TOPIC, 0, 0);
            store.flushUncommitted("b1", span(0, 0, 7));
            assertEquals("b1", store.uncommittedBatch().orElseThrow().id());
            store.commitBatch("b1");
            assertTrue(store.uncommittedBatch().isEmpty());
            assertFalse(Files.exists(root.resolve("s").resolve(DemonstrationStore.UNCOMMITTED_BATCH)));

            // when the next batch (offsets 8-13: bob's episode) is flushed and then rolled back
            ExpertSteps.append(store, ExpertSteps.ended("bob", "e1", 6, T0), TOPIC, 0, 8);
            store.flushUncommitted("b2", span(0, 8, 13));
            assertEquals(14, store.size());
            assertThrows(IllegalStateException.class, () -> store.flushUncommitted("b3", span(0, 14, 14)),
                    "a second batch before the first is settled");
            assertThrows(IllegalStateException.class, () -> store.commitBatch("other"));
            assertEquals(6, store.rollBackUncommitted());

            // then only the committed batch is stored, and bob's steps are new again
            assertEquals(8, store.size());
            assertFalse(store.contains("bob", "e1", 0));
            assertTrue(store.contains("alice", "e1", 7));
            assertEquals(AppendOutcome.Kind.ACCEPTED, store.append(ExpertSteps.ended("bob", "e1", 6, T0).get(0),
                    new RecordOrigin(TOPIC, 1, 0)).kind());
        }
    }

    @Test
    void aCrashAfterTheFlushLeavesTheBatchUncommittedForTheNextOpenToSettle() {
        Path dir = root.resolve("crash");
        DemonstrationStore first = DemonstrationStore.open(dir);
        ExpertSteps.append(first, ExpertSteps.ended("alice", "e1", 5, T0), TOPIC, 2, 100);
        first.flushUncommitted("crashed", span(2, 100, 104));
        // a crash: the writer never says whether the commit happened (closing only releases the lock)
        first.close();

        try (DemonstrationStore reopened = DemonstrationStore.open(dir)) {
            assertEquals("crashed", reopened.uncommittedBatch().orElseThrow().id());
            assertEquals(5, reopened.size(), "its steps are durable until it is settled");
            assertEquals(5, reopened.rollBackUncommitted());
            assertEquals(0, reopened.size());
        }
        try (DemonstrationStore again = DemonstrationStore.open(dir)) {
            assertTrue(again.uncommittedBatch().isEmpty());
            assertEquals(0, again.size());
        }
    }

    @Test
    void aRollBackFindsTheBatchAcrossSegmentsAndAfterAnErasureRewroteThem() {
        Path dir = root.resolve("segments");
        // one-byte segments: every flush closes its segment
        try (DemonstrationStore store = DemonstrationStore.open(dir, new StoreOptions(1))) {
            ExpertSteps.append(store, ExpertSteps.ended("alice", "e1", 4, T0), TOPIC, 0, 0);
            ExpertSteps.append(store, ExpertSteps.ended("carol", "e1", 4, T0), TOPIC, 1, 0);
            store.flush();
            ExpertSteps.append(store, ExpertSteps.ended("alice", "e2", 4, T0), TOPIC, 0, 4);
            ExpertSteps.append(store, ExpertSteps.ended("bob", "e1", 4, T0), TOPIC, 1, 4);
            store.flushUncommitted("b", List.of(new UncommittedBatch.Span(TOPIC, 0, 4, 7),
                    new UncommittedBatch.Span(TOPIC, 1, 4, 7)));
            // an erasure of alice rewrites both segments while the batch is uncommitted
            store.erase(Set.of("alice"));
            assertEquals(8, store.size());

            assertEquals(4, store.rollBackUncommitted(), "bob's steps; alice's were erased already");
            assertEquals(4, store.size());
            assertTrue(store.contains("carol", "e1", 3));
            assertFalse(store.contains("bob", "e1", 0));
        }
    }

    @Test
    void aDamagedBatchRecordIsRefusedAtOpenAndQuarantinedByRepair() throws Exception {
        Path dir = root.resolve("damaged");
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            ExpertSteps.append(store, ExpertSteps.ended("alice", "e1", 3, T0), TOPIC, 0, 0);
            store.flush();
        }
        Files.writeString(dir.resolve(DemonstrationStore.UNCOMMITTED_BATCH), "batch x\nsegment one\n",
                StandardCharsets.UTF_8);
        StoreDamagedException refused = assertThrows(StoreDamagedException.class, () -> DemonstrationStore.open(dir));
        assertTrue(refused.getMessage().contains("segment one"), refused.getMessage());

        DemonstrationStore.repair(dir);
        assertTrue(Files.exists(dir.resolve(DemonstrationStore.QUARANTINE).resolve(DemonstrationStore.UNCOMMITTED_BATCH)));
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            assertTrue(store.uncommittedBatch().isEmpty());
            assertEquals(3, store.size());
        }
    }

    @Test
    void batchIdsAndSpansAreCheckedAndSurviveTheirDurableForm() {
        UncommittedBatch b = new UncommittedBatch("id-1", 3, List.of(new UncommittedBatch.Span(TOPIC, 2, 10, 20)));
        assertEquals(b, UncommittedBatch.decode(b.encode()));
        assertTrue(b.covers(TOPIC, 2, 10) && b.covers(TOPIC, 2, 20));
        assertFalse(b.covers(TOPIC, 2, 21) || b.covers(TOPIC, 1, 15) || b.covers("other", 2, 15));
        assertThrows(IllegalArgumentException.class, () -> new UncommittedBatch("has space", 1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new UncommittedBatch("x", 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new UncommittedBatch.Span(TOPIC, 0, 5, 4));
        assertThrows(IllegalArgumentException.class, () -> UncommittedBatch.decode("batch x\nsegment 1\nspan t 0 9\n"));
    }
}
