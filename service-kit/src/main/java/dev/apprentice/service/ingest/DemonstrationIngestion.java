package dev.apprentice.service.ingest;

import dev.apprentice.il.store.DemonstrationStore;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import dev.apprentice.il.store.StoreErasure;
import dev.apprentice.il.store.StoreQuery;
import dev.apprentice.il.store.StoredDemonstrations;
import dev.apprentice.il.store.StoreRepair;
import dev.apprentice.il.store.StoreStatistics;
import dev.apprentice.il.stream.DemonstrationIngester;
import dev.apprentice.il.stream.IngestStatistics;
import dev.apprentice.il.stream.IngesterConfig;
import dev.apprentice.il.stream.IngestionListener;
import dev.apprentice.service.config.DomainSettings;
import dev.apprentice.service.config.KafkaSettings;
import dev.apprentice.service.domain.DemonstrationRecords;
import dev.apprentice.service.error.UnavailableException;
import dev.apprentice.service.ingest.IngestionStatus.State;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The service's only writer of the demonstration store: the core's exactly-once ingester reading
 * the domain's demonstrations topic (dead letters to {@code <topic>.dlq}), exporting its counters
 * as {@code apprentice_ingest_*} metrics and telling listeners (automatic training) how many
 * complete episodes the store holds after each committed batch.
 *
 * <p>Neither a store that cannot be opened nor an ingester that dies stops the service: it goes
 * on serving its promoted policy, and {@link #status()} says what failed, since when and why (the
 * original error, logged once). While the ingester is down the lag gauge is measured from the
 * group's committed offsets, so it keeps moving as records arrive.
 */
public class DemonstrationIngestion {

    /** How long closing waits for the ingester's last batch before giving up on it. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(15);
    /** How long a lag measured from committed offsets is reused. */
    private static final long LAG_CACHE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final DomainSettings settings;
    private final KafkaSettings kafka;
    private final KafkaConnection connection;
    private final List<LongConsumer> episodeListeners = new CopyOnWriteArrayList<>();
    private DemonstrationStore store;
    private DemonstrationIngester<?> ingester;
    private volatile IngestStatistics last = new IngestStatistics(0, 0, 0, 0, 0, 0, 0);
    private volatile IngestionStatus status;
    private Throwable reportedFailure;
    private Admin admin;
    private MeterRegistry metrics;
    private final List<Meter> meters = new ArrayList<>();
    private long lagMeasuredAt;
    private long committedLag = -1;

    public DemonstrationIngestion(DomainSettings settings, KafkaSettings kafka, KafkaConnection connection,
            MeterRegistry metrics) {
        this.settings = settings;
        this.kafka = kafka;
        this.connection = connection;
        status = new IngestionStatus(kafka.ingest() ? State.STOPPED : State.DISABLED, null, Instant.now());
        registerMetrics(metrics);
    }

    /**
     * Opens the store and, on an ingesting replica, starts consuming; after {@link #close()} it
     * opens and starts again. Listeners registered before this call see every committed batch. A
     * store that cannot be opened is reported in {@link #status()} instead of thrown.
     */
    public synchronized void start() {
        if (!openStore() || !kafka.ingest() || ingester != null) {
            return;
        }
        ingester = newIngester(settings.domain().records());
        ingester.start();
        status = new IngestionStatus(State.RUNNING, null, Instant.now());
        Log.infof("ingesting %s into %s", settings.topic(), store.directory());
    }

    /** Opens the store if it is not open; false, with the status saying why, when it cannot be. */
    private boolean openStore() {
        if (store != null) {
            return true;
        }
        try {
            store = DemonstrationStore.open(settings.storeDirectory());
            return true;
        } catch (RuntimeException | OutOfMemoryError e) {
            status = new IngestionStatus(State.STORE_FAILED, IngestionStatus.describe(e), Instant.now());
            Log.errorf(e, "the demonstration store in %s cannot be opened, so nothing is ingested or trained until it is"
                    + " repaired (see the README's reliability section); decisions are still served", settings.storeDirectory());
            return false;
        }
    }

