package dev.apprentice.service.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.io.DurableFiles;
import dev.apprentice.il.stream.DemonstrationPublisher;
import dev.apprentice.il.stream.PayloadFormat;
import dev.apprentice.service.config.DomainSettings;
import dev.apprentice.service.config.ProducerSettings;
import dev.apprentice.service.config.TrainingSettings;
import dev.apprentice.service.domain.DemonstrationRecords;
import dev.apprentice.service.domain.ExpertSimulation;
import dev.apprentice.service.error.ConflictException;
import dev.apprentice.service.error.InvalidRequestException;
import dev.apprentice.service.error.NotFoundException;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;

/**
 * Simulates a domain's scripted experts and publishes their decisions to the demonstrations
 * topic, exactly as recorded experts would: the whole flow then runs from Kafka. Source
 * {@code sim-<expert>}, episode {@code seed-<seed>}. Each expert's next seed is kept in
 * {@code <state>/producer-seeds.json}, so a restarted service publishes new episodes rather than
 * repeating seed 0 onwards. It also publishes demonstrations recorded elsewhere and handed to the
 * service (an uploaded game replay's decisions), through the same mapping and publisher.
 */
public class ExpertProducer {

    private final DomainSettings settings;
    private final ProducerSettings producer;
    private final TrainingSettings training;
    private final KafkaConnection kafka;
    private final Map<String, Long> nextSeed = new TreeMap<>();
    private final Path seedFile;
    private final ObjectMapper json = new ObjectMapper();
    private boolean seedsLoaded;
    private DemonstrationPublisher<SpecificRecord> publisher;
    private boolean closed;

    public ExpertProducer(DomainSettings settings, ProducerSettings producer, TrainingSettings training,
            KafkaConnection kafka) {
        this.settings = settings;
        this.producer = producer;
        this.training = training;
        this.kafka = kafka;
        this.seedFile = settings.stateDirectory().resolve(SEED_FILE);
    }

    /** The file, in the state directory, that keeps each expert's next seed. */
    static final String SEED_FILE = "producer-seeds.json";

    /**
     * What a publication produced.
     *
     * @param source the simulated expert's source id
     * @param expert the expert
     * @param episodes episodes published
     * @param records records acknowledged by the broker
     * @param firstSeed simulator seed of the first episode; the others follow consecutively
     * @param failures episodes that ended in a failure (a collision, say)
     */
    public record Publication(String source, String expert, int episodes, long records, long firstSeed, int failures) {
    }

    /**
     * Simulates and publishes episodes; returns once the broker has acknowledged every record.
     *
     * @param firstSeed the first simulator seed, or null to continue after this expert's last one
     */
    public Publication publish(String expert, int episodes, Long firstSeed) {
        ExpertSimulation sim = settings.domain().simulation()
                .orElseThrow(() -> new NotFoundException(settings.domain().name() + " has no simulated experts"));
        if (expert == null || !sim.experts().contains(expert)) {
            throw new InvalidRequestException("expert", "expected one of " + sim.experts() + ", found "
                    + (expert == null ? "nothing" : "'" + expert + "'"));
        }
        if (episodes < 1 || episodes > producer.maxEpisodes()) {
            throw new InvalidRequestException("episodes", "expected a count in [1, " + producer.maxEpisodes() + "], found "
                    + episodes);
        }
        long evaluation = training.evaluationSeed();
        long first;
        synchronized (nextSeed) {
            loadSeeds();
            first = firstSeed != null ? firstSeed : nextSeed.getOrDefault(expert, producer.firstSeed());
            if (first < 0 || first + episodes > evaluation) {
                throw new InvalidRequestException("firstSeed", "seeds " + first + ".." + (first + episodes - 1)
                        + " must be >= 0 and below the evaluation seeds, which start at " + evaluation);
            }
            nextSeed.merge(expert, first + episodes, Math::max);
            saveSeeds();
        }
        return publish(publisher(), sim, settings.domain().records(), expert, episodes, first, producer.decisionInterval());
    }

