package dev.apprentice.phonesecurity.owners;

import dev.apprentice.phonesecurity.behaviour.BehaviourSample;
import dev.apprentice.phonesecurity.behaviour.FeatureSample;
import dev.apprentice.phonesecurity.config.PhoneSecuritySettings;
import dev.apprentice.phonesecurity.model.SessionScore;
import dev.apprentice.phonesecurity.sim.SyntheticPopulation;
import dev.apprentice.phonesecurity.sim.SyntheticUser;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The page's live session: one synthetic demo owner's phone, held in turn by the owner and by an
 * impostor, one session each. A background ticker adds one sample at a time and judges the
 * session so far, as a phone would after each interaction; it uses no attempt budget, and keeps
 * only the latest {@value #KEPT} points.
 */
@ApplicationScoped
public class LiveSessions {

    static final int KEPT = 120;
    private static final int IMPOSTORS = 50;

    private final SessionScoring scoring;
    private final long intervalMillis;
    private final Deque<LivePoint> points = new ArrayDeque<>();
    private ScheduledExecutorService ticker;
    private SyntheticPopulation population;
    private SyntheticUser owner;
    private int day;
    private long session = -1;
    private List<FeatureSample> samples = List.of();
    private int next;
    private long index;

    public LiveSessions(SessionScoring scoring, PhoneSecuritySettings settings) {
        this.scoring = scoring;
        this.intervalMillis = settings.demo().liveIntervalMillis();
    }

    /** Starts the ticker on {@code owner}'s phone (an enrolled synthetic user of {@code population}) on {@code day}. */
    public synchronized void start(SyntheticPopulation population, SyntheticUser owner, int day) {
        if (ticker != null) {
            throw new IllegalStateException("the live session is already running");
        }
        this.population = population;
        this.owner = owner;
        this.day = day;
        ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "live-session");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::tick, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** The latest points, oldest first. */
    public synchronized List<LivePoint> points() {
        return List.copyOf(points);
    }

    private synchronized void tick() {
        try {
            if (next >= samples.size()) {
                nextSession();
            }
            next++;
            SessionScore score = scoring.judge(owner.id(), samples.subList(0, next)).score();
            points.addLast(new LivePoint(index++, System.currentTimeMillis(), holder(), session, score.samplesUsed(),
                    score.score(), score.acceptThreshold(), score.lockThreshold(), score.verdict().id()));
            if (points.size() > KEPT) {
                points.removeFirst();
            }
        } catch (RuntimeException e) {
            Log.debugf("live session: a sample was not scored (%s)", e.getClass().getSimpleName());
        }
    }

    private String holder() {
        return session % 2 == 0 ? "owner" : "impostor";
    }

    private void nextSession() {
        session++;
        next = 0;
        Random random = new Random(session);
        String id = "live-" + session;
        List<BehaviourSample> drawn = session % 2 == 0 ? population.session(owner, day, id, random)
                : population.impostorSession(owner, population.impostor((int) (session / 2 % IMPOSTORS)), day, id, random);
        List<FeatureSample> converted = new ArrayList<>(drawn.size());
        for (BehaviourSample s : drawn) {
            converted.add(new FeatureSample(s.userId(), s.activity(), s.features()));
        }
        samples = converted;
    }

    @PreDestroy
    synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
