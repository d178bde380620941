package dev.apprentice.starcraft.minigame;

import dev.apprentice.il.env.ExpertRecorder;
import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.policy.Actor;
import dev.apprentice.service.domain.ExpertSimulation;
import dev.apprentice.service.domain.LiveEpisode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One minigame as the service kit sees it: pysc2's scripted agent as the expert (source
 * {@code sim-scripted}), and live episodes that hand the page the arena after every agent step.
 */
public final class MinigameSimulation implements ExpertSimulation {

    /** The one expert: pysc2's scripted agent for the map. */
    public static final String EXPERT = "scripted";
    /** Agent steps per second of game time shown by the live page (pysc2's step_mul 8 at 22.4 loops/s: 2.8). */
    static final int LIVE_STEPS_PER_SECOND = 8;

    private final Minigame minigame;
    private final String domain;

    /**
     * @param minigame the minigame
     * @param domain   the domain name written on recorded steps
     */
    public MinigameSimulation(Minigame minigame, String domain) {
        this.minigame = minigame;
        this.domain = domain;
    }

    @Override
    public List<String> experts() {
        return List.of(EXPERT);
    }

    @Override
    public String defaultExpert() {
        return EXPERT;
    }

    @Override
    public ExpertEpisode record(String expert, long seed, Instant start, Duration decisionInterval) {
        Actor actor = expert(expert);
        return new ExpertEpisode(ExpertRecorder.record(domain, "sim-" + EXPERT, "seed-" + seed, minigame.environment(),
                actor, seed, minigame.maxEpisodeSteps(), start, decisionInterval, Map.of()), false);
    }

    /** @throws IllegalArgumentException for any name but {@value #EXPERT} */
    @Override
    public Actor expert(String name) {
        if (!EXPERT.equals(name)) {
            throw new IllegalArgumentException("expert: expected '" + EXPERT + "' (pysc2's scripted agent for "
                    + minigame.pysc2MapName() + "), found '" + name + "'");
        }
        return minigame.expert();
    }

    @Override
    public LiveEpisode live(long seed, Actor driver) {
        MinigameEnvironment env = minigame.environment();
        float[][] observation = {env.reset(seed)};
        return new LiveEpisode() {
            @Override
            public Object scene() {
                return env.scene();
            }

            @Override
            public Step step() {
                float[] action = driver.act(observation[0], null);
                StepResult r = env.step(action);
                observation[0] = r.observation();
                return new Step(MinigameAction.fromVector(action).function().pysc2Name(), r.reward(),
                        r.terminated() || r.truncated(), List.of(env.scene()));
            }
        };
    }

    @Override
    public int liveFramesPerSecond() {
        return LIVE_STEPS_PER_SECOND;
    }
}
