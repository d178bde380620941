package dev.apprentice.phonesecurity.demo;

import dev.apprentice.phonesecurity.config.PhoneSecuritySettings;
import dev.apprentice.phonesecurity.model.OwnerModel;
import dev.apprentice.phonesecurity.owners.Enrolments;
import dev.apprentice.phonesecurity.owners.LiveSessions;
import dev.apprentice.phonesecurity.owners.OwnerModelNames;
import dev.apprentice.phonesecurity.owners.PopulationService;
import dev.apprentice.phonesecurity.privacy.BehaviourSealing;
import dev.apprentice.phonesecurity.sim.PopulationConfig;
import dev.apprentice.phonesecurity.sim.SyntheticPopulation;
import dev.apprentice.phonesecurity.sim.SyntheticStream;
import dev.apprentice.service.config.DomainSettings;
import dev.apprentice.service.ingest.DemonstrationIngestion;
import dev.apprentice.service.ingest.KafkaConnection;
import dev.apprentice.service.serving.PolicyServing;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The demo's synthetic cohort, seeded once at start-up on a background thread when
 * {@code apprentice.phone-security.demo.users} is above 0: publishes every user's sessions to the
 * behaviour topic, waits until the store holds all of them complete, learns the population, enrols
 * every user from the stream and starts the page's live session on the first user's phone. After
 * a restart whose state still serves a population with every demo user enrolled against it, it
 * goes straight to the live session.
 */
@ApplicationScoped
public class DemoCohort {

    private static final long POLL_MILLIS = 250;

    private final PhoneSecuritySettings.Demo settings;
    private final KafkaConnection kafka;
    private final DomainSettings domain;
    private final BehaviourSealing sealing;
    private final DemonstrationIngestion ingestion;
    private final PopulationService population;
    private final Enrolments enrolments;
    private final LiveSessions live;
    private final PolicyServing policies;
    private volatile String stage = "off";
    private volatile int enrolled;
    private volatile long started;
    private volatile long finished;

    public DemoCohort(PhoneSecuritySettings settings, KafkaConnection kafka, DomainSettings domain, BehaviourSealing sealing,
            DemonstrationIngestion ingestion, PopulationService population, Enrolments enrolments, LiveSessions live,
            PolicyServing policies) {
        this.settings = settings.demo();
        this.kafka = kafka;
        this.domain = domain;
        this.sealing = sealing;
        this.ingestion = ingestion;
        this.population = population;
        this.enrolments = enrolments;
        this.live = live;
        this.policies = policies;
    }

    void onStart(@Observes StartupEvent event) {
        if (settings.users() <= 0) {
            return;
        }
        started = System.nanoTime();
        stage = "publishing";
        Thread seeding = new Thread(this::seed, "demo-cohort");
        seeding.setDaemon(true);
        seeding.start();
    }

    /** Where seeding is. */
    public DemoProgress progress() {
        long end = finished != 0 ? finished : System.nanoTime();
        long stored = "off".equals(stage) ? 0 : ingestion.store().statistics().completeEpisodes();
        return new DemoProgress(stage, settings.users(), stored, expectedSessions(), enrolled,
                started == 0 ? 0 : (end - started) / 1e9);
    }

    private long expectedSessions() {
        return (long) settings.users() * settings.sessions();
    }

    private void seed() {
        try {
            SyntheticStream stream = new SyntheticStream(kafka.bootstrapServers(), kafka.topic(), domain.payloadFormat(),
                    settings.seed(), PopulationConfig.defaults().driftPerDay());
            SyntheticPopulation people = stream.population(settings.days());
            if (alreadyEnrolled(people)) {
                enrolled = settings.users();
                finished = System.nanoTime();
                stage = "ready";
                Log.infof("demo: the state serves the population and all %d users enrolled against it; live session"
                        + " after %.1f s", enrolled, elapsed());
                live.start(people, people.user(0), settings.days());
                return;
            }
            SyntheticStream.Publication published = stream.publish(sealing, 0, settings.users(), settings.sessions(),
                    settings.days());
            Log.infof("demo: published %d sessions (%d samples) of %d synthetic users", published.sessions(),
                    published.records(), settings.users());
            stage = "storing";
            while (ingestion.store().statistics().recordsPerSource().size() < settings.users()
                    || ingestion.store().statistics().completeEpisodes() < expectedSessions()) {
                Thread.sleep(POLL_MILLIS);
            }
            Log.infof("demo: %d complete sessions stored after %.1f s", expectedSessions(), elapsed());
            stage = "learning";
            population.learn(settings.seed());
            Log.infof("demo: population learned after %.1f s", elapsed());
            stage = "enrolling";
            for (int u = 0; u < settings.users(); u++) {
                enrolments.enrolFromStream(people.user(u).id());
                enrolled = u + 1;
            }
            finished = System.nanoTime();
            stage = "ready";
            Log.infof("demo: population learned and %d users enrolled after %.1f s", enrolled, elapsed());
            live.start(people, people.user(0), settings.days());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /** Whether a population is served and every demo user's served model was enrolled against it. */
    private boolean alreadyEnrolled(SyntheticPopulation people) {
        return population.current().map(served -> {
            for (int u = 0; u < settings.users(); u++) {
                boolean current = policies.served(OwnerModelNames.owner(people.user(u).id()))
                        .map(p -> p.policy() instanceof OwnerModel owner && owner.population().equals(served.reference()))
                        .orElse(false);
                if (!current) {
                    return false;
                }
            }
            return true;
        }).orElse(false);
    }

    private void fail(Exception e) {
        finished = System.nanoTime();
        stage = "failed";
        Log.errorf("demo: seeding failed at %d of %d enrolments (%s)", enrolled, settings.users(),
                e.getClass().getSimpleName());
    }

    private double elapsed() {
        return (System.nanoTime() - started) / 1e9;
    }
}
