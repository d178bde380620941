package dev.apprentice.starcraft.replay.mpq;

import static dev.apprentice.starcraft.replay.mpq.SyntheticArchive.COMPRESS;
import static dev.apprentice.starcraft.replay.mpq.SyntheticArchive.ENCRYPTED;
import static dev.apprentice.starcraft.replay.mpq.SyntheticArchive.EXISTS;
import static dev.apprentice.starcraft.replay.mpq.SyntheticArchive.FIX_KEY;
import static dev.apprentice.starcraft.replay.mpq.SyntheticArchive.IMPLODE;
import static dev.apprentice.starcraft.replay.mpq.SyntheticArchive.SECTOR_CRC;
import static dev.apprentice.starcraft.replay.mpq.SyntheticArchive.SINGLE_UNIT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.starcraft.replay.mpq.SyntheticArchive.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader against archives built here, covering the storage variants and refusals the real replays never use. */
class MpqArchiveTest {

    /** Compressible and incompressible stretches, so a sectored file has both compressed and raw sectors. */
    private static byte[] content(int length, long seed) {
        byte[] bytes = new byte[length];
        Random random = new Random(seed);
        for (int i = 0; i < length; i++) {
            bytes[i] = (i / 700) % 2 == 0 ? (byte) ('a' + i % 7) : (byte) random.nextInt();
        }
        return bytes;
    }

    static Stream<Arguments> storageVariants() {
        List<Arguments> variants = new ArrayList<>();
        int[] layouts = {0, SINGLE_UNIT, SECTOR_CRC};
        int[] keys = {0, ENCRYPTED, ENCRYPTED | FIX_KEY};
        for (Method method : Method.values()) {
            for (int layout : layouts) {
                for (int key : keys) {
                    if (method == Method.NONE && layout == SECTOR_CRC) {
                        continue;
                    }
                    variants.add(Arguments.of(method, layout | key, describe(layout | key)));
                }
            }
        }
        return variants.stream();
    }

    private static String describe(int flags) {
        List<String> words = new ArrayList<>();
        words.add((flags & SINGLE_UNIT) != 0 ? "single unit" : "sectors");
        if ((flags & SECTOR_CRC) != 0) {
            words.add("with CRCs");
        }
        if ((flags & ENCRYPTED) != 0) {
            words.add((flags & FIX_KEY) != 0 ? "encrypted with the fixed key" : "encrypted");
        }
        return String.join(", ", words);
    }

    @ParameterizedTest(name = "{0}, {2}")
    @MethodSource("storageVariants")
    void readsFilesInEveryStorageVariantBackToTheirContent(Method method, int flags, String description) {
        byte[] large = content(2500, 1);
        byte[] small = content(300, 2);
        byte[] archive = new SyntheticArchive()
                .file("data\\large.bin", large, method, flags)
                .file("small.bin", small, method, flags)
                .file("empty.bin", new byte[0], method, flags)
                .build();

        MpqArchive mpq = MpqArchive.open(archive);

        assertArrayEquals(large, mpq.read("data\\large.bin"));
        assertArrayEquals(small, mpq.read("small.bin"));
        assertArrayEquals(new byte[0], mpq.read("empty.bin"));
        assertEquals(2500, mpq.fileSize("data\\large.bin"));
    }

    @Test
    void findsNamesWhateverTheirCaseAndSlashes() {
        byte[] archive = new SyntheticArchive().file("Maps\\Replay.Details", content(10, 3), Method.NONE, 0).build();

        MpqArchive mpq = MpqArchive.open(archive);

        assertTrue(mpq.contains("maps/replay.details"));
        assertEquals(10, mpq.read("MAPS\\REPLAY.DETAILS").length);
    }

    @Test
    void exposesTheUserDataAsStoredAndNoneWithoutIt() {
        byte[] header = "a versioned replay header".getBytes(StandardCharsets.US_ASCII);

        byte[] withUserData = new SyntheticArchive().userData(header).file("a", content(5, 4), Method.NONE, 0).build();
        byte[] without = new SyntheticArchive().file("a", content(5, 4), Method.NONE, 0).build();

        assertArrayEquals(header, MpqArchive.open(withUserData).userData().orElseThrow());
        assertArrayEquals(content(5, 4), MpqArchive.open(withUserData).read("a"));
        assertTrue(MpqArchive.open(without).userData().isEmpty());
    }

    @Test
    void listsTheListedFilesThatExistAndNothingElse() {
        byte[] listfile = "replay.details\r\nreplay.missing\r\n\r\nreplay.initData\nreplay.details\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] archive = new SyntheticArchive()
                .file("replay.details", content(40, 5), Method.ZLIB, 0)
                .file("replay.initData", content(40, 6), Method.BZIP2, 0)
                .file("(listfile)", listfile, Method.ZLIB, ENCRYPTED | FIX_KEY)
                .build();

        assertEquals(List.of("replay.details", "replay.initData"), MpqArchive.open(archive).list());
    }

