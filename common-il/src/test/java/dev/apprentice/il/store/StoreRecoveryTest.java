package dev.apprentice.il.store;

import static dev.apprentice.il.store.ExpertSteps.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreRecoveryTest {

    /** Wide states, so the last batch spans two Avro blocks (one is written every 64 000 bytes). */
    private static final int WIDTH = 64;
    private static final Box STATES = Box.uniform(WIDTH, -1000, 1000);
    private static final int SMALL_BATCH = 5;
    private static final int LARGE_BATCH = 300;

    @TempDir
    Path root;

    /** The store after three flushes: episodes b1 and b2 of 5 steps, then b3 of 300 steps. */
    private record Pristine(Path dir, Path segment, long afterSecondFlush, long afterThirdFlush) {
    }

    private static List<ExpertStep> batch(String episode, int length, int minute) {
        return ExpertSteps.episode("lane-change", "alice", episode, length, T0.plusSeconds(60L * minute), WIDTH, true,
                true, false, null);
    }

    private Pristine pristine() throws IOException {
        Path dir = root.resolve("pristine");
        long second;
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            ExpertSteps.append(store, batch("b1", SMALL_BATCH, 0), "demos", 0, 0);
            store.flush();
            ExpertSteps.append(store, batch("b2", SMALL_BATCH, 1), "demos", 0, 100);
            store.flush();
            second = store.statistics().bytesOnDisk();
            ExpertSteps.append(store, batch("b3", LARGE_BATCH, 2), "demos", 0, 200);
        }
        Path segment = Segments.path(dir, 1);
        return new Pristine(dir, segment, second, Files.size(segment));
    }

    private Path copy(Pristine pristine, String name) throws IOException {
        Path target = root.resolve(name);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(pristine.dir())) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    private static void truncate(Path file, long length) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(length);
        }
    }

    private static void appendZeros(Path file, int count) throws IOException {
        Files.write(file, new byte[count], StandardOpenOption.APPEND);
    }

    /** Bytes of Avro header (magic, schema, sync marker) at the start of a segment. */
    private static long headerLength(Path segment) throws IOException {
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(segment.toFile(), new GenericDatumReader<>())) {
            return reader.previousSync();
        }
    }

    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                out.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        return out;
    }

    @Test
    void recoversATornTailAndKeepsAppending() throws IOException {
        // given: the last flush torn at several points inside its blocks, or followed by zeros
        Pristine pristine = pristine();
        long start = pristine.afterSecondFlush();
        long end = pristine.afterThirdFlush();
        record Damage(String name, long cutAt, int zeros, boolean lastBatchPartlyKept) {
        }
        List<Damage> damages = List.of(new Damage("cut-in-block-header", start + 1, 0, false),
                new Damage("cut-in-first-block", start + 1000, 0, false),
                new Damage("cut-in-last-block", end - 1, 0, true),
                new Damage("zeros-after-last-block", end, 4096, true));
        for (Damage damage : damages) {
            Path dir = copy(pristine, damage.name());
            Path segment = Segments.path(dir, 1);
            truncate(segment, damage.cutAt());
            appendZeros(segment, damage.zeros());
            long damagedSize = Files.size(segment);

            // when: the writer opens the store, the ingester re-sends the last batch, and it is reopened
            StoreStatistics recovered;
            long kept;
            List<Boolean> lastBatchPresent = new ArrayList<>();
            int accepted = 0;
            try (DemonstrationStore store = DemonstrationStore.open(dir)) {
                recovered = store.statistics();
                kept = store.size();
                for (int t = 0; t < LARGE_BATCH; t++) {
                    lastBatchPresent.add(store.contains("alice", "b3", t));
                }
                for (int i = 0; i < SMALL_BATCH; i++) {
                    assertTrue(store.contains("alice", "b1", i) && store.contains("alice", "b2", i), damage.name());
                }
                long offset = 200;
                for (ExpertStep s : batch("b3", LARGE_BATCH, 2)) {
                    accepted += store.append(s, new RecordOrigin("demos", 0, offset++)).accepted() ? 1 : 0;
                }
            }
            StoreStatistics reopened;
            StoredDemonstrations read;
            try (DemonstrationStore store = DemonstrationStore.open(dir)) {
                reopened = store.statistics();
                read = store.read(STATES, new Discrete(3), StoreQuery.all());
            }

            // then: earlier flushes intact, the damaged batch kept as a prefix, appending works again
            String name = damage.name();
            long keptOfLastBatch = kept - 2 * SMALL_BATCH;
            for (int t = 0; t < LARGE_BATCH; t++) {
                assertEquals(t < keptOfLastBatch, lastBatchPresent.get(t), name + ": step " + t);
            }
            if (damage.zeros() > 0) {
                assertEquals(LARGE_BATCH, keptOfLastBatch, name + ": every flushed record survives");
            } else if (damage.lastBatchPartlyKept()) {
                assertTrue(keptOfLastBatch > 0 && keptOfLastBatch < LARGE_BATCH, name + ": kept " + keptOfLastBatch);
            } else {
                assertEquals(0, keptOfLastBatch, name);
            }
            assertEquals(1, recovered.recoveredSegments(), name);
            assertEquals(damagedSize - recovered.bytesOnDisk(), recovered.droppedBytes(), name);
            assertTrue(recovered.droppedBytes() > 0, name);
            assertFalse(Files.exists(dir.resolve(segment.getFileName() + Segments.RECOVERING_SUFFIX)), name);
            assertEquals(LARGE_BATCH - keptOfLastBatch, accepted, name);
            assertEquals(0, reopened.recoveredSegments(), name + ": the second open finds a clean store");
            assertEquals(2 * SMALL_BATCH + LARGE_BATCH, reopened.durableRecords(), name);
            assertEquals(3, read.episodes(), name);
            assertEquals(List.of(new OffsetRange("demos", 0, 0, 499, 310)), read.provenance(), name);
        }
    }

    @Test
    void deletesASegmentWhoseHeaderWasNeverWritten() throws IOException {
        // given: a crash while the second segment's header was being written, at several points
        Pristine pristine = pristine();
        long header = headerLength(pristine.segment());
        byte[] first = Files.readAllBytes(pristine.segment());
        for (long written : new long[] {0, 3, 10, header - 1}) {
            Path dir = copy(pristine, "header-" + written);
            Path second = Segments.path(dir, 2);
            Files.write(second, Arrays.copyOf(first, (int) written));

            // when
            StoreStatistics statistics;
            try (DemonstrationStore store = DemonstrationStore.open(dir)) {
                statistics = store.statistics();
                ExpertSteps.append(store, batch("b4", SMALL_BATCH, 3), "demos", 0, 500);
            }

            // then: the empty segment is gone and appending carried on in the first one
            assertFalse(Files.exists(second), "written " + written);
            assertEquals(1, statistics.recoveredSegments());
            assertEquals(written, statistics.droppedBytes());
            assertEquals(2 * SMALL_BATCH + LARGE_BATCH, statistics.durableRecords());
            try (DemonstrationStore store = DemonstrationStore.openReadOnly(dir)) {
                assertEquals(1, store.statistics().segments());
                assertEquals(2 * SMALL_BATCH + LARGE_BATCH + SMALL_BATCH, store.size());
            }
        }
    }

    @Test
    void discardsTheCopyLeftByAnInterruptedRepair() throws IOException {
        // given: a crash while a torn segment's sound prefix was being copied, before the rename
        Pristine pristine = pristine();
        Path dir = copy(pristine, "interrupted");
        Path leftover = dir.resolve(Segments.path(dir, 1).getFileName() + Segments.RECOVERING_SUFFIX);
        Files.write(leftover, Arrays.copyOf(Files.readAllBytes(pristine.segment()), 700));

        // when
        long size;
        try (DemonstrationStore reader = DemonstrationStore.openReadOnly(dir)) {
            assertEquals(2 * SMALL_BATCH + LARGE_BATCH, reader.size(), "a reader ignores the copy");
        }
        assertTrue(Files.exists(leftover), "and leaves it in place");
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            size = store.size();
        }

        // then: the writer deletes the copy; the segment it was copied from is intact
        assertFalse(Files.exists(leftover));
        assertEquals(2 * SMALL_BATCH + LARGE_BATCH, size);
    }

    @Test
    void refusesAStoreWhoseEarlierSegmentIsUnreadable() throws IOException {
        // given: two segments, the first with its magic bytes overwritten
        Path dir = root.resolve("store");
        try (DemonstrationStore store = DemonstrationStore.open(dir, new StoreOptions(1))) {
            ExpertSteps.append(store, batch("b1", SMALL_BATCH, 0), "demos", 0, 0);
            store.flush();
            ExpertSteps.append(store, batch("b2", SMALL_BATCH, 1), "demos", 0, 100);
        }
        try (FileChannel ch = FileChannel.open(Segments.path(dir, 1), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[4]), 0);
        }

        // when
        IllegalStateException writer = assertThrows(IllegalStateException.class, () -> DemonstrationStore.open(dir));
        IllegalStateException again = assertThrows(IllegalStateException.class, () -> DemonstrationStore.open(dir));
        IllegalStateException reader = assertThrows(IllegalStateException.class,
                () -> DemonstrationStore.openReadOnly(dir));

        // then: nothing is deleted, and the refused writer released its lock
        assertTrue(writer.getMessage().contains("segment-00000001.avro has no readable header"), writer.getMessage());
        assertEquals(writer.getMessage(), again.getMessage());
        assertEquals(writer.getMessage(), reader.getMessage());
        assertTrue(Files.exists(Segments.path(dir, 1)));
    }

    @Test
    void readOnlyOpenDoesNotModifyATornStore() throws IOException {
        // given: a torn last block in the last segment (a torn segment followed by another is damage
        // no crash explains, refused by readers too)
        Pristine pristine = pristine();
        Path dir = copy(pristine, "torn");
        truncate(Segments.path(dir, 1), pristine.afterThirdFlush() - 1);
        Map<String, byte[]> before = contents(dir);

        // when
        StoreStatistics statistics;
        StoredDemonstrations read;
        try (DemonstrationStore store = DemonstrationStore.openReadOnly(dir)) {
            statistics = store.statistics();
            read = store.read(STATES, new Discrete(3), StoreQuery.all());
            assertThrows(IllegalStateException.class, store::flush);
        }
        Map<String, byte[]> after = contents(dir);

        // then: the reader stopped at the tears, counted them, and left every byte in place
        assertEquals(1, statistics.tornSegments());
        assertEquals(0, statistics.recoveredSegments());
        assertTrue(statistics.durableRecords() > 2 * SMALL_BATCH
                && statistics.durableRecords() < 2 * SMALL_BATCH + LARGE_BATCH, "" + statistics.durableRecords());
        assertEquals(2, read.episodes());
        assertEquals(1, read.incompleteSkipped());
        assertEquals(before.keySet(), after.keySet());
        for (String name : before.keySet()) {
            assertArrayEquals(before.get(name), after.get(name), name);
        }
        try (DemonstrationStore writer = DemonstrationStore.open(dir)) {
            assertEquals(1, writer.statistics().recoveredSegments(), "the writer repairs what the reader left");
            assertEquals(statistics.durableRecords(), writer.size());
        }
    }

    @Test
    void readsSegmentsWrittenWithTheFirstEnvelopeAndAppendsToANewSegment() throws IOException {
        // given: a segment written before timeLimited, finalState and metadata existed
        Path dir = root.resolve("v1");
        Files.createDirectories(dir);
        Schema v1 = storedWithEnvelope("v1.avsc");
        Schema envelope = v1.getField("demonstration").schema();
        try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(v1))) {
            writer.create(v1, Segments.path(dir, 1).toFile());
            for (int t = 0; t < 3; t++) {
                GenericRecord d = new GenericData.Record(envelope);
                d.put("domain", "lane-change");
                d.put("source", "alice");
                d.put("episode", "old");
                d.put("step", t);
                d.put("eventTime", T0.toEpochMilli() + 1000L * t);
                d.put("state", List.of((float) t, (float) -t));
                d.put("action", t % 3);
                d.put("terminal", t == 2);
                GenericRecord r = new GenericData.Record(v1);
                r.put("demonstration", d);
                r.put("topic", "demos");
                r.put("partition", 0);
                r.put("offset", (long) t);
                r.put("storedAt", T0.toEpochMilli());
                writer.append(r);
            }
        }

        // when: the current store opens it, appends and reads
        StoredDemonstrations read;
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            ExpertSteps.append(store, ExpertSteps.ended("alice", "new", 2, T0.plusSeconds(60)), "demos", 0, 3);
            store.flush();
            read = store.read(Box.uniform(2, -10, 10), new Discrete(3), StoreQuery.all());
        }

        // then: the old records decode with the new fields' defaults, and new records went to a new
        // segment rather than into a file whose header declares the old schema
        assertEquals(2, read.episodes());
        assertTrue(read.trajectories().get(0).terminated(), "timeLimited defaults to false");
        assertArrayEquals(new float[] {2, -2}, read.trajectories().get(0).state(3), "no final state: s_k repeated");
        assertEquals(List.of(Segments.path(dir, 1), Segments.path(dir, 2)), Segments.list(dir));
        assertEquals(List.of(new OffsetRange("demos", 0, 0, 4, 5)), read.provenance());
    }

    /** The stored-record schema wrapped around an envelope version from the shipped schema history. */
    private static Schema storedWithEnvelope(String version) throws IOException {
        String envelope;
        try (InputStream in = StoreRecoveryTest.class.getResourceAsStream(
                "/avro-history/dev.apprentice.il.stream.schema.Demonstration/" + version)) {
            envelope = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"StoredDemonstration\","
                + " \"namespace\": \"dev.apprentice.il.stream.schema\", \"fields\": ["
                + "{\"name\": \"demonstration\", \"type\": " + envelope + "},"
                + "{\"name\": \"topic\", \"type\": \"string\"},"
                + "{\"name\": \"partition\", \"type\": \"int\"},"
                + "{\"name\": \"offset\", \"type\": \"long\"},"
                + "{\"name\": \"storedAt\", \"type\": {\"type\": \"long\", \"logicalType\": \"timestamp-millis\"}}]}");
    }
}
