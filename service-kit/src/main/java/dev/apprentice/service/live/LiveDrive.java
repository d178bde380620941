package dev.apprentice.service.live;

import dev.apprentice.il.env.ObservationEncoder;
import dev.apprentice.il.policy.Actor;
import dev.apprentice.service.domain.ExpertSimulation;
import dev.apprentice.service.domain.LiveEpisode;
import dev.apprentice.service.serving.PolicyServing;
import dev.apprentice.service.serving.ServedPolicy;
import java.util.List;

/**
 * Drives the served policy and the expert on the same seeds, one frame per call: each decision's
 * frames are simulated at once and handed out one by one. When both episodes are over, the next
 * seed starts with whatever policy is served then, so a promotion shows on the next episode. One
 * instance per viewer; not thread-safe.
 */
public final class LiveDrive {

    /** Frames a finished episode stays on screen before the next one. */
    static final int PAUSE_FRAMES = 15;

    private final ExpertSimulation sim;
    private final PolicyServing policies;
    private final String model;
    private final ObservationEncoder encoder;
    private final Actor expert;
    private final Side policySide = new Side();
    private final Side expertSide = new Side();
    private long seed;
    private int pause;
    private ServedPolicy served;

    public LiveDrive(ExpertSimulation sim, PolicyServing policies, ObservationEncoder encoder, String expert,
            long firstSeed) {
        this.sim = sim;
        this.policies = policies;
        this.model = policies.defaultModel();
        this.encoder = encoder;
        this.expert = sim.expert(expert);
        this.seed = firstSeed - 1;
        startEpisode();
    }

    private void startEpisode() {
        seed++;
        pause = 0;
        served = policies.served(model).orElse(null);
        expertSide.start(sim.live(seed, expert.forEpisode()));
        if (served != null) {
            policySide.start(sim.live(seed, encoder.actorOnRawObservations(served.policy().deterministic()).forEpisode()));
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
                p, e, served == null ? null : policySide.lastAction, expertSide.lastAction, policySide.totalReturn,
                expertSide.totalReturn, served == null || policySide.done, expertSide.done);
    }

    /** One episode and where its animation is. */
    private static final class Side {
        private LiveEpisode episode;
        private List<Object> pending = List.of();
        private int cursor;
        private Object last;
        private boolean done;
        private String lastAction;
        private double totalReturn;

        void start(LiveEpisode newEpisode) {
            episode = newEpisode;
            pending = List.of();
            cursor = 0;
            last = episode.scene();
            done = false;
            lastAction = null;
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