    @Test
    void listsNothingWithoutAListfile() {
        byte[] archive = new SyntheticArchive().file("replay.details", content(40, 5), Method.ZLIB, 0).build();

        assertEquals(List.of(), MpqArchive.open(archive).list());
    }

    @Test
    void findsFilesBehindCollisionsAndDeletedEntriesInAFullHashTable() {
        SyntheticArchive builder = new SyntheticArchive().hashTableEntries(8);
        for (int i = 0; i < 8; i++) {
            builder.file("file" + i, content(20 + i, i), Method.NONE, 0);
        }

        MpqArchive mpq = MpqArchive.open(builder.build());

        for (int i = 0; i < 8; i++) {
            assertArrayEquals(content(20 + i, i), mpq.read("file" + i));
        }
        assertFalse(mpq.contains("file8"));
    }

    @Test
    void treatsABlockWithoutTheExistsFlagAsAbsent() {
        byte[] archive = new SyntheticArchive().stored("gone", 4, 0, offset -> new byte[4]).build();

        MpqArchive mpq = MpqArchive.open(archive);

        assertFalse(mpq.contains("gone"));
        assertThrows(MpqException.class, () -> mpq.read("gone"));
    }

    @Test
    void refusesToReadAMissingFileByName() {
        MpqArchive mpq = MpqArchive.open(new SyntheticArchive().file("a", content(5, 4), Method.NONE, 0).build());

        assertFalse(mpq.contains("replay.tracker.events"));
        MpqException e = assertThrows(MpqException.class, () -> mpq.read("replay.tracker.events"));
        assertTrue(e.getMessage().contains("'replay.tracker.events'"), e.getMessage());
    }

    @ParameterizedTest(name = "mask 0x{0}")
    @ValueSource(ints = {0x01, 0x08, 0x12, 0x22, 0x40, 0x00})
    void refusesCompressionMasksOtherThanZlibAndBzip2Naming(int mask) {
        byte[] stored = new byte[50];
        stored[0] = (byte) mask;
        byte[] archive = new SyntheticArchive()
                .stored("odd", 200, EXISTS | COMPRESS | SINGLE_UNIT, offset -> stored).build();

        MpqException e = assertThrows(MpqException.class, () -> MpqArchive.open(archive).read("odd"));

        assertTrue(e.getMessage().contains(String.format("mask 0x%02X (%s)", mask, MpqCompression.describe(mask))),
                e.getMessage());
        assertTrue(e.getMessage().contains("'odd'"), e.getMessage());
    }

    @Test
    void namesTheMethodsOfAMask() {
        assertEquals("LZMA", MpqCompression.describe(0x12));
        assertEquals("PKWARE implode", MpqCompression.describe(0x08));
        assertEquals("zlib+ADPCM mono", MpqCompression.describe(0x42));
    }

    @Test
    void refusesImplodedFilesAsUnsupported() {
        byte[] archive = new SyntheticArchive()
                .stored("imploded", 200, EXISTS | IMPLODE | SINGLE_UNIT, offset -> new byte[60]).build();

        MpqException e = assertThrows(MpqException.class, () -> MpqArchive.open(archive).read("imploded"));

        assertTrue(e.getMessage().contains("PKWARE-imploded"), e.getMessage());
    }

    @Test
    void refusesADeclaredFileSizeAboveTheConfiguredLimit() {
        byte[] archive = new SyntheticArchive().file("big", content(3000, 7), Method.ZLIB, 0).build();

        MpqArchive mpq = MpqArchive.open(archive, 2000);

        assertTrue(mpq.contains("big"));
        MpqException e = assertThrows(MpqException.class, () -> mpq.read("big"));
        assertTrue(e.getMessage().contains("3000 bytes, above the limit of 2000"), e.getMessage());
        assertThrows(MpqException.class, () -> mpq.fileSize("big"));
    }

