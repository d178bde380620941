package dev.apprentice.il.store;

import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.io.DurableFiles;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import dev.apprentice.il.store.StoreIndex.EpisodeKey;
import dev.apprentice.il.stream.schema.Demonstration;
import dev.apprentice.il.stream.schema.DemonstrationBinary;
import dev.apprentice.il.stream.schema.DemonstrationEnvelope;
import dev.apprentice.il.stream.schema.StoredDemonstration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only store of expert steps on local disk that remembers the Kafka record each step came
 * from, so a policy's model card can name the exact offsets it was trained on.
 *
 * <p>One writer (the stream ingester) appends steps and flushes them; a step is durable once
 * {@link #flush()} returns, and the ingester commits its Kafka offsets only then. Steps are
 * deduplicated by (source, episode, step), so records consumed again after a restart are skipped.
 * Trainers read whole episodes, from the writer's instance or from a read-only one in another
 * process:
 *
 * <pre>{@code
 * try (DemonstrationStore store = DemonstrationStore.open(dir)) {
 *     AppendOutcome outcome = store.append(step, new RecordOrigin("demonstrations", 0, offset));
 *     store.flush();
 * }
 * try (DemonstrationStore store = DemonstrationStore.openReadOnly(dir)) {
 *     StoredDemonstrations data = store.read(stateSpace, actionSpace, StoreQuery.all().withDomain("lane-change"));
 *     TrainingOutcome outcome = trainer.train(ImitationTask.of(data.demonstrations()), progress -> { });
 *     Map<String, Object> forTheModelCard = data.provenanceForModelCard();
 * }
 * }</pre>
 *
 * <p>On disk the store is a directory of Avro container files, {@code segment-00000001.avro} and
 * on, each closed once it reaches {@link StoreOptions#segmentBytes()}. Files only ever hold flushed
 * records; a crash during a flush can leave a torn tail on the last segment, which the writer cuts
 * off when it next opens the store. Other damage makes opening fail with a
 * {@link StoreDamagedException}, and {@link #repair(Path)} sets it right. Memory holds an index of
 * keys and offsets, never the states or actions: about 200 bytes per episode plus its ids, and at
 * most 12 bytes per stored step (nothing per further step of an episode received in order), whatever
 * the step numbers. Reads go back to the files. The methods are thread-safe; a read holds the store's lock only while it takes
 * a snapshot of the segment lengths, so the writer is not held up while a trainer reads.
 *
 * <p>{@link #erase(Set)} removes sources (the people the data belongs to) on request: the only
 * change to stored records besides repairs. It rewrites just the segments that hold their steps,
 * each into a new file renamed over the old one, so the store stays append-only in every other
 * respect. Reads on this instance see the store before an erasure or after it, never a mix: an
 * erasure waits for running reads to finish, and reads wait for it. A read-only instance in
 * another process keeps the view it opened with and is not told of an erasure: it goes on
 * selecting the erased episodes from its own index, and a read of a segment rewritten since may
 * miss steps or fail naming the segment; reopen it after an erasure.
 */
public final class DemonstrationStore implements AutoCloseable {

    /** The file the writer holds an exclusive lock on while the store is open. */
    public static final String LOCK_FILE = "store.lock";

    /** The subdirectory where {@link #repair(Path)} keeps copies of the damaged segments. */
    public static final String QUARANTINE = "quarantine";

    /**
     * The file naming the sources of an erasure in progress, one URL-encoded id a line; written
     * before the first segment is rewritten and deleted after the last, so that the writer can
     * complete an erasure a crash interrupted when it next opens the store.
     */
    public static final String PENDING_ERASURE = "erasure.pending";

    /**
     * The file describing the {@link UncommittedBatch} flushed last, while its Kafka commit is not
     * known to have happened; written before the batch's steps and deleted by
     * {@link #commitBatch(String)} or {@link #rollBackUncommitted()}.
     */
    public static final String UNCOMMITTED_BATCH = "batch.uncommitted";

    private static final Logger LOG = LoggerFactory.getLogger(DemonstrationStore.class);

    /** Orders episodes so that which problem a message shows as the example does not vary. */
    private static final Comparator<EpisodeKey> BY_SOURCE_AND_EPISODE = Comparator.comparing(EpisodeKey::source)
            .thenComparing(EpisodeKey::episode);

    private record StepKey(String source, String episode, int step) {
    }

    /** The highest and the terminal step among an episode's pending steps, -1 for none. */
    private static final class PendingEpisode {
        int lastStep = -1;
        int terminalStep = -1;
    }

    /** A step accepted but not yet flushed: its index entry and where its encoding lies in the pending bytes. */
    private record PendingStep(IndexedStep indexed, int start, int length) {
    }

    /** The encoded pending steps, back to back; handed to the segment writer without copying. */
    private static final class PendingBytes extends ByteArrayOutputStream {

        PendingBytes() {
            super(1 << 16);
        }

        ByteBuffer slice(int start, int length) {
            return ByteBuffer.wrap(buf, start, length);
        }
    }

    private record UsedEpisode(Instant start, String source, String episode, Trajectory trajectory) {
    }

    private record StoredStep(ExpertStep step, RecordOrigin origin) {
    }

    /** The stored steps of one selected episode, gathered from the segments for a read. */
    private static final class GatheredEpisode {
        final TreeMap<Integer, StoredStep> steps = new TreeMap<>();
        String problem;
    }

    private final Path dir;
    private final StoreOptions options;
    private final boolean readOnly;
    private final FileChannel lockChannel;
    private final List<Segment> segments = new ArrayList<>();
    private StoreIndex index = new StoreIndex();
    /** Held by reads while they go through the files, and exclusively by an erasure, which renames them. */
    private final ReentrantReadWriteLock files = new ReentrantReadWriteLock();
    private final Map<StepKey, PendingStep> pending = new LinkedHashMap<>();
    private final Map<EpisodeKey, PendingEpisode> pendingEpisodes = new HashMap<>();
    private DataFileWriter<StoredDemonstration> active;
    // Steps are encoded here (StoredStepEncoder into a buffered encoder) and handed over with
    // appendEncoded: DataFileWriter's own path builds the generated object and encodes it unbuffered.
    private final PendingBytes encoded = new PendingBytes();
    // Configured once: reconfiguring a buffered encoder per record costs more than encoding it.
    private final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(encoded, null);
    private boolean lastSegmentAppendable;
    private int recoveredSegments;
    private long droppedBytes;
    private int tornSegments;
    private Exception failure;
    private boolean closed;
    /** The batch flushed last whose commit is not yet known, or null. */
    private UncommittedBatch uncommitted;

    private DemonstrationStore(Path dir, StoreOptions options, boolean readOnly, FileChannel lockChannel) {
        this.dir = dir;
        this.options = options;
        this.readOnly = readOnly;
        this.lockChannel = lockChannel;
    }

    /** Opens (creating it if needed) the store in {@code dir} for writing, with 64 MiB segments. */
    public static DemonstrationStore open(Path dir) {
        return open(dir, StoreOptions.defaults());
    }

    /**
     * Opens (creating it if needed) the store in {@code dir} for writing. Takes an exclusive lock on
     * {@code dir/store.lock}, rebuilds the index from the segments and repairs what a crash left:
     * a torn tail is cut off after the last whole block, and a last segment whose header was never
     * completely written is deleted. Each repair is logged as a warning and counted in
     * {@link #statistics()}. An erasure that a crash interrupted ({@link #PENDING_ERASURE} is
     * present) is completed.
     *
     * @throws StoreDamagedException when there is damage no crash explains: a segment other than the
     *     last that has no readable header or cannot be read to its end, or a last segment that is
     *     not an Avro file at all; nothing is changed, and {@link #repair(Path)} sets it right
     * @throws IllegalStateException when another process or store instance holds the lock
     * @throws UncheckedIOException when the directory cannot be created or read
     */
    public static DemonstrationStore open(Path dir, StoreOptions options) {
        requireArgument(dir, "dir", "a store directory");
        requireArgument(options, "options", "store options");
        StoredStepEncoder.checkSchema();
        DemonstrationBinary.checkSchema();
        Path root = dir.toAbsolutePath();
        FileChannel channel;
        try {
            Files.createDirectories(root);
            channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the store directory " + root, e);
        }
        DemonstrationStore store = new DemonstrationStore(root, options, false, channel);
        try {
            store.lock();
            store.load();
            store.completeInterruptedErasure();
        } catch (IOException e) {
            store.closeQuietly(e);
            throw new UncheckedIOException("cannot open the store " + root, e);
        } catch (RuntimeException | Error e) {
            // An Error too (an OutOfMemoryError while indexing): the lock must not outlive the failed open.
            store.closeQuietly(e);
            throw e;
        }
        return store;
    }

    /**
     * Opens the store in {@code dir} for reading only: no lock is taken and no file is changed, so it
     * may run beside the writer in another process. It sees the records that were durable when it
     * opened; a segment's torn tail (a crash not yet repaired, or a flush in progress) is not read
     * and is counted in {@link StoreStatistics#tornSegments()}.
     *
     * @throws IllegalArgumentException when {@code dir} is not a directory
     * @throws StoreDamagedException on damage no crash explains, as for {@link #open(Path, StoreOptions)}
     */
    public static DemonstrationStore openReadOnly(Path dir) {
        Path root = existingDirectory(dir);
        DemonstrationStore store = new DemonstrationStore(root, StoreOptions.defaults(), true, null);
        try {
            store.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the store " + root, e);
        }
        return store;
    }

    private void lock() throws IOException {
        lock(lockChannel, dir);
    }

    private static void lock(FileChannel channel, Path dir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IllegalStateException("store " + dir + " is already open for writing by another process or"
                    + " store instance, which holds the lock on " + dir.resolve(LOCK_FILE) + "; a store has one"
                    + " writer: use openReadOnly to read beside it");
        }
    }

    private void load() throws IOException {
        if (!readOnly) {
            for (Path leftover : Segments.leftoverCopies(dir)) {
                LOG.warn("store {}: deleting {}, left by {} a crash interrupted (the segment it copied is intact and"
                        + " will be checked again)", dir, leftover.getFileName(),
                        leftover.toString().endsWith(Segments.ERASING_SUFFIX) ? "an erasure" : "a repair");
                Files.delete(leftover);
            }
            try (DirectoryStream<Path> torn = Files.newDirectoryStream(dir, ".tmp-" + PENDING_ERASURE + "*")) {
                for (Path leftover : torn) {
                    // DurableFiles.replace's unfinished copy: the erasure it was to announce never began.
                    Files.delete(leftover);
                }
            }
            try (DirectoryStream<Path> torn = Files.newDirectoryStream(dir, ".tmp-" + UNCOMMITTED_BATCH + "*")) {
                for (Path leftover : torn) {
                    // The announcement of a batch whose steps were never written: nothing to take back.
                    Files.delete(leftover);
                }
            }
        }
        if (!readOnly) {
            uncommitted = readUncommittedBatch();
        }
        List<Path> files = Segments.list(dir);
        long[] duplicates = {0};
        Map<Path, Segments.Scan> sound = new LinkedHashMap<>();
        Path unfinishedLast = null;
        List<String> damaged = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            Segments.Scan scan;
            try {
                scan = Segments.scan(file, s -> {
                    if (!index.add(s)) {
                        duplicates[0]++;
                    }
                });
            } catch (NoSuchFileException deleted) {
                if (!readOnly) {
                    throw deleted;
                }
                // The writer, opening after a crash, deleted it between our listing and our reading: it
                // only ever deletes a last segment without a readable header, which held no records.
                continue;
            }
            String damage = damage(file, scan, i == files.size() - 1);
            if (damage != null) {
                damaged.add(file.getFileName().toString());
                problems.add(file.getFileName() + " " + damage);
            } else if (!scan.headerReadable()) {
                unfinishedLast = file;
            } else {
                sound.put(file, scan);
            }
        }
        if (!damaged.isEmpty()) {
            throw new StoreDamagedException(dir, damaged, "store " + dir + ": damage no crash explains (a crash only"
                    + " tears the end of the last segment): segment " + String.join("; segment ", problems)
                    + ". DemonstrationStore.repair moves a copy of each damaged segment to " + dir.resolve(QUARANTINE)
                    + " and keeps its readable blocks");
        }
        for (Map.Entry<Path, Segments.Scan> e : sound.entrySet()) {
            Path file = e.getKey();
            Segments.Scan scan = e.getValue();
            if (scan.torn()) {
                cutTornTail(file, scan);
            }
            segments.add(new Segment(Segments.number(file), file, scan.goodBytes(),
                    readOnly ? scan.fileBytes() : scan.goodBytes()));
            lastSegmentAppendable = scan.currentSchema() && scan.goodBytes() < options.segmentBytes();
        }
        if (unfinishedLast != null) {
            dropUnreadableLastSegment(unfinishedLast, Files.size(unfinishedLast));
        }
        if (duplicates[0] > 0) {
            LOG.warn("store {}: {} records repeat a (source, episode, step) already stored; the first of each is"
                    + " used", dir, duplicates[0]);
        }
    }

    /**
     * What is wrong with a segment beyond what a crash leaves, or null. A crash can leave only the
     * last segment with a torn tail or a partly written header.
     */
    private static String damage(Path file, Segments.Scan scan, boolean last) throws IOException {
        if (!scan.headerReadable()) {
            if (!last) {
                return "has no readable header, yet later segments exist";
            }
            return Segments.looksLikeUnfinishedHeader(file) ? null
                    : "is not an Avro segment: its " + scan.fileBytes() + " bytes do not start as an Avro header does";
        }
        if (scan.torn() && !last) {
            return "cannot be read past byte " + scan.goodBytes() + " of " + scan.fileBytes() + " (a damaged or missing"
                    + " block), yet later segments exist";
        }
        return null;
    }

    /**
     * Repairs damage that {@link #open(Path, StoreOptions)} refuses with a {@link StoreDamagedException}.
     * Each damaged segment is first copied, untouched, to {@code dir/quarantine/}; it is then
     * rewritten with its header and every whole block that can still be read, also the blocks after a
     * damaged stretch (found again by their Avro sync marker), or removed when its header cannot be
     * read. Records in the damaged stretches are lost from the store (they stay in the copy); a
     * replay from Kafka can bring them back. Crash damage to the last segment is left to {@code open},
     * and a sound store is not changed. Takes the writer's lock, so it cannot run beside a writer.
     *
     * @throws IllegalArgumentException when {@code dir} is not a directory
     * @throws IllegalStateException when a writer holds the lock
     * @throws UncheckedIOException when a file cannot be read, copied or written
     */
    public static StoreRepair repair(Path dir) {
        Path root = existingDirectory(dir);
        try (FileChannel channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            lock(channel, root);
            List<Path> files = Segments.list(root);
            List<StoreRepair.RepairedSegment> repaired = new ArrayList<>();
            quarantineUnreadableBatchRecord(root);
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                String damage = damage(file, Segments.scan(file, s -> { }), i == files.size() - 1);
                if (damage != null) {
                    repaired.add(salvage(root, file, damage));
                }
            }
            return new StoreRepair(root, repaired);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot repair the store " + root, e);
        }
    }

    /** Moves an {@link #UNCOMMITTED_BATCH} that cannot be read to the quarantine: the store opens without it. */
    private static void quarantineUnreadableBatchRecord(Path root) throws IOException {
        Path file = root.resolve(UNCOMMITTED_BATCH);
        if (!Files.exists(file)) {
            return;
        }
        try {
            UncommittedBatch.decode(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | java.nio.charset.MalformedInputException e) {
            Path copy = quarantine(root, file);
            Files.delete(file);
            DurableFiles.fsyncDirectory(root);
            LOG.warn("store {}: {} could not be read ({}); moved it to {}: the steps of the batch it described stay",
                    root, UNCOMMITTED_BATCH, e.getMessage(), copy);
        }
    }

    private static StoreRepair.RepairedSegment salvage(Path root, Path file, String damage) throws IOException {
        Path copy = quarantine(root, file);
        Segments.Salvage salvage = Segments.salvage(file);
        long kept;
        if (salvage.headerEnd() == 0) {
            Files.delete(file);
            DurableFiles.fsyncDirectory(root);
            kept = 0;
        } else {
            Segments.keepBlocks(file, salvage);
            kept = salvage.keptBytes();
        }
        LOG.warn("store {}: segment {} {}: copied it to {}, kept {} records in {} whole blocks ({} of {} bytes)",
                root, file.getFileName(), damage, copy, salvage.records(), salvage.blocks().size(), kept,
                salvage.fileBytes());
        return new StoreRepair.RepairedSegment(file.getFileName().toString(), damage, copy, salvage.fileBytes(), kept,
                salvage.records(), salvage.blocks().size());
    }

    /** Copies a segment, forced to disk, into the quarantine directory under a name not yet taken there. */
    private static Path quarantine(Path root, Path file) throws IOException {
        Path quarantine = Files.createDirectories(root.resolve(QUARANTINE));
        Path copy = quarantine.resolve(file.getFileName());
        for (int n = 1; Files.exists(copy); n++) {
            copy = quarantine.resolve(file.getFileName() + "." + n);
        }
        Files.copy(file, copy);
        try (FileChannel out = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            out.force(true);
        }
        DurableFiles.fsyncDirectory(quarantine);
        return copy;
    }

    private void dropUnreadableLastSegment(Path file, long bytes) throws IOException {
        if (readOnly) {
            tornSegments++;
            return;
        }
        Files.delete(file);
        DurableFiles.fsyncDirectory(dir);
        recoveredSegments++;
        droppedBytes += bytes;
        LOG.warn("store {}: deleted segment {} ({} bytes): its header was never completely written (a crash while"
                + " it was created), so it held no records", dir, file.getFileName(), bytes);
    }

    private void cutTornTail(Path file, Segments.Scan scan) throws IOException {
        if (readOnly) {
            tornSegments++;
            return;
        }
        long dropped = scan.fileBytes() - scan.goodBytes();
        Segments.keepPrefix(file, scan.goodBytes());
        recoveredSegments++;
        droppedBytes += dropped;
        LOG.warn("store {}: segment {} had a torn tail (a crash during a flush): kept {} records in {} bytes,"
                + " dropped {} bytes", dir, file.getFileName(), scan.records(), scan.goodBytes(), dropped);
    }

    /**
     * Accepts a step, to be written by the next {@link #flush()}. A step whose (source, episode, step)
     * is already stored or pending is a duplicate. A step that contradicts its episode's terminal
     * step is refused, so an episode never grows past its end: a step after the (stored or pending)
     * terminal step, or a terminal step below a step already stored or pending.
     *
     * @param origin the Kafka record the step was read from
     * @return accepted, duplicate, or refused with the reason
     * @throws IllegalStateException when the store is read-only, closed, or a flush has failed
     */
    public synchronized AppendOutcome append(ExpertStep step, RecordOrigin origin) {
        requireArgument(step, "step", "an expert step");
        requireArgument(origin, "origin", "the record's origin");
        requireWritable();
        StepKey key = new StepKey(step.source(), step.episode(), step.step());
        if (pending.containsKey(key)) {
            return AppendOutcome.DUPLICATE;
        }
        StoreIndex.EpisodeEntry stored = index.episode(step.source(), step.episode());
        if (stored != null && stored.steps.contains(step.step())) {
            return AppendOutcome.DUPLICATE;
        }
        EpisodeKey episodeKey = new EpisodeKey(step.source(), step.episode());
        PendingEpisode waiting = pendingEpisodes.get(episodeKey);
        String refusal = refusal(step, stored, waiting);
        if (refusal != null) {
            return AppendOutcome.refused(refusal);
        }
        // Encoded now, while the step is in the CPU cache: encoding ten thousand cold steps at flush
        // time cost more than the rest of the flush together.
        int start = encoded.size();
        try {
            StoredStepEncoder.write(step, origin, System.currentTimeMillis(), encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("store " + dir + ": cannot encode step " + step.describe(), e);
        }
        pending.put(key, new PendingStep(new IndexedStep(step.domain(), step.source(), step.episode(), step.step(),
                step.eventTime(), step.terminal(), origin.topic(), origin.partition(), origin.offset()), start,
                encoded.size() - start));
        if (waiting == null) {
            waiting = new PendingEpisode();
            pendingEpisodes.put(episodeKey, waiting);
        }
        waiting.lastStep = Math.max(waiting.lastStep, step.step());
        if (step.terminal()) {
            waiting.terminalStep = step.step();
        }
        return AppendOutcome.ACCEPTED;
    }

    /** Why a new step contradicts its episode's stored and pending steps, or null when it does not. */
    private static String refusal(ExpertStep step, StoreIndex.EpisodeEntry stored, PendingEpisode waiting) {
        int terminal = stored == null ? -1 : stored.terminalStep;
        int last = stored == null ? -1 : stored.steps.last();
        if (waiting != null) {
            if (waiting.terminalStep >= 0 && (terminal < 0 || waiting.terminalStep < terminal)) {
                terminal = waiting.terminalStep;
            }
            last = Math.max(last, waiting.lastStep);
        }
        if (terminal >= 0 && step.step() > terminal) {
            return "step: expected at most " + terminal + ", the terminal step of episode " + step.episode()
                    + " of source " + step.source() + ", found " + step.step();
        }
        if (step.terminal() && last > step.step()) {
            return "terminal: expected the terminal step to be the last of episode " + step.episode() + " of source "
                    + step.source() + ", found terminal step " + step.step() + " below step " + last
                    + " already stored";
        }
        return null;
    }

    /**
     * Removes every step of {@code sources}, durable or pending, and returns what was removed: the
     * right to erasure of the people the data belongs to. Each segment that holds one of their
     * steps is rewritten without them (streamed, one Avro block in memory at a time) into a new
     * file that is forced to disk and renamed over the old one, the directory forced after;
     * segments that hold none are not touched, and a segment left empty is deleted. The index is
     * rebuilt from the segments' remaining records, so {@link #contains}, {@link #read},
     * {@link #statistics()} and the offset ranges no longer see the erased steps: an erased
     * source's offsets are simply no longer counted, and a range still spans them when other
     * sources' records lie on both sides. Pending steps of the sources are dropped, so a flush
     * after the erasure cannot write them back, and other sources' pending steps stay pending.
     *
     * <p>Crash safety: the sources are first written durably to {@link #PENDING_ERASURE}; a crash
     * then leaves each segment either old or new (never torn: a copy is renamed only when complete;
     * never doubled: it replaces the segment under the same name), and the writer, when it next
     * opens the store, deletes a leftover copy and completes the erasure before it accepts steps.
     * The store keeps no index on disk, so a crash between the renames and the index rebuild leaves
     * nothing to mend.
     *
     * <p>Holds the store's lock throughout (appends and flushes wait, for as long as rewriting the
     * affected segments takes) and waits for reads on this instance that are going through the
     * files. Steps of the sources appended afterwards are stored again, since the index has
     * forgotten them: keeping erased data from coming back (from Kafka, say) is the caller's job.
     * Copies of damaged segments in {@code quarantine/} are not read; the answer lists them.
     *
     * @param sources the source ids to erase; unknown ones change nothing
     * @throws IllegalArgumentException when {@code sources} is null or holds a null or empty id
     * @throws StoreDamagedException when a segment can no longer be read to its end; nothing is changed
     * @throws UncheckedIOException when a file cannot be read or written; the store then refuses
     *     writes until it is reopened, which completes the erasure
     * @throws IllegalStateException when the store is read-only, closed, or an earlier write failed
     */
    public StoreErasure erase(Set<String> sources) {
        requireArgument(sources, "sources", "a set of source ids");
        for (String source : sources) {
            if (source == null || source.isEmpty()) {
                throw new IllegalArgumentException("sources: expected source ids, found "
                        + (source == null ? "null" : "an empty id"));
            }
        }
        Set<String> erased = Set.copyOf(sources);
        files.writeLock().lock();
        try {
            synchronized (this) {
                requireWritable();
                return eraseLocked(erased);
            }
        } finally {
            files.writeLock().unlock();
        }
    }

    private StoreErasure eraseLocked(Set<String> erased) {
        Map<String, Set<String>> episodes = index.episodesOf(erased);
        Map<String, Long> steps = new HashMap<>();
        Map<String, Long> stored = index.recordsPerSource();
        episodes.keySet().forEach(source -> steps.put(source, stored.get(source)));
        StoreIndex rebuilt = new StoreIndex();
        List<Segment> affected = new ArrayList<>();
        // Every durable record is indexed under its source, so a source the index lacks is in no segment.
        List<Segment> toScan = episodes.isEmpty() ? List.of() : segments;
        try {
            for (Segment segment : toScan) {
                if (indexWithout(segment, s -> erased.contains(s.source()), rebuilt, "nothing was erased") > 0) {
                    affected.add(segment);
                }
            }
            if (!affected.isEmpty()) {
                DurableFiles.replace(dir.resolve(PENDING_ERASURE), pendingErasure(erased));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("store " + dir + ": cannot prepare the erasure; nothing was erased", e);
        }
        dropPending(erased, episodes, steps);
        int[] rewrittenAndRemoved = {0, 0};
        if (!affected.isEmpty()) {
            try {
                rewrite(affected, r -> erased.contains(r.getDemonstration().getSource()), rewrittenAndRemoved);
            } catch (IOException | RuntimeException e) {
                failure = e;
                String message = "store " + dir + ": erasure failed; the store accepts no more writes until it is"
                        + " reopened, which completes the erasure";
                throw e instanceof IOException io ? new UncheckedIOException(message, io)
                        : new IllegalStateException(message, e);
            }
            index = rebuilt;
        }
        try {
            if (Files.deleteIfExists(dir.resolve(PENDING_ERASURE))) {
                DurableFiles.fsyncDirectory(dir);
            }
        } catch (IOException e) {
            // Everything is erased; the next open only finds nothing left to rewrite.
            LOG.warn("store {}: cannot delete {} after an erasure ({}); the next open checks the segments again", dir,
                    PENDING_ERASURE, e.toString());
        }
        SortedMap<String, StoreErasure.ErasedSource> removed = new TreeMap<>();
        episodes.forEach((source, ids) -> removed.put(source,
                new StoreErasure.ErasedSource(steps.getOrDefault(source, 0L), ids.size())));
        return new StoreErasure(dir, removed, rewrittenAndRemoved[0], rewrittenAndRemoved[1], quarantinedCopies());
    }

    /**
     * Adds the segment's steps that {@code drop} does not select to {@code rebuilt} and returns how
     * many it selects.
     *
     * @throws StoreDamagedException when the segment can no longer be read to its end; the message
     *     ends with {@code notDone}, what was therefore not done
     */
    private long indexWithout(Segment segment, Predicate<IndexedStep> drop, StoreIndex rebuilt, String notDone)
            throws IOException {
        long[] selected = {0};
        Segments.Scan scan = Segments.scan(segment.path(), s -> {
            if (drop.test(s)) {
                selected[0]++;
            } else {
                rebuilt.add(s);
            }
        });
        if (!scan.headerReadable() || scan.torn()) {
            String name = segment.path().getFileName().toString();
            throw new StoreDamagedException(dir, List.of(name), "store " + dir + ": segment " + name
                    + " can no longer be read to its end (byte " + scan.goodBytes() + " of " + scan.fileBytes() + "), so "
                    + notDone + "; DemonstrationStore.repair sets it right");
        }
        return selected[0];
    }

    /** Rewrites the affected segments without the records {@code drop} selects; counts those rewritten and those removed. */
    private void rewrite(List<Segment> affected, Predicate<StoredDemonstration> drop, int[] rewrittenAndRemoved)
            throws IOException {
        Segment last = lastSegment();
        boolean lastAffected = affected.contains(last);
        if (lastAffected && active != null) {
            // The writer's open file is about to be replaced: the next flush opens the new one.
            DataFileWriter<StoredDemonstration> open = active;
            active = null;
            open.close();
        }
        for (Segment segment : affected) {
            long kept = Segments.rewriteWithout(segment.path(), segment.readableBytes(), drop);
            int at = segments.indexOf(segment);
            if (kept == 0) {
                segments.remove(at);
                rewrittenAndRemoved[1]++;
            } else {
                long size = Files.size(segment.path());
                segments.set(at, new Segment(segment.number(), segment.path(), size, size));
                rewrittenAndRemoved[0]++;
            }
        }
        if (lastAffected) {
            // A rewritten last segment has the current schema; when it was deleted, the next flush starts a new one.
            lastSegmentAppendable = !segments.isEmpty() && lastSegment().number() == last.number()
                    && lastSegment().readableBytes() < options.segmentBytes();
        }
    }

    /** Drops the sources' pending steps, adding them to what the erasure removed. */
    private void dropPending(Set<String> erased, Map<String, Set<String>> episodes, Map<String, Long> steps) {
        for (Iterator<StepKey> it = pending.keySet().iterator(); it.hasNext(); ) {
            StepKey key = it.next();
            if (erased.contains(key.source())) {
                it.remove();
                steps.merge(key.source(), 1L, Long::sum);
                episodes.computeIfAbsent(key.source(), s -> new HashSet<>()).add(key.episode());
            }
        }
        pendingEpisodes.keySet().removeIf(key -> erased.contains(key.source()));
        if (pending.isEmpty()) {
            encoded.reset();
        }
    }

    private static byte[] pendingErasure(Set<String> sources) {
        StringBuilder lines = new StringBuilder();
        for (String source : new TreeSet<>(sources)) {
            lines.append(URLEncoder.encode(source, StandardCharsets.UTF_8)).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Completes an erasure that a crash interrupted, before the store accepts any step. */
    private void completeInterruptedErasure() throws IOException {
        Path file = dir.resolve(PENDING_ERASURE);
        if (!Files.exists(file)) {
            return;
        }
        Set<String> sources = new HashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isEmpty()) {
                sources.add(URLDecoder.decode(line, StandardCharsets.UTF_8));
            }
        }
        StoreErasure completed = eraseLocked(sources);
        // The count only: source ids name people, and logs keep no personal data.
        LOG.warn("store {}: completed an erasure of {} sources that a crash interrupted: {} steps were still stored,"
                + " {} segments rewritten and {} removed", dir, sources.size(), completed.steps(),
                completed.segmentsRewritten(), completed.segmentsRemoved());
    }

    private List<Path> quarantinedCopies() {
        Path quarantine = dir.resolve(QUARANTINE);
        if (!Files.isDirectory(quarantine)) {
            return List.of();
        }
        try (Stream<Path> copies = Files.list(quarantine)) {
            return copies.sorted().toList();
        } catch (IOException e) {
            LOG.warn("store {}: cannot list {} ({}); copies of damaged segments there may hold erased steps", dir,
                    quarantine, e.toString());
            return List.of();
        }
    }

    /** Whether the step (source, episode, step) is stored or pending. */
    public synchronized boolean contains(String source, String episode, int step) {
        requireOpen();
        return pending.containsKey(new StepKey(source, episode, step)) || index.contains(source, episode, step);
    }

    /**
     * Writes the pending steps to the active segment and forces them to disk; they are durable when
     * this returns. A new segment's header is forced, and its directory entry, before any record is
     * written. The segment is closed once it has reached the configured size, so the next flush
     * starts a new one.
     *
     * @throws UncheckedIOException when writing fails; the store then refuses further writes, and
     *     reopening it repairs whatever the failed flush left
     * @throws IllegalStateException when the store is read-only, closed, or an earlier flush failed
     */
    public synchronized void flush() {
        requireWritable();
        if (pending.isEmpty()) {
            return;
        }
        long size;
        try {
            if (active == null) {
                openActiveSegment();
            }
            for (PendingStep p : pending.values()) {
                active.appendEncoded(encoded.slice(p.start(), p.length()));
            }
            active.fSync();
            size = Files.size(lastSegment().path());
        } catch (IOException | RuntimeException e) {
            throw failed(e);
        }
        Segment last = lastSegment();
        segments.set(segments.size() - 1, new Segment(last.number(), last.path(), size, size));
        for (PendingStep p : pending.values()) {
            index.add(p.indexed());
        }
        pending.clear();
        pendingEpisodes.clear();
        encoded.reset();
        if (size >= options.segmentBytes()) {
            DataFileWriter<StoredDemonstration> full = active;
            active = null;
            lastSegmentAppendable = false;
            try {
                full.close();
            } catch (IOException e) {
                throw failed(e);
            }
        }
    }

    private void openActiveSegment() throws IOException {
        DataFileWriter<StoredDemonstration> writer = new DataFileWriter<>(Segments.datumWriter());
        if (lastSegmentAppendable) {
            active = writer.appendTo(lastSegment().path().toFile());
            return;
        }
        int number = segments.isEmpty() ? 1 : lastSegment().number() + 1;
        Path path = Segments.path(dir, number);
        active = writer.create(StoredDemonstration.getClassSchema(), path.toFile());
        active.fSync();
        DurableFiles.fsyncDirectory(dir);
        long size = Files.size(path);
        segments.add(new Segment(number, path, size, size));
    }

    private Segment lastSegment() {
        return segments.get(segments.size() - 1);
    }

    /** Records a failed flush, closes the writer and returns the exception to throw. */
    private RuntimeException failed(Exception e) {
        failure = e;
        if (active != null) {
            try {
                active.close();
            } catch (IOException | RuntimeException closing) {
                e.addSuppressed(closing);
            }
            active = null;
        }
        String message = "store " + dir + ": flush failed; the store accepts no more writes until it is reopened,"
                + " which repairs the segment";
        return e instanceof IOException io ? new UncheckedIOException(message, io) : new IllegalStateException(message, e);
    }

    /**
     * {@link #flush()} for a batch whose Kafka commit comes next: first records durably which records
     * the batch read ({@link #UNCOMMITTED_BATCH}), then writes and forces its steps. Until
     * {@link #commitBatch(String)} says the commit happened, {@link #rollBackUncommitted()} can take
     * the batch's steps out again, also after a crash: the record survives until one of them runs.
     * With no steps pending nothing is written and no batch is recorded.
     *
     * @param batchId the id the commit carries
     * @param spans the offsets the batch read, per partition
     * @throws IllegalStateException when another batch is still uncommitted, or as {@link #flush()}
     * @throws UncheckedIOException as {@link #flush()}
     */
    public synchronized void flushUncommitted(String batchId, List<UncommittedBatch.Span> spans) {
        requireWritable();
        if (uncommitted != null) {
            throw new IllegalStateException("store " + dir + ": batch " + uncommitted.id() + " is still uncommitted;"
                    + " commit or roll it back before flushing batch " + batchId);
        }
        if (pending.isEmpty()) {
            return;
        }
        UncommittedBatch batch = new UncommittedBatch(batchId, segments.isEmpty() ? 1 : lastSegment().number(), spans);
        try {
            DurableFiles.replace(dir.resolve(UNCOMMITTED_BATCH), batch.encode().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw failed(e);
        }
        uncommitted = batch;
        flush();
    }

    /** The batch flushed last whose commit is not yet known (also one a crash left), if any. */
    public synchronized Optional<UncommittedBatch> uncommittedBatch() {
        requireOpen();
        return Optional.ofNullable(uncommitted);
    }

    /**
     * Records that the uncommitted batch's offsets were committed, so its steps stay for good. Does
     * nothing when no batch is uncommitted (one without steps is never recorded).
     *
     * @throws IllegalStateException when another batch is the uncommitted one, or the store is not writable
     * @throws UncheckedIOException when the record cannot be deleted
     */
    public synchronized void commitBatch(String batchId) {
        requireWritable();
        if (uncommitted == null) {
            return;
        }
        if (!uncommitted.id().equals(batchId)) {
            throw new IllegalStateException("store " + dir + ": batch " + batchId + " is not the uncommitted one ("
                    + uncommitted.id() + ")");
        }
        forgetUncommitted();
    }

    /**
     * Takes the uncommitted batch's steps out of the store (those read from the records its spans
     * cover) and forgets the batch: its commit did not happen, so the records will be read again,
     * perhaps by another replica into another store. Rewrites the segments that hold them, as an
     * erasure does, and rebuilds the index by reading every segment: a rare path (a crash, a lost
     * partition, a failed commit), not a per-batch one. Crash-safe: the record of the batch is
     * deleted last, so an interrupted roll-back is repeated.
     *
     * @return the steps taken out
     * @throws IllegalStateException when steps were appended since the uncommitted flush, or the
     *     store is not writable
     * @throws StoreDamagedException when a segment can no longer be read to its end; nothing is changed
     * @throws UncheckedIOException when a file cannot be read or written; the store then refuses
     *     writes until it is reopened
     */
    public long rollBackUncommitted() {
        files.writeLock().lock();
        try {
            synchronized (this) {
                requireWritable();
                if (uncommitted == null) {
                    return 0;
                }
                if (!pending.isEmpty()) {
                    throw new IllegalStateException("store " + dir + ": " + pending.size() + " steps were appended after"
                            + " uncommitted batch " + uncommitted.id() + "; roll back before appending more");
                }
                return rollBackLocked(uncommitted);
            }
        } finally {
            files.writeLock().unlock();
        }
    }

    private long rollBackLocked(UncommittedBatch batch) {
        StoreIndex rebuilt = new StoreIndex();
        List<Segment> affected = new ArrayList<>();
        long[] removed = {0};
        try {
            for (Segment segment : segments) {
                boolean mayHold = segment.number() >= batch.firstSegment();
                long taken = indexWithout(segment, s -> mayHold && batch.covers(s.topic(), s.partition(), s.offset()),
                        rebuilt, "uncommitted batch " + batch.id() + " was not rolled back");
                removed[0] += taken;
                if (taken > 0) {
                    affected.add(segment);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("store " + dir + ": cannot read the segments to roll back batch "
                    + batch.id() + "; nothing was changed", e);
        }
        if (!affected.isEmpty()) {
            try {
                rewrite(affected, r -> batch.covers(r.getTopic(), r.getPartition(), r.getOffset()), new int[2]);
            } catch (IOException | RuntimeException e) {
                failure = e;
                String message = "store " + dir + ": rolling back batch " + batch.id() + " failed; the store accepts"
                        + " no more writes until it is reopened and rolled back again";
                throw e instanceof IOException io ? new UncheckedIOException(message, io)
                        : new IllegalStateException(message, e);
            }
        }
        index = rebuilt;
        forgetUncommitted();
        LOG.warn("store {}: rolled back uncommitted batch {}: took out {} steps from {} segments", dir, batch.id(),
                removed[0], affected.size());
        return removed[0];
    }

    private void forgetUncommitted() {
        try {
            Files.deleteIfExists(dir.resolve(UNCOMMITTED_BATCH));
            DurableFiles.fsyncDirectory(dir);
        } catch (IOException e) {
            throw failed(e);
        }
        uncommitted = null;
    }

    /** The uncommitted batch a previous run left, or null. */
    private UncommittedBatch readUncommittedBatch() throws IOException {
        Path file = dir.resolve(UNCOMMITTED_BATCH);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return UncommittedBatch.decode(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | java.nio.charset.MalformedInputException e) {
            throw new StoreDamagedException(dir, List.of(UNCOMMITTED_BATCH), "store " + dir + ": "
                    + UNCOMMITTED_BATCH + " cannot be read (" + e.getMessage() + "), so the steps of the batch it"
                    + " describes cannot be told apart; DemonstrationStore.repair moves it to " + dir.resolve(QUARANTINE)
                    + " (its steps then stay, and may also be stored by the replica that read them again)");
        }
    }

    /** Steps appended but not yet flushed. */
    public synchronized long pendingCount() {
        requireOpen();
        return pending.size();
    }

    /** Durable steps: those flushed to disk (pending steps are not counted). */
    public synchronized long size() {
        requireOpen();
        return index.records();
    }

    /**
     * Reads the durable steps the query selects as whole episodes. Steps are grouped by (source,
     * episode) and ordered by step. A complete episode, steps 0 to a terminal step k, becomes a
     * trajectory of k + 1 actions whose final state is the terminal step's final state (or its state
     * again when none was recorded), terminated unless it was time-limited. An incomplete episode is
     * skipped unless the query includes incomplete episodes; it is then read as its steps from 0 up
     * to the first gap, time-limited. An episode with a state or action outside the spaces, or with
     * steps after its terminal step, is skipped as invalid. Episodes are ordered by the event time of
     * step 0, then source and episode id.
     *
     * @throws IllegalStateException when no episode can be read, naming the counts skipped and why
     * @throws UncheckedIOException when a segment cannot be read
     */
    public StoredDemonstrations read(Box stateSpace, Space actionSpace, StoreQuery query) {
        return readTogether(List.of(this), stateSpace, actionSpace, query);
    }

    /**
     * {@link #read} over several stores as if they were one: the stores of the replicas that share
     * a topic's partitions, each holding the records of its partitions. An episode's steps may lie
     * in several of them (its partition moved between replicas mid-episode) and are put together; a
     * step found in more than one keeps the first store's record. The answer names the first store.
     *
     * @param stores the stores, the replica's own first; read-only instances of the others
     * @throws IllegalStateException when no episode can be read, naming the counts skipped and why
     * @throws UncheckedIOException when a segment cannot be read
     */
    public static StoredDemonstrations readTogether(List<DemonstrationStore> stores, Box stateSpace, Space actionSpace,
            StoreQuery query) {
        requireArgument(stores, "stores", "a list of stores");
        if (stores.isEmpty()) {
            throw new IllegalArgumentException("stores: expected at least one store, found none");
        }
        requireArgument(stateSpace, "stateSpace", "a state space");
        requireArgument(actionSpace, "actionSpace", "an action space");
        requireArgument(query, "query", "a store query");
        Map<EpisodeKey, GatheredEpisode> gathered = new HashMap<>();
        int storedEpisodes = 0;
        for (DemonstrationStore store : stores) {
            storedEpisodes += store.gatherInto(gathered, query);
        }
        DemonstrationStore first = stores.get(0);
        Path dir = first.dir;
        String named = stores.size() == 1 ? "store " + dir
                : "stores " + stores.stream().map(st -> st.dir.toString()).collect(java.util.stream.Collectors.joining(", "));
        if (gathered.isEmpty()) {
            throw new IllegalStateException(named + ": no stored episode matches " + query + " (" + (stores.size() == 1
                    ? "it holds " : "they hold ") + storedEpisodes + " episodes)");
        }
        List<EpisodeKey> keys = new ArrayList<>(gathered.keySet());
        keys.sort(BY_SOURCE_AND_EPISODE);
        List<UsedEpisode> used = new ArrayList<>();
        OffsetTallies provenance = new OffsetTallies();
        int incomplete = 0;
        int invalid = 0;
        String firstProblem = null;
        for (EpisodeKey key : keys) {
            GatheredEpisode episode = gathered.remove(key);
            List<StoredStep> stored = new ArrayList<>(episode.steps.values());
            EpisodeAssembler.Assembly assembly = episode.problem != null
                    ? new EpisodeAssembler.Assembly(EpisodeAssembler.Verdict.INVALID, null, 0, episode.problem)
                    : EpisodeAssembler.assemble(stored.stream().map(StoredStep::step).toList(), stateSpace, actionSpace,
                            query.includeIncomplete());
            switch (assembly.verdict()) {
                case COMPLETE, PREFIX -> {
                    used.add(new UsedEpisode(stored.get(0).step().eventTime(), key.source(), key.episode(),
                            assembly.trajectory()));
                    for (StoredStep s : stored.subList(0, assembly.stepsUsed())) {
                        provenance.add(s.origin().topic(), s.origin().partition(), s.origin().offset());
                    }
                }
                case INCOMPLETE -> incomplete++;
                case INVALID -> {
                    invalid++;
                    if (firstProblem == null) {
                        firstProblem = "episode " + key.episode() + " of " + key.source() + ": " + assembly.problem();
                    }
                }
            }
        }
        if (invalid > 0) {
            LOG.warn("{}: skipped {} episodes that are invalid for {} and {}, e.g. {}", named, invalid,
                    stateSpace.describe(), actionSpace.describe(), firstProblem);
        }
        if (used.isEmpty()) {
            List<String> reasons = new ArrayList<>(2);
            if (incomplete > 0) {
                reasons.add(incomplete + (query.includeIncomplete() ? " lack step 0"
                        : " are incomplete (a step or the terminal step is missing; includingIncomplete() reads"
                                + " their first steps)"));
            }
            if (invalid > 0) {
                reasons.add(invalid + " are invalid for " + stateSpace.describe() + " and " + actionSpace.describe()
                        + " (e.g. " + firstProblem + ")");
            }
            throw new IllegalStateException(named + ": none of the " + keys.size() + " episodes matching "
                    + query + " can be read: " + String.join(", ", reasons));
        }
        used.sort(Comparator.comparing(UsedEpisode::start).thenComparing(UsedEpisode::source)
                .thenComparing(UsedEpisode::episode));
        List<Trajectory> trajectories = used.stream().map(UsedEpisode::trajectory).toList();
        DemonstrationSet set = DemonstrationSet.fromTrajectories(stateSpace, actionSpace, trajectories);
        return new StoredDemonstrations(dir, trajectories, set, provenance.ranges(), query, trajectories.size(),
                incomplete, invalid, used.stream().map(u -> new EpisodeId(u.source(), u.episode())).toList());
    }

    /**
     * Adds this store's steps of the episodes the query selects to {@code gathered}; returns how
     * many episodes the store holds. Holds the read lock of the files while it reads them.
     */
    private int gatherInto(Map<EpisodeKey, GatheredEpisode> gathered, StoreQuery query) {
        files.readLock().lock();
        try {
            List<Segment> snapshot;
            Set<EpisodeKey> selected;
            int storedEpisodes;
            synchronized (this) {
                requireOpen();
                snapshot = List.copyOf(segments);
                selected = index.select(query);
                storedEpisodes = index.episodes();
            }
            if (!selected.isEmpty()) {
                gather(snapshot, selected, gathered);
            }
            return storedEpisodes;
        } finally {
            files.readLock().unlock();
        }
    }

    /**
     * Adds the steps of the selected episodes, by episode and step, as plain steps rather than Avro
     * records (whose boxed floats take several times the memory). A repeated step keeps its first
     * record; a record that does not convert makes its episode invalid.
     */
    private void gather(List<Segment> snapshot, Set<EpisodeKey> selected, Map<EpisodeKey, GatheredEpisode> gathered) {
        for (Segment segment : snapshot) {
            try {
                Segments.read(segment, r -> {
                    Demonstration d = r.getDemonstration();
                    EpisodeKey key = new EpisodeKey(d.getSource(), d.getEpisode());
                    if (!selected.contains(key)) {
                        return;
                    }
                    GatheredEpisode episode = gathered.computeIfAbsent(key, k -> new GatheredEpisode());
                    if (episode.problem != null || episode.steps.containsKey(d.getStep())) {
                        return;
                    }
                    try {
                        episode.steps.put(d.getStep(), new StoredStep(DemonstrationEnvelope.toStep(d),
                                new RecordOrigin(r.getTopic(), r.getPartition(), r.getOffset())));
                    } catch (IllegalArgumentException e) {
                        episode.problem = "step " + d.getStep() + ": " + e.getMessage();
                        episode.steps.clear();
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("store " + dir + ": cannot read segment " + segment.path().getFileName()
                        + (readOnly ? " (if the writer erased sources since this read-only instance opened, reopen it)"
                                : ""), e);
            }
        }
    }

    /** What the store holds and what opening it repaired. */
    public synchronized StoreStatistics statistics() {
        requireOpen();
        long bytes = 0;
        for (Segment s : segments) {
            bytes += s.bytesOnDisk();
        }
        return new StoreStatistics(segments.size(), bytes, index.records(), pending.size(), index.episodes(),
                index.completeEpisodes(), index.recordsPerSource(), index.domains(), index.firstEventTime(),
                index.lastEventTime(), index.offsetRanges(), recoveredSegments, droppedBytes, tornSegments);
    }

    /** The store's directory. */
    public Path directory() {
        return dir;
    }

    /** Whether this instance was opened with {@link #openReadOnly(Path)}. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /**
     * Flushes the pending steps, closes the active segment and releases the lock. Closing again does
     * nothing. After a failed flush the pending steps are dropped; they were never durable.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            if (!readOnly && failure == null) {
                flush();
            }
        } finally {
            closed = true;
            release();
        }
    }

    private void release() {
        IOException problem = null;
        if (active != null) {
            try {
                active.close();
            } catch (IOException e) {
                problem = e;
            }
            active = null;
        }
        if (lockChannel != null) {
            try {
                lockChannel.close();
            } catch (IOException e) {
                if (problem == null) {
                    problem = e;
                } else {
                    problem.addSuppressed(e);
                }
            }
        }
        if (problem != null) {
            throw new UncheckedIOException("store " + dir + ": closing failed", problem);
        }
    }

    private void closeQuietly(Throwable cause) {
        closed = true;
        try {
            release();
        } catch (UncheckedIOException e) {
            cause.addSuppressed(e);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("store " + dir + " is closed");
        }
    }

    private void requireWritable() {
        requireOpen();
        if (readOnly) {
            throw new IllegalStateException("store " + dir + " was opened read-only: appending, flushing and erasing"
                    + " need the writer (DemonstrationStore.open)");
        }
        if (failure != null) {
            throw new IllegalStateException("store " + dir + " accepts no more writes after a failed flush or erasure ("
                    + failure + "); reopen it to repair the segment or complete the erasure", failure);
        }
    }

    /** The absolute path of {@code dir}, which must be an existing directory. */
    private static Path existingDirectory(Path dir) {
        requireArgument(dir, "dir", "a store directory");
        Path root = dir.toAbsolutePath();
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("dir: expected an existing store directory, found "
                    + (Files.exists(root) ? "a file" : "nothing") + " at " + root);
        }
        return root;
    }

    private static void requireArgument(Object value, String field, String expected) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": expected " + expected + ", found null");
        }
    }
}
