package dev.apprentice.il.store;

import dev.apprentice.il.io.DurableFiles;
import dev.apprentice.il.stream.schema.AvroModels;
import dev.apprentice.il.stream.schema.Demonstration;
import dev.apprentice.il.stream.schema.StoredDemonstration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileConstants;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * How segment files are named, scanned for their sound prefix, repaired and read; every Avro
 * detail of the store lives here.
 */
final class Segments {

    /** Suffix of the copy that replaces a torn segment; a leftover one is an interrupted repair. */
    static final String RECOVERING_SUFFIX = ".recovering";

    /** Suffix of the copy that replaces a segment being erased from; a leftover one is an interrupted erasure. */
    static final String ERASING_SUFFIX = ".erasing";

    private static final Pattern NAME = Pattern.compile("segment-(\\d{8,})\\.avro");

    private static final Schema SCHEMA = StoredDemonstration.getClassSchema();

    /**
     * Resolves the generated classes through their own class loader: under Quarkus the generated
     * {@code MODEL$} would otherwise resolve a second copy of the class.
     */
    private static final SpecificData DATA = AvroModels.modelFor(StoredDemonstration.class);

    /** Generic decoding without logical-type conversions, so event times stay epoch milliseconds. */
    private static final GenericData PLAIN = new GenericData();

    /** The record with only the fields the index needs, so opening a store skips every float. */
    private static final Schema INDEX_FIELDS = indexFields();

    private Segments() {
    }

    /**
     * What scanning a segment found.
     *
     * @param headerReadable whether its header could be read at all
     * @param goodBytes the length up to the end of its last whole block
     * @param fileBytes its size
     * @param records the records in whole blocks
     * @param currentSchema whether it was written with the current record schema, so it can be
     *     appended to
     */
    record Scan(boolean headerReadable, long goodBytes, long fileBytes, long records, boolean currentSchema) {

        /** Whether bytes follow the last whole block: a crash during a flush, or a flush in progress. */
        boolean torn() {
            return headerReadable && goodBytes < fileBytes;
        }
    }

    static Path path(Path dir, int number) {
        return dir.resolve(String.format("segment-%08d.avro", number));
    }

    static int number(Path segment) {
        Matcher m = NAME.matcher(segment.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("segment: expected a name like segment-00000001.avro, found "
                    + segment.getFileName());
        }
        return Integer.parseInt(m.group(1));
    }

