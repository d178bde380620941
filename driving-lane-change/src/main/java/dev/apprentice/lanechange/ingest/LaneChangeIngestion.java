package dev.apprentice.lanechange.ingest;

import dev.apprentice.il.store.DemonstrationStore;
import dev.apprentice.il.store.StoreStatistics;
import dev.apprentice.il.stream.DemonstrationIngester;
import dev.apprentice.il.stream.IngestStatistics;
import dev.apprentice.il.stream.IngesterConfig;
import dev.apprentice.il.stream.IngestionListener;
import dev.apprentice.il.stream.PayloadFormat;
import dev.apprentice.lanechange.LaneChangeDomain;
import dev.apprentice.lanechange.config.LaneChangeConfig;
import dev.apprentice.lanechange.mapping.LaneChangeRecords;
import dev.apprentice.lanechange.schema.LaneChangeDemonstration;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * The service's only writer of the demonstration store: the core's exactly-once ingester reading
 * {@code lane-change.demonstrations} (dead letters to {@code lane-change.demonstrations.dlq}),
 * exporting its counters as metrics and telling listeners (automatic training) how many complete
 * episodes the store holds after each committed batch.
 */
@ApplicationScoped
public class LaneChangeIngestion {

    private final LaneChangeConfig config;
    private final KafkaConnection kafka;
    private final MeterRegistry metrics;
    private final List<LongConsumer> episodeListeners = new CopyOnWriteArrayList<>();
    private DemonstrationStore store;
    private DemonstrationIngester<LaneChangeDemonstration> ingester;
    private volatile IngestStatistics last = new IngestStatistics(0, 0, 0, 0, 0, 0);

    public LaneChangeIngestion(LaneChangeConfig config, KafkaConnection kafka, MeterRegistry metrics) {
        this.config = config;
        this.kafka = kafka;
        this.metrics = metrics;
    }

    /** Opens the store and, unless ingestion is disabled, starts consuming; idempotent. */
    public synchronized void start() {
        if (store != null) {
            return;
        }
        store = DemonstrationStore.open(Path.of(config.store().directory()));
        registerMetrics();
        if (!config.kafka().ingest()) {
            return;
        }
        LaneChangeConfig.Kafka k = config.kafka();
        IngesterConfig ingesterConfig = IngesterConfig.defaults(kafka.bootstrapServers(), k.topic())
                .withGroupId(k.groupId())
                .withTransactionalId(k.transactionalId());
        ingester = new DemonstrationIngester<>(ingesterConfig,
                PayloadFormat.parse(k.payloadFormat()).codecFor(LaneChangeDemonstration.class),
                LaneChangeRecords::toStep, LaneChangeDomain.validator(), store, new IngestionListener() {
                    @Override
                    public void batchCommitted(IngestStatistics totals) {
                        last = totals;
                        long complete = store.statistics().completeEpisodes();
                        for (LongConsumer listener : episodeListeners) {
                            listener.accept(complete);
                        }
                    }
                });
        ingester.start();
        Log.infof("ingesting %s into %s", k.topic(), store.directory());
    }

    private void registerMetrics() {
        FunctionCounter.builder("lane_change_ingest_consumed", this, i -> i.last.consumed())
                .description("Records read from the demonstrations topic").register(metrics);
        FunctionCounter.builder("lane_change_ingest_stored", this, i -> i.last.stored())
                .description("Records stored (each exactly once)").register(metrics);
        FunctionCounter.builder("lane_change_ingest_duplicates", this, i -> i.last.duplicates())
                .description("Records already in the store, skipped").register(metrics);
        FunctionCounter.builder("lane_change_ingest_dead_lettered", this, i -> i.last.deadLettered())
                .description("Records sent to the dead-letter topic").register(metrics);
        Gauge.builder("lane_change_ingest_lag", this, i -> i.last.lag())
                .description("Records behind the end of the topic after the last batch").register(metrics);
    }

    /** Called with the store's complete-episode count after every committed batch. */
    public void onEpisodesStored(LongConsumer listener) {
        episodeListeners.add(listener);
    }

    /** The store (opened on first use). */
    public DemonstrationStore store() {
        start();
        return store;
    }

    /** The ingester's counters after the last committed batch. */
    public IngestStatistics statistics() {
        return last;
    }

    /** The store's statistics. */
    public StoreStatistics storeStatistics() {
        return store().statistics();
    }

    /** The ingester's failure, if it stopped on one. */
    public Throwable failure() {
        return ingester == null ? null : ingester.failure();
    }

    /** Whether the ingester thread is running. */
    public boolean isIngesting() {
        return ingester != null && ingester.isRunning();
    }

    /** Stops ingesting and closes the store (idempotent). */
    @PreDestroy
    public synchronized void close() {
        if (ingester != null) {
            ingester.close();
            ingester = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
