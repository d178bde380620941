package dev.apprentice.il.store;

import static dev.apprentice.il.Rejections.assertRejected;
import static dev.apprentice.il.store.ExpertSteps.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemonstrationStoreTest {

    private static final Box STATES = Box.uniform(2, -10, 10);

    @TempDir
    Path dir;

    @Test
    void storesStepsDurablyAndReadsThemBackAsTrajectories() {
        // given: an episode ended by the environment with a final state, and one cut by a time limit
        Path discreteDir = dir.resolve("discrete");
        Path continuousDir = dir.resolve("continuous");
        try (DemonstrationStore store = DemonstrationStore.open(discreteDir)) {
            ExpertSteps.append(store, ExpertSteps.episode("lane-change", "alice", "e1", 3, T0, 2, true, true, false,
                    new float[] {9, -9}), "demos", 0, 0);
            ExpertSteps.append(store, ExpertSteps.episode("lane-change", "alice", "e2", 2, T0.plusSeconds(60), 2, true,
                    true, true, null), "demos", 0, 3);
        }
        try (DemonstrationStore store = DemonstrationStore.open(continuousDir)) {
            ExpertSteps.append(store, ExpertSteps.episode("arm", "bob", "c1", 4, T0, 2, false, true, false, null),
                    "arm-demos", 2, 100);
        }

        // when: both stores are opened again and read
        StoredDemonstrations discrete;
        StoredDemonstrations continuous;
        try (DemonstrationStore store = DemonstrationStore.open(discreteDir)) {
            discrete = store.read(STATES, new Discrete(3), StoreQuery.all());
        }
        try (DemonstrationStore store = DemonstrationStore.openReadOnly(continuousDir)) {
            continuous = store.read(STATES, Box.uniform(2, -1, 1), StoreQuery.all());
        }

        // then
        assertEquals(2, discrete.episodes());
        assertEquals(5, discrete.demonstrations().size());
        Trajectory ended = discrete.trajectories().get(0);
        assertEquals(3, ended.length());
        assertArrayEquals(new float[] {2, -2}, ended.state(2));
        assertArrayEquals(new float[] {9, -9}, ended.state(3), "the terminal step's final state closes the episode");
        assertArrayEquals(new float[] {2}, ended.action(2));
        assertTrue(ended.terminated());
        Trajectory cut = discrete.trajectories().get(1);
        assertEquals(2, cut.length());
        assertArrayEquals(cut.state(1), cut.state(2), "without a final state the last state is repeated");
        assertFalse(cut.terminated(), "a time-limited episode did not terminate");
        Trajectory arm = continuous.trajectories().get(0);
        assertEquals(4, arm.length());
        assertArrayEquals(new float[] {0.3f, -0.3f}, arm.action(3));
        assertArrayEquals(arm.state(3), arm.state(4));
        assertTrue(arm.terminated());
    }

    @Test
    void aRecreatedTopicsReusedOffsetsAreCountedNotRefused() {
        // given: one episode from a topic's first incarnation, and another from the same topic recreated
        // (an embedded broker restarted on temporary data numbers its records from 0 again)
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            ExpertSteps.append(store, ExpertSteps.ended("alice", "before", 4, T0), "demos", 0, 0);
            ExpertSteps.append(store, ExpertSteps.ended("alice", "after", 4, T0), "demos", 0, 0);
        }

        // when / then: both are kept and the provenance says the offsets were reused, instead of failing
        try (DemonstrationStore store = DemonstrationStore.openReadOnly(dir)) {
            OffsetRange range = store.statistics().offsetRanges().get(0);
            assertEquals(new OffsetRange("demos", 0, 0, 3, 8), range);
            assertTrue(range.offsetsReused());
            assertEquals(Boolean.TRUE, range.toMap().get("offsetsReused"));
            assertEquals(8, store.read(STATES, new Discrete(3), StoreQuery.all()).demonstrations().size());
        }
    }

    @Test
    void skipsDuplicateKeysAcrossReopen() {
        // given: an episode stored once, and one step repeated while still pending
        List<ExpertStep> episode = ExpertSteps.ended("alice", "e1", 4, T0);
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            ExpertSteps.append(store, episode, "demos", 0, 10);
            assertEquals(AppendOutcome.DUPLICATE, store.append(episode.get(1), new RecordOrigin("demos", 0, 99)),
                    "pending duplicate");
        }

        // when: the same steps arrive again from later offsets, as after an ingester restart
        boolean anyAccepted = false;
        long size;
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            for (ExpertStep s : episode) {
                anyAccepted |= store.append(s, new RecordOrigin("demos", 0, 50 + s.step())).accepted();
            }
            size = store.size();
        }

        // then: nothing was stored twice and provenance keeps the first offsets
        assertFalse(anyAccepted);
        assertEquals(4, size);
        try (DemonstrationStore store = DemonstrationStore.openReadOnly(dir)) {
            assertTrue(store.contains("alice", "e1", 3));
            assertFalse(store.contains("alice", "e1", 4));
            assertEquals(4, store.size());
            StoredDemonstrations read = store.read(STATES, new Discrete(3), StoreQuery.all());
            assertEquals(List.of(new OffsetRange("demos", 0, 10, 13, 4)), read.provenance());
        }
    }

    @Test
    void rollsOverToNewSegmentsAtTheConfiguredSize() throws IOException {
        // given: segments closed at 12 000 bytes and batches of about 1 500 bytes
        StoreOptions small = new StoreOptions(12_000);
        long offset = 0;
        try (DemonstrationStore store = DemonstrationStore.open(dir, small)) {
            for (int e = 0; e < 20; e++) {
                offset = ExpertSteps.append(store, ExpertSteps.episode("lane-change", "alice", "e" + e, 12,
                        T0.plusSeconds(60L * e), 8, true, true, false, null), "demos", 0, offset);
                store.flush();
            }
        }

        // when: the store is reopened, appended to and read
        StoreStatistics statistics;
        StoredDemonstrations read;
        try (DemonstrationStore store = DemonstrationStore.open(dir, small)) {
            ExpertSteps.append(store, ExpertSteps.episode("lane-change", "alice", "e20", 12, T0.plusSeconds(1200), 8,
                    true, true, false, null), "demos", 0, offset);
            store.flush();
            statistics = store.statistics();
            read = store.read(Box.uniform(8, -20, 20), new Discrete(3), StoreQuery.all());
        }

        // then: every segment but the last reached the size, numbered in order, and nothing was lost
        List<Path> files = Segments.list(dir);
        assertTrue(files.size() >= 3, "expected several segments, found " + files.size());
        assertEquals(files.size(), statistics.segments());
        for (int i = 0; i < files.size(); i++) {
            assertEquals(String.format("segment-%08d.avro", i + 1), files.get(i).getFileName().toString());
            if (i < files.size() - 1) {
                assertTrue(Files.size(files.get(i)) >= small.segmentBytes(), files.get(i) + " closed too early");
            }
        }
        assertEquals(21 * 12, statistics.durableRecords());
        assertEquals(21, read.episodes());
        assertEquals(List.of(new OffsetRange("demos", 0, 0, 21 * 12 - 1, 21 * 12)), read.provenance());
    }

    @Test
    void readsBySourceAndTimeRange() {
        // given: episodes of two sources (alice's of 3 steps, bob's of 2) and two domains, every hour
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            long offset = 0;
            for (int h = 0; h < 4; h++) {
                Instant start = T0.plus(Duration.ofHours(h));
                offset = ExpertSteps.append(store, ExpertSteps.ended("alice", "a" + h, 3, start), "demos", 0, offset);
                offset = ExpertSteps.append(store, ExpertSteps.ended("bob", "b" + h, 2, start), "demos", 0, offset);
            }
            ExpertSteps.append(store, ExpertSteps.episode("insulin", "carol", "c0", 3, T0, 2, true, true, false, null),
                    "dosing", 0, 0);
            store.flush();

            // when
            StoredDemonstrations alice = store.read(STATES, new Discrete(3), StoreQuery.all().withSources(Set.of("alice")));
            StoredDemonstrations window = store.read(STATES, new Discrete(3),
                    StoreQuery.all().between(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(3))));
            StoredDemonstrations insulin = store.read(STATES, new Discrete(3), StoreQuery.all().withDomain("insulin"));
            IllegalStateException none = assertThrows(IllegalStateException.class, () -> store.read(STATES,
                    new Discrete(3), StoreQuery.all().withSources(Set.of("alice")).between(T0.minusSeconds(7200),
                            T0.minusSeconds(3600))));

            // then: episodes ordered by start time, then source
            assertEquals(4, alice.episodes());
            assertEquals(4, window.episodes(), "alice and bob at hours 1 and 2; the range's end is exclusive");
            assertEquals(1, insulin.episodes());
            assertEquals(List.of(new OffsetRange("dosing", 0, 0, 2, 3)), insulin.provenance());
            assertEquals(List.of(3, 2, 3, 2), window.trajectories().stream().map(Trajectory::length).toList());
            assertEquals(List.of(new OffsetRange("demos", 0, 5, 14, 10)), window.provenance());
            assertTrue(none.getMessage().contains(dir.toAbsolutePath().toString()), none.getMessage());
            assertTrue(none.getMessage().contains("no stored episode matches"), none.getMessage());
        }
    }

    @Test
    void skipsIncompleteEpisodesUnlessAsked() {
        // given: a complete episode, one with a gap, one without its terminal step, one without step 0
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            ExpertSteps.append(store, ExpertSteps.ended("alice", "complete", 3, T0), "demos", 0, 0);
            List<ExpertStep> gap = ExpertSteps.ended("alice", "gap", 4, T0.plusSeconds(10));
            ExpertSteps.append(store, List.of(gap.get(0), gap.get(1), gap.get(3)), "demos", 0, 10);
            ExpertSteps.append(store, ExpertSteps.discrete("alice", "unfinished", 3, T0.plusSeconds(20)), "demos", 0, 20);
            ExpertSteps.append(store, ExpertSteps.ended("alice", "headless", 3, T0.plusSeconds(30)).subList(1, 3),
                    "demos", 0, 30);
            store.flush();

            // when
            StoredDemonstrations completeOnly = store.read(STATES, new Discrete(3), StoreQuery.all());
            StoredDemonstrations withPrefixes = store.read(STATES, new Discrete(3),
                    StoreQuery.all().includingIncomplete());

            // then
            assertEquals(1, completeOnly.episodes());
            assertEquals(3, completeOnly.incompleteSkipped());
            assertEquals(1, store.statistics().completeEpisodes());
            assertEquals(3, withPrefixes.episodes());
            assertEquals(1, withPrefixes.incompleteSkipped(), "without step 0 there is no prefix to read");
            Trajectory gapPrefix = withPrefixes.trajectories().get(1);
            assertEquals(2, gapPrefix.length(), "steps 0 and 1, up to the gap");
            assertArrayEquals(gapPrefix.state(1), gapPrefix.state(2));
            assertFalse(gapPrefix.terminated());
            assertEquals(3, withPrefixes.trajectories().get(2).length());
            assertEquals(List.of(new OffsetRange("demos", 0, 0, 22, 8)), withPrefixes.provenance());
        }
    }

    @Test
    void givenAnEpisodeEndedByItsTerminalStep_whenAStepAfterItOrALowerTerminalStepArrives_thenAppendRefusesIt() {
        // given: episode e1 ended at step 2; episode e2 with steps 0, 1 and 3, not ended
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            ExpertSteps.append(store, ExpertSteps.ended("alice", "e1", 3, T0), "demos", 0, 0);
            List<ExpertStep> e2 = ExpertSteps.discrete("alice", "e2", 4, T0);
            ExpertSteps.append(store, List.of(e2.get(0), e2.get(1), e2.get(3)), "demos", 0, 10);
        }

        // when: after a reopen, steps contradicting each episode's end arrive, and the terminal step repeated
        AppendOutcome afterStoredEnd;
        AppendOutcome lowerTerminal;
        AppendOutcome repeatedEnd;
        AppendOutcome afterPendingEnd;
        AppendOutcome belowPendingStep;
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            afterStoredEnd = store.append(step("e1", 3, false), new RecordOrigin("demos", 0, 20));
            lowerTerminal = store.append(step("e2", 2, true), new RecordOrigin("demos", 0, 21));
            repeatedEnd = store.append(step("e1", 2, true), new RecordOrigin("demos", 0, 22));
            assertEquals(AppendOutcome.ACCEPTED, store.append(step("e2", 4, true), new RecordOrigin("demos", 0, 23)));
            afterPendingEnd = store.append(step("e2", 5, false), new RecordOrigin("demos", 0, 24));
            belowPendingStep = store.append(step("e3", 1, false), new RecordOrigin("demos", 0, 25));
            belowPendingStep = belowPendingStep.accepted()
                    ? store.append(step("e3", 0, true), new RecordOrigin("demos", 0, 26)) : belowPendingStep;
            store.flush();
            assertEquals(1, store.statistics().completeEpisodes(), "e1; e2 lacks step 2, e3 its terminal step");
            assertEquals(3 + 4 + 1, store.size(), "nothing refused was stored");
        }

        // then: each refusal names the field, what was expected and what was found
        assertEquals(AppendOutcome.refused("step: expected at most 2, the terminal step of episode e1 of source"
                + " alice, found 3"), afterStoredEnd);
        assertEquals(AppendOutcome.refused("terminal: expected the terminal step to be the last of episode e2 of"
                + " source alice, found terminal step 2 below step 3 already stored"), lowerTerminal);
        assertEquals(AppendOutcome.DUPLICATE, repeatedEnd);
        assertEquals(AppendOutcome.Kind.REFUSED, afterPendingEnd.kind());
        assertTrue(afterPendingEnd.reason().startsWith("step: expected at most 4,"), afterPendingEnd.reason());
        assertEquals(AppendOutcome.Kind.REFUSED, belowPendingStep.kind());
        assertTrue(belowPendingStep.reason().contains("found terminal step 0 below step 1"), belowPendingStep.reason());
    }

    private static ExpertStep step(String episode, int step, boolean terminal) {
        return new ExpertStep("lane-change", "alice", episode, step, T0.plusSeconds(step), new float[] {0, 0},
                new float[] {1}, true, terminal, false, null, null);
    }

    @Test
    void skipsEpisodesThatDoNotFitTheSpaces() throws IOException {
        // given: a sound episode, one with a state outside the box, and one with a step after its terminal
        // step, which append refuses, so it comes from a segment written before that rule: another
        // store's segment, joined to this one (the store ignores the other store's directory within it)
        Path older = dir.resolve("older");
        try (DemonstrationStore store = DemonstrationStore.open(older)) {
            store.append(new ExpertStep("lane-change", "alice", "overrun", 2, T0.plusSeconds(23), new float[] {0, 0},
                    new float[] {1}, true, false, false, null, null), new RecordOrigin("demos", 0, 22));
        }
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            ExpertSteps.append(store, ExpertSteps.ended("alice", "sound", 3, T0), "demos", 0, 0);
            List<ExpertStep> far = ExpertSteps.ended("alice", "far", 3, T0.plusSeconds(10));
            ExpertStep wide = far.get(1);
            far = List.of(far.get(0), new ExpertStep(wide.domain(), wide.source(), wide.episode(), 1, wide.eventTime(),
                    new float[] {50, 0}, wide.action(), true, false, false, null, null), far.get(2));
            ExpertSteps.append(store, far, "demos", 0, 10);
            List<ExpertStep> overrun = ExpertSteps.ended("alice", "overrun", 2, T0.plusSeconds(20));
            ExpertSteps.append(store, overrun, "demos", 0, 20);
        }
        Files.copy(Segments.path(older, 1), Segments.path(dir, 2));
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {

            // when
            StoredDemonstrations read = store.read(STATES, new Discrete(3), StoreQuery.all());
            IllegalStateException wrongWidth = assertThrows(IllegalStateException.class,
                    () -> store.read(Box.uniform(3, -10, 10), new Discrete(3), StoreQuery.all()));

            // then
            assertEquals(1, read.episodes());
            assertEquals(2, read.invalidSkipped());
            assertEquals(List.of(new OffsetRange("demos", 0, 0, 2, 3)), read.provenance());
            assertTrue(wrongWidth.getMessage().contains("3 are invalid for Box(3) and Discrete(3)"), wrongWidth.getMessage());
            assertTrue(wrongWidth.getMessage().contains("expected 3 values, found 2"), wrongWidth.getMessage());
        }
    }

    @Test
    void givenStoredStepsOutsideTheReadersSpace_whenRead_thenTheErrorSaysWhyWithoutQuotingAValue() {
        // given: an episode whose states reach 2 (t, -t), read as if states were bounded by 1.5
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            ExpertSteps.append(store, ExpertSteps.ended("alice", "wide", 3, T0), "demos", 0, 0);
        }
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {

            // when
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> store.read(Box.uniform(2, -1.5f, 1.5f), new Discrete(3), StoreQuery.all()));

            // then
            assertTrue(refused.getMessage().contains("episode wide of alice: step 2 state[0]: expected a value in"
                    + " [-1.5, 1.5], found one outside it"), refused.getMessage());
            assertFalse(refused.getMessage().contains("2.0"), refused.getMessage());
        }
    }

    @Test
    void recordsOffsetRangesForProvenance() {
        // given: episodes read from two partitions of one topic and from a second topic, and an
        // unfinished episode whose offsets must not count as training data
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            ExpertSteps.append(store, ExpertSteps.ended("alice", "a1", 3, T0), "demos", 1, 500);
            ExpertSteps.append(store, ExpertSteps.ended("bob", "b1", 2, T0.plusSeconds(5)), "demos", 0, 40);
            ExpertSteps.append(store, ExpertSteps.ended("alice", "a2", 2, T0.plusSeconds(9)), "demos", 1, 700);
            ExpertSteps.append(store, ExpertSteps.discrete("bob", "b2", 4, T0.plusSeconds(20)), "demos", 0, 42);
            ExpertSteps.append(store, ExpertSteps.ended("carol", "c1", 2, T0.plusSeconds(30)), "archive", 0, 0);
            store.flush();

            // when
            StoredDemonstrations read = store.read(STATES, new Discrete(3), StoreQuery.all().withDomain("lane-change"));
            StoreStatistics statistics = store.statistics();

            // then: ranges of the records used, sorted by topic and partition
            assertEquals(List.of(new OffsetRange("archive", 0, 0, 1, 2), new OffsetRange("demos", 0, 40, 41, 2),
                    new OffsetRange("demos", 1, 500, 701, 5)), read.provenance());
            assertEquals(List.of(new OffsetRange("archive", 0, 0, 1, 2), new OffsetRange("demos", 0, 40, 45, 6),
                    new OffsetRange("demos", 1, 500, 701, 5)), statistics.offsetRanges());
            Map<String, Object> card = read.provenanceForModelCard();
            assertEquals(dir.toAbsolutePath().toString(), card.get("store"));
            assertEquals(Map.of("domain", "lane-change", "includeIncomplete", false), card.get("query"));
            assertEquals(List.of(Map.of("topic", "archive", "partition", 0, "firstOffset", 0L, "lastOffset", 1L,
                    "records", 2L), Map.of("topic", "demos", "partition", 0, "firstOffset", 40L, "lastOffset", 41L,
                    "records", 2L), Map.of("topic", "demos", "partition", 1, "firstOffset", 500L, "lastOffset", 701L,
                    "records", 5L)), card.get("ranges"));
            assertEquals(4, card.get("episodes"));
            assertEquals(9, card.get("samples"));
            assertEquals(1, card.get("incompleteSkipped"));
        }
    }

    @Test
    void refusesASecondWriter() {
        // given
        try (DemonstrationStore first = DemonstrationStore.open(dir)) {
            // when
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> DemonstrationStore.open(dir));

            // then: the message names the store; a reader may still open it beside the writer
            assertTrue(refused.getMessage().contains(dir.toAbsolutePath().toString()), refused.getMessage());
            assertTrue(refused.getMessage().contains("already open for writing"), refused.getMessage());
            try (DemonstrationStore reader = DemonstrationStore.openReadOnly(dir)) {
                assertEquals(0, reader.size());
            }
        }
        try (DemonstrationStore again = DemonstrationStore.open(dir)) {
            assertFalse(again.isReadOnly(), "the lock is released on close");
        }
    }

    @Test
    void pendingRecordsAreInvisibleUntilFlushed() throws IOException {
        // given
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            ExpertSteps.append(store, ExpertSteps.ended("alice", "e1", 3, T0), "demos", 0, 0);

            // when: before the flush
            boolean seenForDedup = store.contains("alice", "e1", 2);
            long pending = store.pendingCount();
            long durable = store.size();
            assertThrows(IllegalStateException.class, () -> store.read(STATES, new Discrete(3), StoreQuery.all()));
            try (DemonstrationStore reader = DemonstrationStore.openReadOnly(dir)) {
                assertEquals(0, reader.size());
            }
            assertEquals(List.of(), Segments.list(dir), "no segment is created before the first flush");

            // then: after it
            store.flush();
            assertTrue(seenForDedup);
            assertEquals(3, pending);
            assertEquals(0, durable);
            assertEquals(0, store.pendingCount());
            assertEquals(3, store.size());
            assertEquals(1, store.read(STATES, new Discrete(3), StoreQuery.all()).episodes());
            try (DemonstrationStore reader = DemonstrationStore.openReadOnly(dir)) {
                assertEquals(3, reader.size());
                StoreStatistics statistics = reader.statistics();
                assertEquals(1, statistics.segments());
                assertEquals(Map.of("alice", 3L), statistics.recordsPerSource());
                assertEquals(T0, statistics.firstEventTime());
                assertEquals(T0.plusSeconds(2), statistics.lastEventTime());
            }
        }
    }

    @Test
    void refusesWritesWhenReadOnlyOrClosed() {
        // given
        try (DemonstrationStore writer = DemonstrationStore.open(dir)) {
            ExpertSteps.append(writer, ExpertSteps.ended("alice", "e1", 2, T0), "demos", 0, 0);
        }
        DemonstrationStore reader = DemonstrationStore.openReadOnly(dir);
        ExpertStep step = ExpertSteps.ended("alice", "e2", 1, T0).get(0);

        // when
        IllegalStateException append = assertThrows(IllegalStateException.class,
                () -> reader.append(step, new RecordOrigin("demos", 0, 5)));
        IllegalStateException flush = assertThrows(IllegalStateException.class, reader::flush);
        reader.close();
        reader.close();
        IllegalStateException afterClose = assertThrows(IllegalStateException.class, reader::size);

        // then
        assertTrue(append.getMessage().contains("opened read-only"), append.getMessage());
        assertTrue(flush.getMessage().contains("opened read-only"), flush.getMessage());
        assertTrue(afterClose.getMessage().contains("is closed"), afterClose.getMessage());
        assertRejected(() -> DemonstrationStore.openReadOnly(dir.resolve("missing")), "dir: expected an existing store",
                "found nothing");
    }

    @Test
    void readsStayConsistentWhileTheWriterFlushes() throws Exception {
        // given: a writer flushing one episode at a time across small segments, pausing halfway
        // while a second store is opened read-only
        int episodes = 120;
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch snapshotTaken = new CountDownLatch(1);
        try (DemonstrationStore store = DemonstrationStore.open(dir, new StoreOptions(20_000))) {
            ExecutorService writer = Executors.newSingleThreadExecutor();
            Future<?> writing = writer.submit(() -> {
                long offset = 0;
                for (int e = 0; e < episodes; e++) {
                    offset = ExpertSteps.append(store, ExpertSteps.ended("alice", "e" + e, 5, T0.plusSeconds(e)),
                            "demos", 0, offset);
                    store.flush();
                    if (e == episodes / 2 - 1) {
                        halfway.countDown();
                        snapshotTaken.await();
                    }
                }
                return null;
            });
            halfway.await();
            DemonstrationStore midway = DemonstrationStore.openReadOnly(dir);
            snapshotTaken.countDown();

            // when: reads run until the writer is done
            List<Integer> seen = new ArrayList<>();
            while (!writing.isDone()) {
                StoredDemonstrations read = store.read(STATES, new Discrete(3), StoreQuery.all());
                assertEquals(0, read.incompleteSkipped(), "a read never sees half a flush");
                assertEquals(read.demonstrations().size(), read.provenance().get(0).records());
                seen.add(read.episodes());
            }
            writing.get();
            writer.shutdown();

            // then: reads only ever grew, and the read-only store kept what was durable when it opened
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i) >= seen.get(i - 1), "reads never go back: " + seen);
            }
            assertEquals(episodes, store.read(STATES, new Discrete(3), StoreQuery.all()).episodes());
            assertEquals(episodes / 2, midway.read(STATES, new Discrete(3), StoreQuery.all()).episodes());
            assertEquals(episodes / 2 * 5L, midway.size());
            midway.close();
        }
    }
}
