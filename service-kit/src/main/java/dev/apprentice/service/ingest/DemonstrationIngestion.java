package dev.apprentice.service.ingest;

import dev.apprentice.il.store.DemonstrationStore;
import dev.apprentice.il.store.StoreStatistics;
import dev.apprentice.il.stream.DemonstrationIngester;
import dev.apprentice.il.stream.IngestStatistics;
import dev.apprentice.il.stream.IngesterConfig;
import dev.apprentice.il.stream.IngestionListener;
import dev.apprentice.service.config.DomainSettings;
import dev.apprentice.service.config.KafkaSettings;
import dev.apprentice.service.domain.DemonstrationRecords;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * The service's only writer of the demonstration store: the core's exactly-once ingester reading
 * the domain's demonstrations topic (dead letters to {@code <topic>.dlq}), exporting its counters
 * as {@code apprentice_ingest_*} metrics and telling listeners (automatic training) how many
 * complete episodes the store holds after each committed batch.
 */
@ApplicationScoped
public class DemonstrationIngestion {

    private final DomainSettings settings;
    private final KafkaSettings kafka;
    private final KafkaConnection connection;
    private final List<LongConsumer> episodeListeners = new CopyOnWriteArrayList<>();
    private DemonstrationStore store;
    private DemonstrationIngester<?> ingester;
    private volatile IngestStatistics last = new IngestStatistics(0, 0, 0, 0, 0, 0);

    public DemonstrationIngestion(DomainSettings settings, KafkaSettings kafka, KafkaConnection connection,
            MeterRegistry metrics) {
        this.settings = settings;
        this.kafka = kafka;
        this.connection = connection;
        registerMetrics(metrics);
    }

    /**
     * Opens the store and, on an ingesting replica, starts consuming; after {@link #close()} it
     * opens and starts again. Listeners registered before this call see every committed batch.
     */
    public synchronized void start() {
        store();
        if (!kafka.ingest() || ingester != null) {
            return;
        }
        ingester = newIngester(settings.domain().records());
        ingester.start();
        Log.infof("ingesting %s into %s", settings.topic(), store.directory());
    }

    private <R extends SpecificRecord> DemonstrationIngester<R> newIngester(DemonstrationRecords<R> records) {
        IngesterConfig config = IngesterConfig.defaults(connection.bootstrapServers(), settings.topic())
                .withGroupId(settings.groupId())
                .withTransactionalId(settings.transactionalId());
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
        Tags tags = Tags.of("domain", settings.domain().name());
        FunctionCounter.builder("apprentice_ingest_consumed", this, i -> i.last.consumed()).tags(tags)
                .description("Records read from the demonstrations topic").register(metrics);
        FunctionCounter.builder("apprentice_ingest_stored", this, i -> i.last.stored()).tags(tags)
                .description("Records stored (each exactly once)").register(metrics);
        FunctionCounter.builder("apprentice_ingest_duplicates", this, i -> i.last.duplicates()).tags(tags)
                .description("Records already in the store, skipped").register(metrics);
        FunctionCounter.builder("apprentice_ingest_dead_lettered", this, i -> i.last.deadLettered()).tags(tags)
                .description("Records sent to the dead-letter topic").register(metrics);
        Gauge.builder("apprentice_ingest_lag", this, i -> i.last.lag()).tags(tags)
                .description("Records behind the end of the topic after the last batch").register(metrics);
    }

    /** Called with the store's complete-episode count after every committed batch. */
    public void onEpisodesStored(LongConsumer listener) {
        episodeListeners.add(listener);
    }

    /** The store (opened on first use). */
    public synchronized DemonstrationStore store() {
        if (store == null) {
            store = DemonstrationStore.open(settings.storeDirectory());
        }
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
    public synchronized Throwable failure() {
        return ingester == null ? null : ingester.failure();
    }

    /** Whether the ingester thread is running. */
    public synchronized boolean isIngesting() {
        return ingester != null && ingester.isRunning();
    }

    /** Stops ingesting and closes the store (idempotent); {@link #start()} may follow. */
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
