package dev.apprentice.il.store;

import static dev.apprentice.il.Rejections.assertRejected;
import static dev.apprentice.il.store.ExpertSteps.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasing sources from the store: only the segments holding them are rewritten, what remains
 * reads, counts and dedups as if the sources had never been stored, and a crash at any point of
 * an erasure is completed by the next open.
 */
class StoreErasureTest {

    private static final Box STATES = Box.uniform(2, -10, 10);
    /** Wide states with room for (t, -t, ...) of long episodes, so that a read decodes far longer than an index scan. */
    private static final Box WIDE_STATES = Box.uniform(64, -10_000, 10_000);
    private static final Discrete ACTIONS = new Discrete(3);
    /** Every flush closes its segment, so each flush below is one segment. */
    private static final StoreOptions SEGMENT_PER_FLUSH = new StoreOptions(1);
    private static final int LENGTH = 4;

    @TempDir
    Path root;

    /**
     * Five segments of four-step episodes with consecutive offsets from 0: [alice e1, bob e1],
     * [carol e1], [bob e2, alice e2], [bob e3], [carol e2].
     */
    private Path threeSources(String name) {
        Path dir = root.resolve(name);
        String[][] flushes = {{"alice", "e1", "bob", "e1"}, {"carol", "e1"}, {"bob", "e2", "alice", "e2"}, {"bob", "e3"},
                {"carol", "e2"}};
        try (DemonstrationStore store = DemonstrationStore.open(dir, SEGMENT_PER_FLUSH)) {
            long offset = 0;
            for (String[] flush : flushes) {
                for (int i = 0; i < flush.length; i += 2) {
                    offset = ExpertSteps.append(store, ExpertSteps.ended(flush[i], flush[i + 1], LENGTH, T0), "demos", 0,
                            offset);
                }
                store.flush();
            }
        }
        return dir;
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private static Map<String, byte[]> segmentContents(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        for (Path segment : Segments.list(dir)) {
            out.put(segment.getFileName().toString(), Files.readAllBytes(segment));
        }
        return out;
    }

    private static void copyStore(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    /** The (source, episode) pairs a read returns. */
    private static Set<String> episodes(StoredDemonstrations read) {
        Set<String> out = new TreeSet<>();
        read.episodeIds().forEach(id -> out.add(id.source() + "/" + id.episode()));
        return out;
    }

    private static final Set<String> WITHOUT_BOB = Set.of("alice/e1", "alice/e2", "carol/e1", "carol/e2");

    @Test
    void erasingOneOfThreeSourcesRewritesOnlyTheSegmentsHoldingItAndForgetsItEverywhere() throws IOException {
        // given: bob's episodes in segments 1, 3 and 4 (segment 4 holds nothing else)
        Path dir = threeSources("three");
        Object second = fileKey(Segments.path(dir, 2));
        Object fifth = fileKey(Segments.path(dir, 5));
        byte[] secondBytes = Files.readAllBytes(Segments.path(dir, 2));

        // when
        StoreErasure erasure;
        StoreStatistics after;
        StoredDemonstrations read;
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            erasure = store.erase(Set.of("bob"));
            after = store.statistics();
            read = store.read(STATES, ACTIONS, StoreQuery.all());
            for (String episode : List.of("e1", "e2", "e3")) {
                for (int t = 0; t < LENGTH; t++) {
                    assertFalse(store.contains("bob", episode, t), episode + " step " + t);
                }
            }
            assertTrue(store.contains("alice", "e2", 3));
        }

        // then: two segments rewritten, one removed, two untouched; bob is gone from reads and statistics
        assertEquals(Map.of("bob", new StoreErasure.ErasedSource(3 * LENGTH, 3)), erasure.sources());
        assertEquals(2, erasure.segmentsRewritten());
        assertEquals(1, erasure.segmentsRemoved());
        assertEquals(List.of(), erasure.quarantinedCopies());
        assertFalse(Files.exists(Segments.path(dir, 4)));
        assertEquals(second, fileKey(Segments.path(dir, 2)), "an unaffected segment is not rewritten");
        assertEquals(fifth, fileKey(Segments.path(dir, 5)));
        assertTrue(Arrays.equals(secondBytes, Files.readAllBytes(Segments.path(dir, 2))));
        assertFalse(Files.exists(dir.resolve(DemonstrationStore.PENDING_ERASURE)));
        assertEquals(WITHOUT_BOB, episodes(read));
        assertEquals(4, after.segments());
        assertEquals(4 * LENGTH, after.durableRecords());
        assertEquals(4, after.episodes());
        assertEquals(4, after.completeEpisodes());
        assertEquals(Set.of("alice", "carol"), after.recordsPerSource().keySet());
        // bob held offsets 4-7, 12-15 and 20-23: no longer counted, though the span still reaches over them
        assertEquals(List.of(new OffsetRange("demos", 0, 0, 27, 16)), after.offsetRanges());
        assertEquals(after.offsetRanges(), read.provenance());
        try (DemonstrationStore reopened = DemonstrationStore.openReadOnly(dir)) {
            StoreStatistics again = reopened.statistics();
            assertEquals(after.durableRecords(), again.durableRecords(), "the rebuilt index matches the files");
            assertEquals(after.recordsPerSource(), again.recordsPerSource());
            assertEquals(after.offsetRanges(), again.offsetRanges());
            assertEquals(after.firstEventTime(), again.firstEventTime());
            assertEquals(0, again.tornSegments());
        }
    }

    @Test
    void erasingSeveralSourcesAndThenAppendingCarriesOnInTheRewrittenLastSegment() {
        // given: a store whose last segment holds carol, appended to by a writer with the default segment size
        Path dir = threeSources("last");

        // when: carol and alice are erased, and a new step follows
        StoreErasure erasure;
        StoreStatistics after;
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            erasure = store.erase(Set.of("carol", "alice", "nobody"));
            ExpertSteps.append(store, ExpertSteps.ended("dave", "e1", LENGTH, T0), "demos", 0, 100);
            store.flush();
            after = store.statistics();
        }

        // then: only bob and dave remain
        assertEquals(Set.of("alice", "carol"), erasure.sources().keySet(), "an unknown source is not reported");
        assertEquals(4 * LENGTH, erasure.steps());
        assertEquals(4, erasure.episodes());
        assertEquals(Set.of("bob", "dave"), after.recordsPerSource().keySet());
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            assertEquals(Set.of("bob/e1", "bob/e2", "bob/e3", "dave/e1"),
                    episodes(store.read(STATES, ACTIONS, StoreQuery.all())));
        }
    }

    @Test
    void anErasureBetweenAppendAndFlushDropsTheSourcesPendingStepsAndKeepsTheOthers() {
        // given: alice and bob stored in the segment the writer has open, then an episode of each
        // appended but not yet flushed
        Path dir = root.resolve("pending");
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            ExpertSteps.append(store, ExpertSteps.ended("alice", "e1", LENGTH, T0), "demos", 0, 0);
            ExpertSteps.append(store, ExpertSteps.ended("bob", "e1", LENGTH, T0), "demos", 0, 10);
            store.flush();
            ExpertSteps.append(store, ExpertSteps.ended("bob", "e2", LENGTH, T0), "demos", 0, 20);
            ExpertSteps.append(store, ExpertSteps.ended("alice", "e2", LENGTH, T0), "demos", 0, 30);

            // when: bob is erased before the flush
            StoreErasure erasure = store.erase(Set.of("bob"));
            store.flush();

            // then: bob's stored and pending steps are gone and never written back; alice's pending
            // steps are not lost, and the flush appended them to the rewritten segment
            assertEquals(Map.of("bob", new StoreErasure.ErasedSource(2 * LENGTH, 2)), erasure.sources());
            assertEquals(1, erasure.segmentsRewritten());
            assertEquals(0, store.pendingCount());
            assertEquals(Set.of("alice/e1", "alice/e2"), episodes(store.read(STATES, ACTIONS, StoreQuery.all())));
        }
        try (DemonstrationStore store = DemonstrationStore.openReadOnly(dir)) {
            StoreStatistics statistics = store.statistics();
            assertEquals(Map.of("alice", 2L * LENGTH), statistics.recordsPerSource());
            assertEquals(1, statistics.segments());
            assertEquals(0, statistics.tornSegments());
        }
    }

    @Test
    void erasedStepsAppendedAgainAreStoredAgainBecauseTheDedupIndexForgotThem() {
        // given: bob erased
        Path dir = threeSources("again");
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            store.erase(Set.of("bob"));

            // when: the same records arrive again (a replay from Kafka, say)
            AppendOutcome outcome = store.append(ExpertSteps.ended("bob", "e1", LENGTH, T0).get(0),
                    new RecordOrigin("demos", 0, 4));
            ExpertSteps.append(store, ExpertSteps.ended("bob", "e1", LENGTH, T0).subList(1, LENGTH), "demos", 0, 5);
            store.flush();

            // then: they are stored, not skipped as duplicates; keeping them out is the caller's job
            assertEquals(AppendOutcome.ACCEPTED, outcome);
            assertTrue(episodes(store.read(STATES, ACTIONS, StoreQuery.all())).contains("bob/e1"));
        }
    }

    @Test
    void erasingAnUnknownSourceChangesNoFile() throws IOException {
        // given
        Path dir = threeSources("unknown");
        Map<String, byte[]> before = segmentContents(dir);
        List<Object> keys = new ArrayList<>();
        for (Path segment : Segments.list(dir)) {
            keys.add(fileKey(segment));
        }

        // when
        StoreErasure erasure;
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            erasure = store.erase(Set.of("nobody"));
        }

        // then
        assertTrue(erasure.erasedNothing());
        assertEquals(0, erasure.segmentsRewritten() + erasure.segmentsRemoved());
        Map<String, byte[]> after = segmentContents(dir);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((name, bytes) -> assertTrue(Arrays.equals(bytes, after.get(name)), name));
        List<Object> keysAfter = new ArrayList<>();
        for (Path segment : Segments.list(dir)) {
            keysAfter.add(fileKey(segment));
        }
        assertEquals(keys, keysAfter);
        assertFalse(Files.exists(dir.resolve(DemonstrationStore.PENDING_ERASURE)));
    }

    @Test
    void aCrashLeavingAnUnfinishedCopyIsCleanedUpAndTheErasureCompletedOnReopen() throws IOException {
        // given: the disk as a crash left it while the first affected segment was being copied: the
        // sources announced, a partial copy beside the segment, every segment still old
        Path dir = threeSources("torn-copy");
        Path first = Segments.path(dir, 1);
        Path copy = first.resolveSibling(first.getFileName() + Segments.ERASING_SUFFIX);
        Files.write(copy, Arrays.copyOf(Files.readAllBytes(first), 200));
        Files.writeString(dir.resolve(DemonstrationStore.PENDING_ERASURE), "bob\n");

        // when
        StoreStatistics reopened;
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            reopened = store.statistics();
            assertEquals(WITHOUT_BOB, episodes(store.read(STATES, ACTIONS, StoreQuery.all())));
        }

        // then: no copy, no announcement, no bob, nothing else lost
        assertFalse(Files.exists(copy));
        assertFalse(Files.exists(dir.resolve(DemonstrationStore.PENDING_ERASURE)));
        assertEquals(Set.of("alice", "carol"), reopened.recordsPerSource().keySet());
        assertEquals(4 * LENGTH, reopened.durableRecords());
        assertEquals(4, reopened.segments());
    }

    @Test
    void aCrashBetweenTwoRenamesOrAfterTheLastBeforeTheIndexRebuildReopensConsistent() throws IOException {
        // given: the same store erased to the end, and two crashes' leftovers built from both: segment 1
        // renamed but not segments 3 and 4; every segment renamed (and 4 removed) but no index rebuilt
        Path before = threeSources("before");
        Path erased = root.resolve("erased");
        copyStore(before, erased);
        try (DemonstrationStore store = DemonstrationStore.open(erased)) {
            store.erase(Set.of("bob"));
        }
        Path betweenRenames = root.resolve("between-renames");
        copyStore(before, betweenRenames);
        Files.copy(Segments.path(erased, 1), Segments.path(betweenRenames, 1),
                StandardCopyOption.REPLACE_EXISTING);
        Path afterRenames = root.resolve("after-renames");
        copyStore(erased, afterRenames);
        for (Path crashed : List.of(betweenRenames, afterRenames)) {
            Files.writeString(crashed.resolve(DemonstrationStore.PENDING_ERASURE), "bob\n", StandardCharsets.UTF_8);
        }
        Map<String, byte[]> erasedSegments = segmentContents(erased);
        Object renamedKey = fileKey(Segments.path(afterRenames, 1));

        for (Path crashed : List.of(betweenRenames, afterRenames)) {
            // when: the writer opens the store
            StoreStatistics reopened;
            Set<String> read;
            try (DemonstrationStore store = DemonstrationStore.open(crashed)) {
                reopened = store.statistics();
                read = episodes(store.read(STATES, ACTIONS, StoreQuery.all()));
            }

            // then: the erasure is complete and the store equals the one erased without a crash
            String name = crashed.getFileName().toString();
            assertEquals(WITHOUT_BOB, read, name);
            assertEquals(Set.of("alice", "carol"), reopened.recordsPerSource().keySet(), name);
            assertEquals(List.of(new OffsetRange("demos", 0, 0, 27, 16)), reopened.offsetRanges(), name);
            assertFalse(Files.exists(crashed.resolve(DemonstrationStore.PENDING_ERASURE)), name);
            Map<String, byte[]> segments = segmentContents(crashed);
            assertEquals(erasedSegments.keySet(), segments.keySet(), name);
        }
        assertEquals(renamedKey, fileKey(Segments.path(afterRenames, 1)),
                "with every rename done, completing the erasure rewrites nothing");
    }

    @Test
    void readsDuringAnErasureSeeTheStoreBeforeOrAfterItNeverAMix() throws Exception {
        // given: bob in the first and the last segment with long, wide episodes of carol between them, so
        // that a read is still decoding carol when an erasure that did not wait would rename both of bob's
        Path dir = root.resolve("concurrent");
        try (DemonstrationStore store = DemonstrationStore.open(dir, SEGMENT_PER_FLUSH)) {
            long offset = ExpertSteps.append(store, wide("bob", "e1", LENGTH), "demos", 0, 0);
            store.flush();
            for (String episode : List.of("e1", "e2", "e3")) {
                offset = ExpertSteps.append(store, wide("carol", episode, 3_000), "demos", 0, offset);
                store.flush();
            }
            ExpertSteps.append(store, wide("bob", "e2", LENGTH), "demos", 0, offset);
        }
        Set<String> before = Set.of("bob/e1", "bob/e2", "carol/e1", "carol/e2", "carol/e3");
        Set<String> after = Set.of("carol/e1", "carol/e2", "carol/e3");
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            AtomicBoolean erased = new AtomicBoolean();
            List<Future<List<Set<String>>>> seen = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                seen.add(readers.submit(() -> {
                    List<Set<String>> views = new ArrayList<>();
                    do {
                        views.add(episodes(store.read(WIDE_STATES, ACTIONS, StoreQuery.all())));
                    } while (!erased.get() || views.size() < 3);
                    return views;
                }));
            }

            // when: bob is erased while the readers read
            Thread.sleep(50);
            store.erase(Set.of("bob"));
            erased.set(true);

            // then: every read saw both of bob's episodes or neither
            for (Future<List<Set<String>>> reader : seen) {
                for (Set<String> view : reader.get()) {
                    assertTrue(view.equals(before) || view.equals(after), view::toString);
                }
            }
        } finally {
            readers.shutdownNow();
        }
    }

    private static List<ExpertStep> wide(String source, String episode, int length) {
        return ExpertSteps.episode("lane-change", source, episode, length, T0, 64, true, true, false, null);
    }

    @Test
    void aReadOnlyInstanceKeepsItsViewUntilReopenedAndSaysSoWhenAReadFails() {
        // given: a read-only instance opened before bob is erased (which removes segment 4)
        Path dir = threeSources("read-only");
        try (DemonstrationStore stale = DemonstrationStore.openReadOnly(dir)) {
            try (DemonstrationStore writer = DemonstrationStore.open(dir)) {
                writer.erase(Set.of("bob"));
            }

            // when / then: its statistics are those it opened with, and a read names the way out
            assertTrue(stale.statistics().recordsPerSource().containsKey("bob"));
            UncheckedIOException failed = assertThrows(UncheckedIOException.class,
                    () -> stale.read(STATES, ACTIONS, StoreQuery.all()));
            assertTrue(failed.getMessage().contains("reopen it"), failed.getMessage());
        }
        try (DemonstrationStore fresh = DemonstrationStore.openReadOnly(dir)) {
            assertEquals(WITHOUT_BOB, episodes(fresh.read(STATES, ACTIONS, StoreQuery.all())));
        }
    }

    @Test
    void erasingNeedsTheWriterAndSourceIds() {
        // given
        Path dir = threeSources("refusals");

        // when / then
        try (DemonstrationStore reader = DemonstrationStore.openReadOnly(dir)) {
            IllegalStateException readOnly = assertThrows(IllegalStateException.class,
                    () -> reader.erase(Set.of("bob")));
            assertTrue(readOnly.getMessage().contains("erasing need the writer"), readOnly.getMessage());
        }
        try (DemonstrationStore writer = DemonstrationStore.open(dir)) {
            assertRejected(() -> writer.erase(null), "sources: expected a set of source ids, found null");
            assertRejected(() -> writer.erase(Set.of("")), "sources: expected source ids, found an empty id");
            assertNotEquals(0, writer.size(), "nothing was erased");
        }
    }
}
