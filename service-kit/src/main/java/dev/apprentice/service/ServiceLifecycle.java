package dev.apprentice.service;

import dev.apprentice.service.config.ProducerSettings;
import dev.apprentice.service.hosting.DomainRegistry;
import dev.apprentice.service.hosting.DomainServices;
import dev.apprentice.service.ingest.ExpertProducer;
import dev.apprentice.service.security.ApiKeys;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.Readiness;

/**
 * Starts a service's parts in order (automatic training's listener, the ingester, the journaled
 * training jobs, the policy topic, the demo's expert producer) and stops them in reverse (producer, training, policy topic,
 * ingester, broker), so that Ctrl-C leaves the store and the broker clean; a service hosting several
 * domains starts them in name order and stops them in reverse. Registers each domain's readiness
 * checks and prints the page's address and the development key. Every part's stop is bounded, and
 * a packaged service that has not stopped {@code apprentice.shutdown.timeout} after SIGTERM halts:
 * whatever a stuck broker, disk or trainer does, the process ends, and the next start repairs what
 * it left.
 */
@ApplicationScoped
public class ServiceLifecycle {

    private final DomainRegistry domains;
    private final ApiKeys keys;
    private final HealthRegistry readiness;
    private final List<Thread> demos = new ArrayList<>();

    public ServiceLifecycle(DomainRegistry domains, ApiKeys keys, @Readiness HealthRegistry readiness) {
        this.domains = domains;
        this.keys = keys;
        this.readiness = readiness;
    }

    void start(@Observes StartupEvent event, @ConfigProperty(name = "quarkus.http.host") String host,
            @ConfigProperty(name = "quarkus.http.port") int port) {
        for (DomainServices domain : domains.all()) {
            readiness.register(domain.policyReadiness().name(), domain.policyReadiness());
            readiness.register(domain.ingestionReadiness().name(), domain.ingestionReadiness());
        }
        for (DomainServices domain : domains.all()) {
            start(domain);
        }
        String shownHost = "0.0.0.0".equals(host) ? "127.0.0.1" : host;
        StringBuilder banner = new StringBuilder("\n\n  Apprentice ")
                .append(String.join(", ", domains.all().stream().map(d -> d.domain().title()).toList())).append('\n');
        banner.append("  page:    http://").append(shownHost).append(':').append(port).append("/\n");
        banner.append("  API:     http://").append(shownHost).append(':').append(port).append("/q/swagger-ui\n");
        keys.generatedKey().ifPresent(k -> banner.append("  API key (development administrator, this run only): ")
                .append(k).append("\n           send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'\n"));
        Log.info(banner);
    }

    private void start(DomainServices domain) {
        if (domain.settings().trains()) {
            domain.training().enableAutomaticTraining(); // before the ingester, so that no committed batch is missed
        }
        domain.ingestion().start();
        domain.training().resumeJournaledJobs();
        domain.policyTopic().start(); // a serving-only replica catches up with the policy topic before taking traffic
        ProducerSettings producer = domain.config().producer();
        List<String> experts = producer.startupExperts().orElse(List.of());
        if (!experts.isEmpty()) {
            Thread demo = new Thread(() -> {
                for (String expert : experts) {
                    ExpertProducer.Publication p = domain.producer().publish(expert, producer.startupEpisodes(), null);
                    Log.infof("published %d %s episodes (%d records) to %s", p.episodes(), p.expert(), p.records(),
                            domain.settings().topic());
                }
            }, domain.name() + "-expert-producer");
            demo.setDaemon(true);
            demo.start();
            demos.add(demo);
        }
    }

    void stop(@Observes ShutdownEvent event,
            @ConfigProperty(name = "apprentice.shutdown.timeout", defaultValue = "30s") Duration timeout) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            startWatchdog(timeout);
        }
        demos.forEach(Thread::interrupt);
        List<DomainServices> reversed = new ArrayList<>(domains.all());
        Collections.reverse(reversed);
        for (DomainServices domain : reversed) {
            domain.stop();
            readiness.remove(domain.policyReadiness().name());
            readiness.remove(domain.ingestionReadiness().name());
        }
        domains.connection().close();
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
