package dev.apprentice.service;

import dev.apprentice.service.config.DomainSettings;
import dev.apprentice.service.config.KafkaSettings;
import dev.apprentice.service.config.ProducerSettings;
import dev.apprentice.service.ingest.DemonstrationIngestion;
import dev.apprentice.service.ingest.ExpertProducer;
import dev.apprentice.service.ingest.KafkaConnection;
import dev.apprentice.service.security.ApiKeys;
import dev.apprentice.service.serving.PolicyTopic;
import dev.apprentice.service.training.TrainingService;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts a service's parts in order (automatic training's listener, the ingester, the journaled
 * training jobs, the policy topic, the demo's expert producer) and stops them in reverse (producer, training, policy topic,
 * ingester, broker), so that Ctrl-C leaves the store and the broker clean; prints the page's
 * address and the development key. Every part's stop is bounded, and a packaged service that has
 * not stopped {@code apprentice.shutdown.timeout} after SIGTERM halts: whatever a stuck broker,
 * disk or trainer does, the process ends, and the next start repairs what it left.
 */
@ApplicationScoped
public class ServiceLifecycle {

    private final DomainSettings settings;
    private final KafkaSettings kafkaSettings;
    private final ProducerSettings producerSettings;
    private final KafkaConnection kafka;
    private final DemonstrationIngestion ingestion;
    private final TrainingService training;
    private final ExpertProducer producer;
    private final ApiKeys keys;
    private final PolicyTopic policyTopic;
    private Thread demo;

    public ServiceLifecycle(DomainSettings settings, KafkaSettings kafkaSettings, ProducerSettings producerSettings,
            KafkaConnection kafka, DemonstrationIngestion ingestion, TrainingService training, ExpertProducer producer,
            ApiKeys keys, PolicyTopic policyTopic) {
        this.settings = settings;
        this.kafkaSettings = kafkaSettings;
        this.producerSettings = producerSettings;
        this.kafka = kafka;
        this.ingestion = ingestion;
        this.training = training;
        this.producer = producer;
        this.keys = keys;
        this.policyTopic = policyTopic;
    }

    void start(@Observes StartupEvent event, @ConfigProperty(name = "quarkus.http.host") String host,
            @ConfigProperty(name = "quarkus.http.port") int port) {
        if (kafkaSettings.ingest()) {
            training.enableAutomaticTraining(); // before the ingester, so that no committed batch is missed
        }
        ingestion.start();
        training.resumeJournaledJobs();
        policyTopic.start(); // a serving-only replica catches up with the policy topic before taking traffic
        List<String> experts = producerSettings.startupExperts().orElse(List.of());
        if (!experts.isEmpty()) {
            demo = new Thread(() -> {
                for (String expert : experts) {
                    ExpertProducer.Publication p = producer.publish(expert, producerSettings.startupEpisodes(), null);
                    Log.infof("published %d %s episodes (%d records) to %s", p.episodes(), p.expert(), p.records(),
                            kafka.topic());
                }
            }, settings.domain().name() + "-expert-producer");
            demo.setDaemon(true);
            demo.start();
        }
        String shownHost = "0.0.0.0".equals(host) ? "127.0.0.1" : host;
        StringBuilder banner = new StringBuilder("\n\n  Apprentice ").append(settings.domain().title()).append('\n');
        banner.append("  page:    http://").append(shownHost).append(':').append(port).append("/\n");
        banner.append("  API:     http://").append(shownHost).append(':').append(port).append("/q/swagger-ui\n");
        keys.generatedKey().ifPresent(k -> banner.append("  API key (development administrator, this run only): ")
                .append(k).append("\n           send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'\n"));
        Log.info(banner);
    }

    void stop(@Observes ShutdownEvent event,
            @ConfigProperty(name = "apprentice.shutdown.timeout", defaultValue = "30s") Duration timeout) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            startWatchdog(timeout);
        }
        if (demo != null) {
            demo.interrupt();
        }
        producer.close();
        training.stop();
        policyTopic.close();
        ingestion.close();
        kafka.close();
    }

    /**
     * A daemon thread that halts the JVM once the timeout has passed; it dies with the JVM when
     * shutdown finishes in time. Only in a packaged service: tests and dev mode stop the application
     * without ending the JVM.
     */
    private static void startWatchdog(Duration timeout) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(timeout.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            Log.errorf("shutdown has taken more than %s; halting (the next start repairs the store's torn tail and"
                    + " resumes interrupted training jobs)", timeout);
            Runtime.getRuntime().halt(3);
        }, "shutdown-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