    /** The segment files of {@code dir} in sequence order. */
    static List<Path> list(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (NAME.matcher(f.getFileName().toString()).matches()) {
                    out.add(f);
                }
            }
        }
        out.sort(Comparator.comparingInt(Segments::number));
        return out;
    }

    /**
     * Copies left behind by a repair or an erasure that a crash interrupted; the segment each was
     * to replace is intact, since a copy is renamed over it only once it is complete.
     */
    static List<Path> leftoverCopies(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                "segment-*.avro{" + RECOVERING_SUFFIX + "," + ERASING_SUFFIX + "}")) {
            files.forEach(out::add);
        }
        return out;
    }

    /**
     * Reads a segment's keys block by block and hands {@code sink} the records of every whole block.
     * A block counts once its sync marker has been read after it; reading stops at the first
     * truncated, zeroed or otherwise undecodable block, and everything from there on is the torn
     * tail. Avro ends a truncated file as if it were complete, so the tail is found by comparing the
     * end of the last whole block with the file's size rather than by waiting for an exception.
     */
    static Scan scan(Path file, Consumer<IndexedStep> sink) throws IOException {
        long size = Files.size(file);
        DataFileReader<GenericRecord> reader = indexReader(file, size);
        if (reader == null) {
            return new Scan(false, 0, size, 0, false);
        }
        try (reader) {
            boolean current = reader.getSchema().equals(SCHEMA);
            long wholeBlocksEnd = reader.previousSync();
            long records = 0;
            List<IndexedStep> block = new ArrayList<>();
            while (true) {
                GenericRecord r;
                try {
                    if (!reader.hasNext()) {
                        break;
                    }
                    r = reader.next();
                } catch (RuntimeException damagedBlock) {
                    break;
                }
                block.add(indexed(r));
                if (reader.previousSync() != wholeBlocksEnd) {
                    wholeBlocksEnd = reader.previousSync();
                    block.forEach(sink);
                    records += block.size();
                    block.clear();
                }
            }
            return new Scan(true, wholeBlocksEnd, size, records, current);
        }
    }

    /**
     * What salvaging a damaged segment found: the whole blocks that can still be read, also those
     * after a damaged stretch, found again by their sync marker.
     *
     * @param headerEnd where the header ends (0 when it cannot be read, and then no block is kept)
     * @param blocks the readable blocks as [start, end) byte ranges, each ending with its sync marker
     * @param records the records in those blocks
     * @param fileBytes the segment's size
     */
    record Salvage(long headerEnd, List<long[]> blocks, long records, long fileBytes) {

        /** The bytes a rewrite keeps: the header and the readable blocks. */
        long keptBytes() {
            long kept = headerEnd;
            for (long[] b : blocks) {
                kept += b[1] - b[0];
            }
            return kept;
        }
    }

    /**
     * Reads a segment block by block like {@link #scan}, but on a damaged block looks for the next
     * sync marker and goes on reading from there, so only the damaged stretch is lost.
     */
    static Salvage salvage(Path file) throws IOException {
        long size = Files.size(file);
        DataFileReader<GenericRecord> reader = indexReader(file, size);
        if (reader == null) {
            return new Salvage(0, List.of(), 0, size);
        }
        try (reader) {
            long headerEnd = reader.previousSync();
            List<long[]> blocks = new ArrayList<>();
            long records = 0;
            long blockStart = headerEnd;
            int inBlock = 0;
            while (true) {
                try {
                    if (!reader.hasNext()) {
                        break;
                    }
                    reader.next();
                    inBlock++;
                    if (reader.previousSync() != blockStart) {
                        blocks.add(new long[] {blockStart, reader.previousSync()});
                        records += inBlock;
                        inBlock = 0;
                        blockStart = reader.previousSync();
                    }
                } catch (RuntimeException damagedBlock) {
                    // Skip to the end of the next sync marker: past the damaged block, if its own marker survived.
                    reader.sync(blockStart);
                    inBlock = 0;
                    if (reader.previousSync() <= blockStart) {
                        break;
                    }
                    blockStart = reader.previousSync();
                }
            }
            return new Salvage(headerEnd, blocks, records, size);
        }
    }

    /**
     * Replaces {@code segment} by its header and readable blocks, the way {@link #keepPrefix} does:
     * a copy written beside it, forced, and renamed over it.
     */
    static void keepBlocks(Path segment, Salvage salvage) throws IOException {
        Path copy = segment.resolveSibling(segment.getFileName() + RECOVERING_SUFFIX);
        Files.deleteIfExists(copy);
        List<long[]> ranges = new ArrayList<>();
        ranges.add(new long[] {0, salvage.headerEnd()});
        ranges.addAll(salvage.blocks());
        try (FileChannel in = FileChannel.open(segment, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long[] range : ranges) {
                transfer(in, range[0], range[1], out, segment);
            }
            out.force(true);
        }
        Files.move(copy, segment, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        DurableFiles.fsyncDirectory(segment.getParent());
    }

    /**
     * Whether an unreadable header looks like one a crash interrupted: empty, zeros, or starting as
     * every Avro file does. Anything else in a file named like a segment is not the store's.
     */
    static boolean looksLikeUnfinishedHeader(Path file) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(4096);
        }
        boolean zeros = true;
        for (byte b : start) {
            zeros &= b == 0;
        }
        int n = Math.min(start.length, DataFileConstants.MAGIC.length);
        return zeros || Arrays.equals(start, 0, n, DataFileConstants.MAGIC, 0, n);
    }

    /** A reader of the index fields of a segment's first {@code size} bytes, or null when its header is unreadable. */
    private static DataFileReader<GenericRecord> indexReader(Path file, long size) throws IOException {
        SegmentInput input = new SegmentInput(file, size);
        try {
            return new DataFileReader<>(input, new GenericDatumReader<>(INDEX_FIELDS, INDEX_FIELDS, PLAIN));
        } catch (IOException | AvroRuntimeException e) {
            input.close();
            return null;
        }
    }

    /**
     * Reads every record of a segment up to its known readable length.
     *
     * @throws IOException also when Avro cannot decode a block: the file is no longer what the
     *     length was measured on (a read-only store whose segment an erasure rewrote)
     */
    static void read(Segment segment, Consumer<StoredDemonstration> sink) throws IOException {
        SegmentInput input = new SegmentInput(segment.path(), segment.readableBytes());
        DataFileReader<StoredDemonstration> reader;
        try {
            reader = new DataFileReader<>(input, datumReader());
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
        try (reader) {
            while (reader.hasNext()) {
                sink.accept(reader.next());
            }
        } catch (AvroRuntimeException e) {
            throw new IOException("segment " + segment.path().getFileName() + " cannot be decoded: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces {@code segment} by a copy without the records {@code drop} selects, streamed record by
     * record (one Avro block in memory at a time) into a file beside it, forced to disk and renamed
     * over it, with the directory forced after; a crash leaves the old segment or the new one. A
     * segment left without records is deleted instead. The copy is written with the current schema,
     * so an older segment's records gain the new fields' defaults, as reads already give them.
     *
     * @param readableBytes the segment's length up to its last whole block; nothing after it is read
     * @return the records kept (0: the segment was deleted)
     */
    static long rewriteWithout(Path segment, long readableBytes, Predicate<StoredDemonstration> drop) throws IOException {
        Path copy = segment.resolveSibling(segment.getFileName() + ERASING_SUFFIX);
        Files.deleteIfExists(copy);
        long kept = 0;
        SegmentInput input = new SegmentInput(segment, readableBytes);
        try (input; DataFileReader<StoredDemonstration> reader = new DataFileReader<>(input, datumReader());
                DataFileWriter<StoredDemonstration> writer = new DataFileWriter<>(datumWriter())) {
            writer.create(SCHEMA, copy.toFile());
            StoredDemonstration record = null;
            while (reader.hasNext()) {
                record = reader.next(record);
                if (!drop.test(record)) {
                    writer.append(record);
                    kept++;
                }
            }
            writer.fSync();
        } catch (AvroRuntimeException e) {
            Files.deleteIfExists(copy);
            throw new IOException("segment " + segment.getFileName() + " cannot be rewritten: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        if (kept == 0) {
            Files.delete(segment);
            Files.delete(copy);
        } else {
            Files.move(copy, segment, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        DurableFiles.fsyncDirectory(segment.getParent());
        return kept;
    }

    /**
     * Replaces {@code segment} by its first {@code bytes} bytes: the copy is written beside it,
     * forced to disk and renamed over it, so a crash leaves the torn file or the repaired one.
     */
    static void keepPrefix(Path segment, long bytes) throws IOException {
        Path copy = segment.resolveSibling(segment.getFileName() + RECOVERING_SUFFIX);
        Files.deleteIfExists(copy);
        try (FileChannel in = FileChannel.open(segment, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            transfer(in, 0, bytes, out, segment);
            out.force(true);
        }
        Files.move(copy, segment, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        DurableFiles.fsyncDirectory(segment.getParent());
    }

    /** Appends bytes [from, to) of {@code in} to {@code out}. */
    private static void transfer(FileChannel in, long from, long to, FileChannel out, Path segment) throws IOException {
        long at = from;
        while (at < to) {
            long n = in.transferTo(at, to - at, out);
            if (n <= 0) {
                throw new IOException("segment " + segment + " ended at " + at + " bytes while copying up to " + to);
            }
            at += n;
        }
    }

    static SpecificDatumWriter<StoredDemonstration> datumWriter() {
        return new SpecificDatumWriter<>(SCHEMA, DATA);
    }

    /**
     * Decodes with the current schema as the reader's; each file's header supplies the schema it was
     * written with, so older segments decode with the new fields' defaults.
     */
    private static DatumReader<StoredDemonstration> datumReader() {
        return new SpecificDatumReader<>(SCHEMA, SCHEMA, DATA);
    }

    private static IndexedStep indexed(GenericRecord r) {
        GenericRecord d = (GenericRecord) r.get("demonstration");
        return new IndexedStep(d.get("domain").toString(), d.get("source").toString(), d.get("episode").toString(),
                (Integer) d.get("step"), Instant.ofEpochMilli((Long) d.get("eventTime")), (Boolean) d.get("terminal"),
                r.get("topic").toString(), (Integer) r.get("partition"), (Long) r.get("offset"));
    }

    private static Schema indexFields() {
        Schema demonstration = SCHEMA.getField("demonstration").schema();
        Schema keys = Schema.createRecord(demonstration.getName(), null, demonstration.getNamespace(), false,
                fields(demonstration, "domain", "source", "episode", "step", "eventTime", "terminal"));
        List<Schema.Field> outer = new ArrayList<>();
        outer.add(new Schema.Field(SCHEMA.getField("demonstration"), keys));
        outer.addAll(fields(SCHEMA, "topic", "partition", "offset"));
        return Schema.createRecord(SCHEMA.getName(), null, SCHEMA.getNamespace(), false, outer);
    }

    private static List<Schema.Field> fields(Schema record, String... names) {
        List<Schema.Field> out = new ArrayList<>(names.length);
        for (String name : names) {
            Schema.Field f = record.getField(name);
            out.add(new Schema.Field(f, f.schema()));
        }
        return out;
    }
}
