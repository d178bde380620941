package dev.apprentice.lanechange.ingest;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.env.ExpertRecorder;
import dev.apprentice.il.stream.DemonstrationPublisher;
import dev.apprentice.il.stream.PayloadFormat;
import dev.apprentice.lanechange.LaneChangeDomain;
import dev.apprentice.lanechange.config.LaneChangeConfig;
import dev.apprentice.lanechange.mapping.LaneChangeRecords;
import dev.apprentice.lanechange.schema.LaneChangeDemonstration;
import dev.apprentice.lanechange.sim.DriverStyle;
import dev.apprentice.lanechange.sim.HighwayConfig;
import dev.apprentice.lanechange.sim.HighwaySimulator;
import dev.apprentice.lanechange.sim.LaneChangeExpert;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Simulates expert drivers of a chosen style and publishes their decisions to the demonstrations
 * topic, exactly as recorded drivers would: the whole flow then runs from Kafka. Driver id
 * {@code sim-<style>}, episode id {@code seed-<seed>}.
 */
@ApplicationScoped
public class ExpertProducer {

    private final LaneChangeConfig config;
    private final KafkaConnection kafka;
    private final Map<String, Long> nextSeed = new ConcurrentHashMap<>();
    private DemonstrationPublisher<LaneChangeDemonstration> publisher;
    private boolean closed;

    public ExpertProducer(LaneChangeConfig config, KafkaConnection kafka) {
        this.config = config;
        this.kafka = kafka;
    }

    /**
     * What a publication produced.
     *
     * @param driverId the simulated driver's id
     * @param style the driver style
     * @param episodes episodes published
     * @param records records acknowledged by the broker
     * @param firstSeed simulator seed of the first episode; the others follow consecutively
     * @param collisions episodes that ended in a collision
     */
    public record Publication(String driverId, String style, int episodes, long records, long firstSeed, int collisions) {
    }

    /**
     * Simulates and publishes episodes; returns once the broker has acknowledged every record.
     *
     * @param firstSeed the first simulator seed, or null to continue after this style's last one
     * @throws IllegalArgumentException for an unknown style, a bad count, or seeds overlapping the evaluation seeds
     */
    public Publication publish(String styleName, int episodes, Long firstSeed) {
        DriverStyle style = DriverStyle.byName(styleName);
        if (episodes < 1 || episodes > 1000) {
            throw new IllegalArgumentException("episodes: expected a count in [1, 1000], found " + episodes);
        }
        long evaluation = config.training().evaluationSeed();
        long first;
        synchronized (nextSeed) {
            first = firstSeed != null ? firstSeed : nextSeed.getOrDefault(style.name(), config.producer().firstSeed());
            if (first < 0 || first + episodes > evaluation) {
                throw new IllegalArgumentException("firstSeed: seeds " + first + ".." + (first + episodes - 1)
                        + " must be >= 0 and below the evaluation seeds, which start at " + evaluation);
            }
            nextSeed.merge(style.name(), first + episodes, Math::max);
        }
        return publish(publisher(), style, episodes, first, config.producer().decisionInterval());
    }

    /**
     * Simulates episodes of a style's expert on seeds {@code first…} and publishes every decision;
     * returns once the broker has acknowledged them all. Used by the service and by
     * {@link ExpertProducerCommand}.
     */
    public static Publication publish(DemonstrationPublisher<LaneChangeDemonstration> out, DriverStyle style, int episodes,
            long first, Duration decisionInterval) {
        String driver = "sim-" + style.name();
        HighwayConfig road = HighwayConfig.defaults();
        HighwaySimulator sim = new HighwaySimulator(road);
        LaneChangeExpert expert = new LaneChangeExpert(road, style);
        Future<?> lastSend = null;
        int collisions = 0;
        Instant start = Instant.now();
        long before = out.acknowledged();
        for (int e = 0; e < episodes; e++) {
            long seed = first + e;
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put(LaneChangeRecords.STYLE, style.name());
            List<ExpertStep> steps = ExpertRecorder.record(LaneChangeDomain.NAME, driver, "seed-" + seed, sim, expert,
                    seed, road.episodeDecisions(), start.plusSeconds(60L * e), decisionInterval, labels);
            collisions += sim.tally().crashed() ? 1 : 0;
            for (ExpertStep step : steps) {
                lastSend = out.publish(LaneChangeRecords.fromStep(step));
            }
        }
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
        return new Publication(driver, style.name(), episodes, out.acknowledged() - before, first, collisions);
    }

    private synchronized DemonstrationPublisher<LaneChangeDemonstration> publisher() {
        if (closed) {
            throw new IllegalStateException("the expert producer is shut down");
        }
        if (publisher == null) {
            publisher = new DemonstrationPublisher<>(kafka.bootstrapServers(), kafka.topic(),
                    PayloadFormat.parse(config.kafka().payloadFormat()).codecFor(LaneChangeDemonstration.class),
                    r -> DemonstrationPublisher.episodeKey(r.getDriverId(), r.getEpisode()), Map.of());
        }
        return publisher;
    }

    /**
     * Flushes and closes the Kafka publisher; later publications fail. The service calls this
     * before it stops the broker; {@link PreDestroy} covers other shutdowns.
     */
    @PreDestroy
    public synchronized void close() {
        closed = true;
        if (publisher != null) {
            publisher.close();
            publisher = null;
        }
    }
}