    private <R extends SpecificRecord> DemonstrationIngester<R> newIngester(DemonstrationRecords<R> records) {
        IngesterConfig config = IngesterConfig.defaults(connection.bootstrapServers(), settings.topic())
                .withGroupId(settings.groupId())
                .withTransactionalId(settings.transactionalId())
                .withOverrides(Map.of(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) kafka.sessionTimeout().toMillis()),
                        Map.of());
        DemonstrationStore target = store;
        return new DemonstrationIngester<>(config, settings.payloadFormat().codecFor(records.recordClass()),
                records::toStep, settings.domain().validator(), target, new IngestionListener() {
                    @Override
                    public void batchCommitted(IngestStatistics totals) {
                        last = totals;
                        long complete = target.statistics().completeEpisodes();
                        for (LongConsumer listener : episodeListeners) {
                            listener.accept(complete);
                        }
                    }
                });
    }

    private void registerMetrics(MeterRegistry metrics) {
        this.metrics = metrics;
        Tags tags = Tags.of("domain", settings.domain().name());
        meters.add(FunctionCounter.builder("apprentice_ingest_consumed", this, i -> i.last.consumed()).tags(tags)
                .description("Records read from the demonstrations topic").register(metrics));
        meters.add(FunctionCounter.builder("apprentice_ingest_stored", this, i -> i.last.stored()).tags(tags)
                .description("Records stored (each exactly once)").register(metrics));
        meters.add(FunctionCounter.builder("apprentice_ingest_duplicates", this, i -> i.last.duplicates()).tags(tags)
                .description("Records already in the store, skipped").register(metrics));
        meters.add(FunctionCounter.builder("apprentice_ingest_dead_lettered", this, i -> i.last.deadLettered()).tags(tags)
                .description("Records sent to the dead-letter topic").register(metrics));
        meters.add(FunctionCounter.builder("apprentice_ingest_rolled_back", this, i -> i.last.rolledBack()).tags(tags)
                .description("Steps taken back out of the store because their batch's commit did not happen (they are"
                        + " read again, here or by another replica)").register(metrics));
        meters.add(Gauge.builder("apprentice_ingest_lag", this, DemonstrationIngestion::lag).tags(tags)
                .description("Records of the demonstrations topic not yet ingested (measured from the group's committed"
                        + " offsets while the ingester is down)").register(metrics));
        meters.add(Gauge.builder("apprentice_ingest_failed", this, i -> i.status().failed() ? 1 : 0).tags(tags)
                .description("1 while the store or the ingester has failed, else 0").register(metrics));
    }

    /** Called with the store's complete-episode count after every committed batch. */
    public void onEpisodesStored(LongConsumer listener) {
        episodeListeners.add(listener);
    }

    /**
     * The open store.
     *
     * @throws UnavailableException (503) when the store could not be opened
     */
    public synchronized DemonstrationStore store() {
        if (!openStore()) {
            throw new UnavailableException("store-failed", "the demonstration store cannot be opened: "
                    + status.cause() + "; an administrator can repair it (see GET /ingest)");
        }
        return store;
    }

    /**
     * The stored episodes the query selects, as training and adaptation read them: this replica's
     * store together with the other ingesting replicas' stores
     * ({@link DomainSettings#peerStoreDirectories()}), opened read-only for this read, so that every
     * partition's records are read and an episode whose partition moved between replicas
     * mid-episode is whole again.
     *
     * @throws UnavailableException (503) when this store could not be opened or another replica's
     *     store cannot be read (training on part of the data is refused, not done quietly)
     * @throws IllegalStateException as {@link DemonstrationStore#read} when no episode can be read
     */
    public StoredDemonstrations read(StoreQuery query) {
        DemonstrationStore own = store();
        Box states = settings.domain().observationSpace();
        Space actions = settings.domain().actionSpace();
        List<Path> peers = settings.peerStoreDirectories();
        if (peers.isEmpty()) {
            return own.read(states, actions, query);
        }
        List<DemonstrationStore> stores = new ArrayList<>(peers.size() + 1);
        stores.add(own);
        try {
            for (Path peer : peers) {
                try {
                    stores.add(DemonstrationStore.openReadOnly(peer));
                } catch (RuntimeException e) {
                    throw new UnavailableException("peer-store-failed", "the store of another ingesting replica, "
                            + peer.getFileName() + ", cannot be read (" + IngestionStatus.describe(e)
                            + "); training reads every replica's store (apprentice.storage.peer-store-directories)");
                }
            }
            return DemonstrationStore.readTogether(stores, states, actions, query);
        } finally {
            for (DemonstrationStore peer : stores.subList(1, stores.size())) {
                peer.close();
            }
        }
    }

    /**
     * Erases every step of {@code sources} (the subjects whose data it is) from the store: stored
     * steps by rewriting the segments that hold them, and steps the ingester has appended but not
     * yet flushed ({@link DemonstrationStore#erase}). It needs no pause of the ingester: the store's
     * lock serialises it with the store thread's appends and flushes, and the ingester keeps
     * nothing of the store's contents between them. So an erasure that runs between a batch's
     * appends and its flush drops the sources' steps of that batch, which the flush then cannot
     * write back, and loses none of the other sources'; the batch's offsets are committed as usual,
     * so those records are not read again. Records of the sources that arrive later are stored
     * again, and so are those of a batch whose commit fails and is replayed: the caller keeps
     * erased data from coming back (phone-security destroys the subject's data key, so its records
     * can no longer be opened). Blocks appends while it rewrites, and waits for training reads in
     * progress; the store's statistics wait for it, while status, readiness, metrics and decisions
     * are not held up. The log gives counts only.
     *
     * @throws UnavailableException (503) when the store could not be opened
     */
    public StoreErasure eraseSources(Set<String> sources) {
        StoreErasure erasure = store().erase(sources);
        Log.infof("erased %d steps in %d episodes from the demonstration store (sources that had any: %d; segments"
                + " rewritten: %d, removed: %d)", erasure.steps(), erasure.episodes(), erasure.sources().size(),
                erasure.segmentsRewritten(), erasure.segmentsRemoved());
        if (!erasure.quarantinedCopies().isEmpty()) {
            Log.warnf("%d copies of damaged segments in the store's quarantine directory were not erased from and may"
                    + " hold the erased sources' steps: delete them once they are no longer needed",
                    erasure.quarantinedCopies().size());
        }
        return erasure;
    }

    /** The ingester's counters: live while it runs, else as of the last committed batch. */
    public IngestStatistics statistics() {
        DemonstrationIngester<?> running;
        synchronized (this) {
            running = ingester;
        }
        return running != null && running.isRunning() ? running.statistics() : last;
    }

    /**
     * The store's statistics, or empty when the store could not be opened or has been closed under
     * the ingester. They wait for an erasure in progress, outside this object's lock, so that
     * {@link #status()} (readiness) is not held up meanwhile.
     */
    public Optional<StoreStatistics> storeStatistics() {
        DemonstrationStore open;
        synchronized (this) {
            if (!openStore()) {
                return Optional.empty();
            }
            open = store;
        }
        try {
            return Optional.of(open.statistics());
        } catch (IllegalStateException closed) {
            return Optional.empty();
        }
    }

    /**
     * Where ingestion is. The first time the ingester is seen dead, its error is logged with its
     * cause (once).
     */
    public IngestionStatus status() {
        Throwable failure;
        synchronized (this) {
            if (ingester == null || ingester.isRunning()) {
                return status;
            }
            failure = ingester.failure();
            if (failure == null || failure == reportedFailure) {
                return status;
            }
            reportedFailure = failure;
            status = new IngestionStatus(State.INGESTER_FAILED, IngestionStatus.describe(failure), Instant.now());
        }
        Log.errorf(failure, "the ingester of %s stopped; nothing more is ingested until the service restarts,"
                + " decisions are still served", settings.topic());
        return status;
    }

    /** Records not yet ingested: the ingester's own measure while it runs, else the committed offsets' (-1: unknown). */
    private double lag() {
        DemonstrationIngester<?> running;
        synchronized (this) {
            running = ingester;
        }
        if (running != null && running.isRunning()) {
            return running.statistics().lag();
        }
        if (!kafka.ingest()) {
            return -1;
        }
        return committedLag();
    }

    private synchronized long committedLag() {
        long now = System.nanoTime();
        if (lagMeasuredAt != 0 && now - lagMeasuredAt < LAG_CACHE_NANOS) {
            return committedLag;
        }
        lagMeasuredAt = now;
        try {
            if (admin == null) {
                admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, connection.bootstrapServers(),
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        2000));
            }
            Set<TopicPartition> partitions = admin.describeTopics(List.of(settings.topic())).allTopicNames()
                    .get(3, TimeUnit.SECONDS).get(settings.topic()).partitions().stream()
                    .map(p -> new TopicPartition(settings.topic(), p.partition())).collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(3, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(settings.groupId())
                    .partitionsToOffsetAndMetadata().get(3, TimeUnit.SECONDS);
            long total = 0;
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata c = committed.get(tp);
                total += ends.get(tp).offset() - (c == null ? 0 : c.offset());
            }
            committedLag = total;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            committedLag = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            committedLag = -1;
        }
        return committedLag;
    }

    /**
     * Removes this instance's meters, once it is closed for good: they read this instance, and a
     * registry that outlives it (one JVM running the application again, as tests and dev mode do)
     * would otherwise keep showing a dead instance's values under the same names.
     */
    public void removeMeters() {
        meters.forEach(metrics::remove);
    }

    /**
     * Repairs the store in place, the documented way out of {@link State#STORE_FAILED}: stops the
     * ingester, copies each damaged segment to the store's {@code quarantine/} directory and keeps
     * its readable blocks ({@link DemonstrationStore#repair}), then opens the store and ingests
     * again. On a sound store it changes nothing.
     */
    public synchronized StoreRepair repairStore() {
        close();
        StoreRepair repair = DemonstrationStore.repair(settings.storeDirectory());
        Log.warnf("demonstration store %s repaired: %s", settings.storeDirectory(), repair.storeWasSound() ? "it was sound"
                : repair.segments().size() + " segments quarantined, " + repair.recordsKept() + " records kept");
        status = new IngestionStatus(kafka.ingest() ? State.STOPPED : State.DISABLED, null, Instant.now());
        start();
        return repair;
    }

    /**
     * Stops ingesting, waiting at most {@link #CLOSE_TIMEOUT} for the last batch, and closes the
     * store (idempotent); {@link #start()} may follow.
     */
    public synchronized void close() {
        if (ingester != null) {
            if (!ingester.close(CLOSE_TIMEOUT) && ingester.failure() == null) {
                Log.warnf("the ingester of %s did not stop cleanly within %s; its last batch is read again at the next"
                        + " start", settings.topic(), CLOSE_TIMEOUT);
            }
            ingester = null;
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
        if (store != null) {
            try {
                store.close();
            } catch (RuntimeException e) {
                Log.warnf("closing the demonstration store failed (%s); reopening it repairs what the failed flush left",
                        e.getMessage());
            }
            store = null;
        }
        if (!status.failed()) {
            status = new IngestionStatus(kafka.ingest() ? State.STOPPED : State.DISABLED, null, Instant.now());
        }
    }
}
