package dev.apprentice.lanechange;

import dev.apprentice.lanechange.config.LaneChangeConfig;
import dev.apprentice.lanechange.ingest.ExpertProducer;
import dev.apprentice.lanechange.ingest.KafkaConnection;
import dev.apprentice.lanechange.ingest.LaneChangeIngestion;
import dev.apprentice.lanechange.security.ApiKeys;
import dev.apprentice.lanechange.training.TrainingService;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the service's parts in order (broker connection, ingester, automatic training, the demo's
 * expert drivers) and stops them in reverse, so that Ctrl-C leaves the store and the broker clean;
 * prints the page's address and the development API key when one was generated.
 */
@ApplicationScoped
public class LaneChangeService {

    private final LaneChangeConfig config;
    private final KafkaConnection kafka;
    private final LaneChangeIngestion ingestion;
    private final TrainingService training;
    private final ExpertProducer producer;
    private final ApiKeys keys;
    private Thread demo;

    public LaneChangeService(LaneChangeConfig config, KafkaConnection kafka, LaneChangeIngestion ingestion,
            TrainingService training, ExpertProducer producer, ApiKeys keys) {
        this.config = config;
        this.kafka = kafka;
        this.ingestion = ingestion;
        this.training = training;
        this.producer = producer;
        this.keys = keys;
    }

    void start(@Observes StartupEvent event, @ConfigProperty(name = "quarkus.http.host") String host,
            @ConfigProperty(name = "quarkus.http.port") int port) {
        ingestion.start();
        training.enableAutomaticTraining();
        List<String> styles = config.producer().startupStyles().orElse(List.of());
        if (!styles.isEmpty()) {
            demo = new Thread(() -> {
                for (String style : styles) {
                    ExpertProducer.Publication p = producer.publish(style, config.producer().startupEpisodes(), null);
                    Log.infof("published %d %s episodes (%d records) to %s", p.episodes(), p.style(), p.records(),
                            kafka.topic());
                }
            }, "lane-change-expert-producer");
            demo.setDaemon(true);
            demo.start();
        }
        String shownHost = "0.0.0.0".equals(host) ? "127.0.0.1" : host;
        StringBuilder banner = new StringBuilder("\n\n  Apprentice lane-change service\n");
        banner.append("  page:    http://").append(shownHost).append(':').append(port).append("/\n");
        banner.append("  API:     http://").append(shownHost).append(':').append(port).append("/q/swagger-ui\n");
        keys.generatedKey().ifPresent(k -> banner.append("  API key (development, this run only): ").append(k)
                .append("\n           send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'\n"));
        Log.info(banner);
    }

    void stop(@Observes ShutdownEvent event) {
        if (demo != null) {
            demo.interrupt();
        }
        producer.close();
        training.stop();
        ingestion.close();
        kafka.close();
    }
}