    @Test
    void refusesADeclaredSizeFarBeyondWhatItsStoredBytesCouldHold() {
        int declared = 100 * MpqArchive.MAX_COMPRESSION_RATIO + 1;
        byte[] archive = new SyntheticArchive()
                .stored("bomb", declared, EXISTS | COMPRESS | SINGLE_UNIT, offset -> new byte[100]).build();

        MpqException e = assertThrows(MpqException.class, () -> MpqArchive.open(archive).read("bomb"));

        assertTrue(e.getMessage().contains("more than " + MpqArchive.MAX_COMPRESSION_RATIO + " times"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ZLIB", "BZIP2"})
    void refusesAUnitThatExpandsBeyondItsDeclaredSize(String method) {
        byte[] unit = SyntheticArchive.compressUnit(new byte[5000], Method.valueOf(method));
        byte[] archive = new SyntheticArchive()
                .stored("long", 4000, EXISTS | COMPRESS | SINGLE_UNIT, offset -> unit).build();

        MpqException e = assertThrows(MpqException.class, () -> MpqArchive.open(archive).read("long"));

        assertTrue(e.getMessage().contains("expands beyond its declared 4000 bytes"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ZLIB", "BZIP2"})
    void refusesAUnitThatEndsShortOfItsDeclaredSize(String method) {
        byte[] unit = SyntheticArchive.compressUnit(new byte[3000], Method.valueOf(method));
        byte[] archive = new SyntheticArchive()
                .stored("short", 4000, EXISTS | COMPRESS | SINGLE_UNIT, offset -> unit).build();

        MpqException e = assertThrows(MpqException.class, () -> MpqArchive.open(archive).read("short"));

        assertTrue(e.getMessage().contains("after 3000 of 4000 bytes"), e.getMessage());
    }

    @Test
    void refusesASectorOffsetTableThatPointsOutsideTheFile() {
        byte[] table = SyntheticArchive.littleEndian(12, 12 + 900, 12 + 1000);
        byte[] stored = Arrays.copyOf(table, 400);
        byte[] archive = new SyntheticArchive()
                .stored("sectors", 600, EXISTS | COMPRESS, offset -> stored).build();

        MpqException e = assertThrows(MpqException.class, () -> MpqArchive.open(archive).read("sectors"));

        assertTrue(e.getMessage().contains("sector offset table of 'sectors'"), e.getMessage());
    }

    @Test
    void refusesAFileThatEndsBeyondTheArchive() {
        byte[] archive = new SyntheticArchive().file("a", content(300, 8), Method.NONE, 0).build();
        int blockTable = archive.length - 16;
        byte[] block = Arrays.copyOfRange(archive, blockTable, archive.length);
        MpqCrypto.decrypt(block, 0, 16, MpqCrypto.BLOCK_TABLE_KEY);
        block[4] = (byte) 0xFF;
        block[5] = (byte) 0xFF;
        MpqCrypto.encrypt(block, 0, 16, MpqCrypto.BLOCK_TABLE_KEY);
        System.arraycopy(block, 0, archive, blockTable, 16);

        MpqException e = assertThrows(MpqException.class, () -> MpqArchive.open(archive).read("a"));

        assertTrue(e.getMessage().contains("beyond the end of the " + archive.length + "-byte file"), e.getMessage());
    }

    @Test
    void refusesAnArchiveTooShortForItsHeader() {
        byte[] archive = new SyntheticArchive().file("a", content(300, 8), Method.NONE, 0).build();

        MpqException e = assertThrows(MpqException.class, () -> MpqArchive.open(Arrays.copyOf(archive, 20)));

        assertTrue(e.getMessage().startsWith("truncated archive"), e.getMessage());
    }

    @Test
    void reportsAnUnreadablePathAsAnMpqException() {
        Path missing = Path.of("no-such-replay.SC2Replay");

        MpqException e = assertThrows(MpqException.class, () -> MpqArchive.open(missing));

        assertTrue(e.getMessage().contains("no-such-replay.SC2Replay"), e.getMessage());
    }

    @Test
    void keepsItsOwnCopyOfTheBytes() {
        byte[] archive = new SyntheticArchive().file("a", content(300, 8), Method.NONE, 0).build();
        MpqArchive mpq = MpqArchive.open(archive);

        Arrays.fill(archive, (byte) 0);

        assertArrayEquals(content(300, 8), mpq.read("a"));
    }

    @Test
    void hashesTheTableNamesToTheirWellKnownKeys() {
        assertEquals(0xC3AF3770, MpqCrypto.HASH_TABLE_KEY);
        assertEquals(0xEC83B3A3, MpqCrypto.BLOCK_TABLE_KEY);
    }

    @Test
    void decryptsWhatItEncryptsLeavingARaggedTailInClear() {
        byte[] plain = content(103, 9);
        byte[] bytes = plain.clone();

        MpqCrypto.encrypt(bytes, 0, bytes.length, 0x12345678);
        assertFalse(Arrays.equals(plain, bytes));
        assertArrayEquals(Arrays.copyOfRange(plain, 100, 103), Arrays.copyOfRange(bytes, 100, 103));
        MpqCrypto.decrypt(bytes, 0, bytes.length, 0x12345678);

        assertArrayEquals(plain, bytes);
    }
}