    /**
     * Simulates episodes of an expert on seeds {@code first…} and publishes every decision;
     * returns once the broker has acknowledged them all. Used by the service and by the produce commands.
     */
    public static <R extends SpecificRecord> Publication publish(DemonstrationPublisher<? super R> out, ExpertSimulation sim,
            DemonstrationRecords<R> records, String expert, int episodes, long first, Duration decisionInterval) {
        Future<?> lastSend = null;
        int failures = 0;
        Instant start = Instant.now();
        long sent = 0;
        String source = null;
        for (int e = 0; e < episodes; e++) {
            // One minute apart, the last starting now: recorded events lie in the past, inside any ingest limit.
            ExpertSimulation.ExpertEpisode episode = sim.record(expert, first + e, start.minusSeconds(60L * (episodes - 1 - e)),
                    decisionInterval);
            failures += episode.failed() ? 1 : 0;
            for (ExpertStep step : episode.steps()) {
                source = step.source();
                lastSend = out.publish(records.fromStep(step));
                sent++;
            }
        }
        await(out, lastSend);
        // flush() returned without an error and waited for every record sent so far: all of this
        // publication's records are acknowledged (counting them here keeps concurrent publications apart).
        return new Publication(source, expert, episodes, sent, first, failures);
    }

    /**
     * Publishes steps recorded elsewhere (the decisions in an uploaded game replay, say) through the
     * domain's record mapping; returns the number of records once the broker has acknowledged them all.
     */
    public long publishRecorded(List<ExpertStep> steps) {
        return publishRecorded(publisher(), settings.domain().records(), steps);
    }

    private static <R extends SpecificRecord> long publishRecorded(DemonstrationPublisher<? super R> out,
            DemonstrationRecords<R> records, List<ExpertStep> steps) {
        Future<?> lastSend = null;
        for (ExpertStep step : steps) {
            lastSend = out.publish(records.fromStep(step));
        }
        await(out, lastSend);
        return steps.size();
    }

    private static void await(DemonstrationPublisher<?> out, Future<?> lastSend) {
        out.flush();
        if (lastSend != null) {
            try {
                lastSend.get();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing", ex);
            } catch (ExecutionException ex) {
                throw new IllegalStateException("publishing failed: " + ex.getCause().getMessage(), ex.getCause());
            }
        }
    }

    /** A publisher of a domain's records to a topic, keyed by source and episode. */
    public static <R extends SpecificRecord> DemonstrationPublisher<SpecificRecord> publisher(String bootstrapServers,
            String topic, PayloadFormat format, DemonstrationRecords<R> records) {
        @SuppressWarnings("unchecked")
        DemonstrationPublisher<SpecificRecord> out = (DemonstrationPublisher<SpecificRecord>) (DemonstrationPublisher<?>)
                new DemonstrationPublisher<R>(bootstrapServers, topic, format.codecFor(records.recordClass()),
                        records::episodeKey, Map.of());
        return out;
    }

    private synchronized DemonstrationPublisher<SpecificRecord> publisher() {
        if (closed) {
            throw new ConflictException("the expert producer is shut down");
        }
        if (publisher == null) {
            publisher = publisher(kafka.bootstrapServers(), settings.topic(), settings.payloadFormat(),
                    settings.domain().records());
        }
        return publisher;
    }

    /** Reads the experts' next seeds once; an unreadable file is reported and replaced. */
    private void loadSeeds() {
        if (seedsLoaded) {
            return;
        }
        seedsLoaded = true;
        if (!Files.exists(seedFile)) {
            return;
        }
        try {
            Map<String, Long> saved = json.readValue(seedFile.toFile(), new TypeReference<Map<String, Long>>() { });
            saved.forEach((expert, seed) -> {
                if (seed != null && seed >= 0) {
                    nextSeed.put(expert, seed);
                }
            });
        } catch (IOException | RuntimeException e) {
            Log.warnf("%s cannot be read (%s); publications continue from the configured first seed (the store skips"
                    + " episodes it already holds)", seedFile, e.getMessage());
        }
    }

    private void saveSeeds() {
        try {
            DurableFiles.replace(seedFile, json.writeValueAsBytes(nextSeed));
        } catch (IOException e) {
            Log.warnf("cannot save the experts' next seeds to %s (%s); a restart may publish repeated episodes, which"
                    + " the store skips", seedFile, e.getMessage());
        }
    }

    /** Flushes and closes the Kafka publisher; later publications fail. Called before the broker stops. */
    public synchronized void close() {
        closed = true;
        if (publisher != null) {
            publisher.close();
            publisher = null;
        }
    }
}
