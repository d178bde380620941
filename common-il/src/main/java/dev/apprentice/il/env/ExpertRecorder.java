package dev.apprentice.il.env;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.policy.Actor;
import dev.apprentice.il.spaces.Discrete;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Plays a scripted expert in a simulator and writes down each decision as an {@link ExpertStep},
 * exactly as a recorded human would arrive on a demonstrations topic: the simulator experts of the
 * one-command default and of the tests publish what this records.
 */
public final class ExpertRecorder {

    private ExpertRecorder() {
    }

    /**
     * Records one episode.
     *
     * @param domain the domain name written on every step
     * @param source the expert's id
     * @param episode the episode id
     * @param env the simulator
     * @param expert the scripted expert (its {@link Actor#forEpisode() actor for one episode} plays)
     * @param seed seeds the environment and the expert
     * @param maxSteps the time limit; an episode cut by it is marked {@code timeLimited}
     * @param start the event time of step 0
     * @param decisionInterval the event time between decisions
     * @param metadata labels for every step (the seed is added as {@code seed})
     */
    public static List<ExpertStep> record(String domain, String source, String episode, Environment env,
            Actor sharedExpert, long seed, int maxSteps, Instant start, Duration decisionInterval, Map<String, String> metadata) {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps: expected at least 1, found " + maxSteps);
        }
        Map<String, String> labels = new LinkedHashMap<>(metadata);
        labels.put("seed", Long.toString(seed));
        boolean discrete = env.actionSpace() instanceof Discrete;
        Actor expert = sharedExpert.forEpisode();
        SplittableRandom rng = new SplittableRandom(seed);
        float[] state = env.reset(seed);
        List<ExpertStep> steps = new ArrayList<>();
        for (int t = 0; t < maxSteps; t++) {
            float[] action = expert.act(state, rng);
            StepResult r = env.step(action);
            boolean last = r.done() || t == maxSteps - 1;
            Instant time = start.plus(decisionInterval.multipliedBy(t));
            steps.add(new ExpertStep(domain, source, episode, t, time, state, action, discrete, last,
                    last && !r.terminated(), last ? r.observation() : null, labels));
            if (last) {
                break;
            }
            state = r.observation();
        }
        return steps;
    }
}
