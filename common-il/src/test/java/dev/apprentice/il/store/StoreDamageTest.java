package dev.apprentice.il.store;

import static dev.apprentice.il.store.ExpertSteps.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damage no crash explains is refused on open, with the segment named, and set right by repair. */
@Tag("reliability")
class StoreDamageTest {

    private static final int STEPS = 5;
    private static final int BLOCKS = 9;

    @TempDir
    Path root;

    /**
     * A store of three segments holding 4, 4 and 1 blocks, each block one complete episode of five
     * steps named {@code s<segment>b<block>}.
     */
    private Path store() throws IOException {
        Path dir = root.resolve("store");
        long offset = 0;
        int[] blocksPerSegment = {4, 4, 1};
        for (int seg = 1; seg <= 3; seg++) {
            for (int b = 1; b <= blocksPerSegment[seg - 1]; b++) {
                // Tiny segments make the first flush start a new segment; huge ones let later flushes append.
                try (DemonstrationStore store = DemonstrationStore.open(dir, new StoreOptions(b == 1 ? 1 : 1L << 40))) {
                    offset = ExpertSteps.append(store, ExpertSteps.ended("alice", "s" + seg + "b" + b, STEPS,
                            T0.plusSeconds(offset)), "demos", 0, offset);
                }
            }
        }
        assertEquals(List.of(5, 5, 2), List.of(blockBounds(Segments.path(dir, 1)).size(),
                blockBounds(Segments.path(dir, 2)).size(), blockBounds(Segments.path(dir, 3)).size()));
        return dir;
    }

