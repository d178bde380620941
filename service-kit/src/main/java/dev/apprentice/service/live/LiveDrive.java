package dev.apprentice.service.live;

import dev.apprentice.il.env.ObservationEncoder;
import dev.apprentice.il.policy.Actor;
import dev.apprentice.service.domain.DecisionGuard;
import dev.apprentice.service.domain.ExpertSimulation;
import dev.apprentice.service.domain.GuardVerdict;
import dev.apprentice.service.domain.LiveEpisode;
import dev.apprentice.service.serving.PolicyServing;
import dev.apprentice.service.serving.ServedPolicy;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Drives the served policy and the expert on the same seeds, one frame per call: each decision's
 * frames are simulated at once and handed out one by one. When both episodes are over, the next
 * seed starts with whatever policy is served then, so a promotion shows on the next episode. The
 * policy acts as it is served: through the domain's guard, if it has one, and each frame says what
 * the guard did to the latest decision. One instance per viewer; not thread-safe.
 */
public final class LiveDrive {

    /** Frames a finished episode stays on screen before the next one. */
    static final int PAUSE_FRAMES = 15;

    private final ExpertSimulation sim;
    private final PolicyServing policies;
    private final String model;
    private final ObservationEncoder encoder;
    private final Actor expert;
    private final DecisionGuard guard;
    private final Side policySide = new Side();
    private final Side expertSide = new Side();
    private long seed;
    private int pause;
    private ServedPolicy served;

    /** The guard may be null: the domain has none, and the policy's actions pass unchanged. */
    public LiveDrive(ExpertSimulation sim, PolicyServing policies, ObservationEncoder encoder, DecisionGuard guard,
            String expert, long firstSeed) {
        this.sim = sim;
        this.policies = policies;
        this.model = policies.defaultModel();
        this.encoder = encoder;
        this.expert = sim.expert(expert);
        this.guard = guard;
        this.seed = firstSeed - 1;
        startEpisode();
    }

    private void startEpisode() {
        seed++;
        pause = 0;
        served = policies.served(model).orElse(null);
        expertSide.start(sim.live(seed, expert.forEpisode()));
        if (served != null) {
            Actor policy = encoder.actorOnRawObservations(served.policy().deterministic()).forEpisode();
            Guarded guarded = guard == null ? null : new Guarded(policy, guard, expert.forEpisode());
            policySide.start(sim.live(seed, guarded == null ? policy : guarded));
            policySide.guarded = guarded;
        } else {
            policySide.stop();
        }
    }

    /** The next frame. */
    public LiveFrame next() {
        if (expertSide.finished() && (served == null || policySide.finished()) && ++pause > PAUSE_FRAMES) {
            startEpisode();
        }
        Object e = expertSide.advance();
        Object p = served == null ? null : policySide.advance();
        return new LiveFrame(seed, served == null ? 0 : served.version(), served == null ? null : served.card().algorithm(),
                p, e, served == null ? null : policySide.lastAction, served == null ? null : policySide.guardNote,
                expertSide.lastAction, policySide.totalReturn, expertSide.totalReturn, served == null || policySide.done,
                expertSide.done);
    }

    /**
     * The served policy behind the guard. A refused decision goes to the expert, as a clinician takes
     * over when the system defers, so that the episode goes on; the expert is asked only then.
     */
    private static final class Guarded implements Actor {
        private final Actor policy;
        private final DecisionGuard guard;
        private final Actor fallback;
        private String note;

        Guarded(Actor policy, DecisionGuard guard, Actor fallback) {
            this.policy = policy;
            this.guard = guard;
            this.fallback = fallback;
        }

        @Override
        public float[] act(float[] observation, RandomGenerator rng) {
            GuardVerdict verdict = guard.review(observation, policy.act(observation, rng));
            String reasons = String.join("; ", verdict.reasons());
            if (verdict.refused()) {
                note = "deferred to the expert" + (reasons.isEmpty() ? "" : ": " + reasons);
                return fallback.act(observation, rng);
            }
            note = reasons.isEmpty() ? null : "clamped: " + reasons;
            return verdict.action();
        }
    }

    /** One episode and where its animation is. */
    private static final class Side {
        private LiveEpisode episode;
        private List<Object> pending = List.of();
        private int cursor;
        private Object last;
        private boolean done;
        private String lastAction;
        private Guarded guarded;
        private String guardNote;
        private double totalReturn;

        void start(LiveEpisode newEpisode) {
            episode = newEpisode;
            pending = List.of();
            cursor = 0;
            last = episode.scene();
            done = false;
            lastAction = null;
            guarded = null;
            guardNote = null;
            totalReturn = 0;
        }

        boolean finished() {
            return done && cursor >= pending.size();
        }

        void stop() {
            episode = null;
            last = null;
            done = true;
        }

        Object advance() {
            if (episode == null) {
                return null;
            }
            if (cursor >= pending.size() && !done) {
                LiveEpisode.Step step = episode.step();
                pending = step.frames();
                cursor = 0;
                lastAction = step.action();
                guardNote = guarded == null ? null : guarded.note;
                totalReturn += step.reward();
                done = step.done();
            }
            if (cursor < pending.size()) {
                last = pending.get(cursor++);
            }
            return last;
        }
    }
}
