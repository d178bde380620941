package dev.apprentice.lanechange.live;

import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.policy.Actor;
import dev.apprentice.lanechange.serving.PolicyService;
import dev.apprentice.lanechange.sim.HighwayScene;
import dev.apprentice.lanechange.sim.HighwaySimulator;
import dev.apprentice.lanechange.sim.LaneChangeExpert;
import dev.apprentice.lanechange.sim.MetaAction;
import dev.apprentice.lanechange.training.LaneChangeImitation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Drives the served policy and the expert on the same seeds, one physics frame per call: each
 * decision step's frames are simulated at once and handed out one by one. When both episodes are
 * over, the next seed starts with whatever policy is served then, so a promotion shows up on the
 * next episode. One instance per viewer; not thread-safe.
 */
public final class LiveDrive {

    /** Metres drawn behind the ego. */
    static final double BEHIND = 60;
    /** Metres drawn ahead of the ego. */
    static final double AHEAD = 140;
    /** Frames a finished episode stays on screen before the next one. */
    static final int PAUSE_FRAMES = 15;

    private final PolicyService policies;
    private final LaneChangeImitation imitation;
    private final LaneChangeExpert expert;
    private final Side policySide = new Side();
    private final Side expertSide = new Side();
    private long seed;
    private int pause;
    private PolicyService.Served served;

    public LiveDrive(PolicyService policies, LaneChangeImitation imitation, LaneChangeExpert expert, long firstSeed) {
        this.policies = policies;
        this.imitation = imitation;
        this.expert = expert;
        this.seed = firstSeed - 1;
        startEpisode();
    }

    private void startEpisode() {
        seed++;
        pause = 0;
        Optional<PolicyService.Served> current = policies.served();
        served = current.orElse(null);
        expertSide.start(seed, expert);
        if (served != null) {
            policySide.start(seed, imitation.driver(served.policy()));
        } else {
            policySide.stop();
        }
    }

    /** The next frame. */
    public LiveFrame next() {
        if (expertSide.finished() && (served == null || policySide.finished())) {
            if (++pause > PAUSE_FRAMES) {
                startEpisode();
            }
        }
        HighwayScene e = expertSide.advance();
        HighwayScene p = served == null ? null : policySide.advance();
        return new LiveFrame(seed, served == null ? 0 : served.version(), served == null ? null : served.card().algorithm(),
                p, e, served == null ? null : policySide.lastAction, expertSide.lastAction, policySide.totalReturn,
                expertSide.totalReturn, served == null || policySide.done, expertSide.done);
    }

    /** One simulator and its driver. */
    private final class Side {
        private HighwaySimulator sim;
        private Actor driver;
        private float[] observation;
        private final List<HighwayScene> pending = new ArrayList<>();
        private int cursor;
        private HighwayScene last;
        private boolean done;
        private String lastAction;
        private double totalReturn;

        void start(long episodeSeed, Actor actor) {
            sim = new HighwaySimulator(imitation.road());
            driver = actor;
            observation = sim.reset(episodeSeed);
            pending.clear();
            cursor = 0;
            last = sim.scene(BEHIND, AHEAD);
            done = false;
            lastAction = null;
            totalReturn = 0;
        }

        boolean finished() {
            return done && cursor >= pending.size();
        }

        void stop() {
            sim = null;
            last = null;
            done = true;
        }

        HighwayScene advance() {
            if (sim == null) {
                return null;
            }
            if (cursor >= pending.size() && !done) {
                pending.clear();
                cursor = 0;
                float[] action = driver.act(observation, null);
                lastAction = MetaAction.ofIndex((int) action[0]).name();
                StepResult r = sim.step(action, s -> pending.add(s.scene(BEHIND, AHEAD)));
                observation = r.observation();
                totalReturn += r.reward();
                done = r.done();
            }
            if (cursor < pending.size()) {
                last = pending.get(cursor++);
            }
            return last;
        }
    }
}