    /** Where a segment's header ends, then where each of its blocks ends. */
    private static List<Long> blockBounds(Path segment) throws IOException {
        List<Long> bounds = new ArrayList<>();
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(segment.toFile(), new GenericDatumReader<>())) {
            bounds.add(reader.previousSync());
            while (reader.hasNext()) {
                reader.next();
                if (reader.previousSync() != bounds.get(bounds.size() - 1)) {
                    bounds.add(reader.previousSync());
                }
            }
        }
        return bounds;
    }

    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        return out;
    }

    private static void overwrite(Path file, long at, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(bytes), at);
        }
    }

    /**
     * Opening as writer and as reader both refuse, naming the segment, and change no file; the
     * refused writer releases its lock, or the repair that follows could not take it.
     */
    private static StoreDamagedException refused(Path dir, String segment, String problem) throws IOException {
        Map<String, byte[]> before = contents(dir);
        StoreDamagedException writer = assertThrows(StoreDamagedException.class, () -> DemonstrationStore.open(dir));
        StoreDamagedException reader = assertThrows(StoreDamagedException.class,
                () -> DemonstrationStore.openReadOnly(dir));
        assertEquals(List.of(segment), writer.segments());
        assertEquals(writer.getMessage(), reader.getMessage());
        assertTrue(writer.getMessage().contains(segment + " " + problem), writer.getMessage());
        Map<String, byte[]> after = contents(dir);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name));
        return writer;
    }

    /** Repairs, checks the quarantined copy, reopens and returns the episodes the store still holds. */
    private static List<String> repairAndReopen(Path dir, String segment, byte[] damaged, long recordsKept,
            int blocksKept) throws IOException {
        StoreRepair repair = DemonstrationStore.repair(dir);
        assertEquals(1, repair.segments().size(), repair.toString());
        StoreRepair.RepairedSegment r = repair.segments().get(0);
        assertEquals(segment, r.name());
        assertEquals(dir.resolve(DemonstrationStore.QUARANTINE).resolve(segment), r.quarantinedCopy());
        assertArrayEquals(damaged, Files.readAllBytes(r.quarantinedCopy()), "the copy is the damaged file, untouched");
        assertEquals(damaged.length, r.bytesQuarantined());
        assertEquals(recordsKept, repair.recordsKept());
        assertEquals(blocksKept, r.blocksKept());
        assertEquals(damaged.length - r.bytesKept(), repair.bytesDropped());
        assertTrue(DemonstrationStore.repair(dir).storeWasSound(), "a second repair finds nothing to do");
        List<String> episodes = new ArrayList<>();
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            for (int seg = 1; seg <= 3; seg++) {
                for (int b = 1; b <= 4; b++) {
                    String episode = "s" + seg + "b" + b;
                    if (store.contains("alice", episode, 0)) {
                        episodes.add(episode);
                        for (int t = 0; t < STEPS; t++) {
                            assertTrue(store.contains("alice", episode, t), episode + " is whole");
                        }
                    }
                }
            }
            assertEquals(STEPS * episodes.size(), store.size());
            assertEquals(episodes.size(), store.statistics().completeEpisodes());
        }
        return episodes;
    }

    @Test
    void givenABitFlipInABlockOfAMiddleSegment_whenOpened_thenItIsRefused_andRepairKeepsEveryOtherBlock()
            throws IOException {
        // given: one bit of the size of segment 2's second block flipped
        Path dir = store();
        Path segment = Segments.path(dir, 2);
        long secondBlock = blockBounds(segment).get(1);
        byte[] bytes = Files.readAllBytes(segment);
        overwrite(segment, secondBlock + 1, new byte[] {(byte) (bytes[(int) secondBlock + 1] ^ 0x02)});
        byte[] damaged = Files.readAllBytes(segment);

        // when / then
        refused(dir, "segment-00000002.avro", "cannot be read past byte " + secondBlock + " of " + damaged.length);
        List<String> kept = repairAndReopen(dir, "segment-00000002.avro", damaged, 3 * STEPS, 3);
        assertEquals(List.of("s1b1", "s1b2", "s1b3", "s1b4", "s2b1", "s2b3", "s2b4", "s3b1"), kept,
                "only the damaged block is lost: the blocks after it are found again by their sync marker");
    }

    @Test
    void givenAMiddleSegmentCutInsideABlock_whenOpened_thenItIsRefused_andRepairKeepsItsSoundPrefix()
            throws IOException {
        // given: segment 2 cut in the middle of its third block
        Path dir = store();
        Path segment = Segments.path(dir, 2);
        List<Long> bounds = blockBounds(segment);
        long cut = (bounds.get(2) + bounds.get(3)) / 2;
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(cut);
        }
        byte[] damaged = Files.readAllBytes(segment);

        // when / then
        refused(dir, "segment-00000002.avro", "cannot be read past byte " + bounds.get(2) + " of " + cut);
        assertEquals(List.of("s1b1", "s1b2", "s1b3", "s1b4", "s2b1", "s2b2", "s3b1"),
                repairAndReopen(dir, "segment-00000002.avro", damaged, 2 * STEPS, 2));
    }

    @Test
    void givenAMiddleSegmentWithAnUnreadableHeader_whenOpened_thenItIsRefused_andRepairSetsItAside()
            throws IOException {
        // given: segment 2's magic bytes zeroed
        Path dir = store();
        Path segment = Segments.path(dir, 2);
        overwrite(segment, 0, new byte[4]);
        byte[] damaged = Files.readAllBytes(segment);

        // when / then
        refused(dir, "segment-00000002.avro", "has no readable header, yet later segments exist");
        assertEquals(List.of("s1b1", "s1b2", "s1b3", "s1b4", "s3b1"),
                repairAndReopen(dir, "segment-00000002.avro", damaged, 0, 0));
        assertFalse(Files.exists(segment));
    }

    @Test
    void givenGarbageNamedLikeTheLastSegment_whenOpened_thenItIsRefusedRatherThanDeleted_andRepairSetsItAside()
            throws IOException {
        // given: a file of random bytes named like a fourth segment
        Path dir = store();
        Path garbage = Segments.path(dir, 4);
        byte[] random = new byte[3000];
        new SplittableRandom(9).nextBytes(random);
        random[0] = 'x';
        Files.write(garbage, random);

        // when / then
        refused(dir, "segment-00000004.avro", "is not an Avro segment");
        assertEquals(List.of("s1b1", "s1b2", "s1b3", "s1b4", "s2b1", "s2b2", "s2b3", "s2b4", "s3b1"),
                repairAndReopen(dir, "segment-00000004.avro", random, 0, 0));
        assertFalse(Files.exists(garbage));
    }

    @Test
    void givenASoundStore_whenRepaired_thenNothingChanges() throws IOException {
        // given
        Path dir = store();
        Map<String, byte[]> before = contents(dir);

        // when
        StoreRepair repair = DemonstrationStore.repair(dir);

        // then
        assertTrue(repair.storeWasSound());
        Map<String, byte[]> after = contents(dir);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name));
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            assertEquals(BLOCKS * STEPS, store.size());
        }
    }

    @Test
    void givenAWriterHoldingTheStore_whenRepairIsAttempted_thenItIsRefused() throws IOException {
        Path dir = store();
        try (DemonstrationStore writer = DemonstrationStore.open(dir)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> DemonstrationStore.repair(dir));
            assertTrue(e.getMessage().contains("is already open for writing"), e.getMessage());
        }
    }
}
