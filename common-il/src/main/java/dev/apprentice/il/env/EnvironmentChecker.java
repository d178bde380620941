package dev.apprentice.il.env;

import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Checks that a user's {@link Environment} keeps the contract the trainers rely on, before hours
 * are spent training on it: observations inside the declared space, finite rewards, episodes
 * that end, determinism per seed, and clear rejection of invalid actions.
 */
public final class EnvironmentChecker {

    private final int maxEpisodeSteps;
    private final int episodes;

    /**
     * @param maxEpisodeSteps an episode longer than this is reported as never ending
     * @param episodes number of random-action episodes to run
     */
    public EnvironmentChecker(int maxEpisodeSteps, int episodes) {
        if (maxEpisodeSteps < 1 || episodes < 1) {
            throw new IllegalArgumentException("environment checker: max episode steps and episodes must be at least 1, found "
                    + maxEpisodeSteps + " and " + episodes);
        }
        this.maxEpisodeSteps = maxEpisodeSteps;
        this.episodes = episodes;
    }

    /** Runs every check and returns the problems found; an empty list means the environment passed. */
    public List<String> check(Supplier<? extends Environment> factory) {
        List<String> problems = new ArrayList<>();
        Environment env;
        try {
            env = factory.get();
        } catch (RuntimeException e) {
            problems.add("the factory failed to create an environment: " + e);
            return problems;
        }
        Box obsSpace = env.observationSpace();
        Space actSpace = env.actionSpace();
        if (obsSpace == null || actSpace == null) {
            problems.add("observationSpace() and actionSpace() must not return null");
            return problems;
        }
        for (int e = 0; e < episodes && problems.isEmpty(); e++) {
            long seed = 1000L + e;
            List<float[]> first = runEpisode(env, seed, problems);
            if (!problems.isEmpty()) {
                break;
            }
            List<float[]> second = runEpisode(factory.get(), seed, problems);
            if (problems.isEmpty() && !sameSequence(first, second)) {
                problems.add("episode with seed " + seed + " is not reproducible: the same seed and actions gave different observations");
            }
        }
        if (problems.isEmpty()) {
            checkRejectsInvalidAction(factory.get(), problems);
        }
        return problems;
    }

    /** Runs {@link #check} and throws when anything was found. */
    public void requireValid(Supplier<? extends Environment> factory) {
        List<String> problems = check(factory);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("environment failed its checks: " + String.join("; ", problems));
        }
    }

    private List<float[]> runEpisode(Environment env, long seed, List<String> problems) {
        List<float[]> observations = new ArrayList<>();
        SplittableRandom actions = new SplittableRandom(seed);
        float[] obs;
        try {
            obs = env.reset(seed);
        } catch (RuntimeException e) {
            problems.add("reset(" + seed + ") threw " + e);
            return observations;
        }
        if (!inSpace(env.observationSpace(), obs, "reset(" + seed + ") observation", problems)) {
            return observations;
        }
        observations.add(obs.clone());
        for (int step = 0; step < maxEpisodeSteps; step++) {
            StepResult result;
            try {
                result = env.step(env.actionSpace().sample(actions));
            } catch (RuntimeException e) {
                problems.add("step " + step + " of episode " + seed + " threw " + e);
                return observations;
            }
            if (!inSpace(env.observationSpace(), result.observation(), "step " + step + " observation", problems)) {
                return observations;
            }
            if (!Double.isFinite(result.reward())) {
                problems.add("step " + step + " returned a non-finite reward " + result.reward());
                return observations;
            }
            observations.add(result.observation().clone());
            if (result.done()) {
                checkRejectsStepAfterEnd(env, problems);
                return observations;
            }
        }
        problems.add("episode with seed " + seed + " did not end within " + maxEpisodeSteps + " steps");
        return observations;
    }

    private static boolean inSpace(Box space, float[] obs, String what, List<String> problems) {
        try {
            space.validate(obs, what);
            return true;
        } catch (IllegalArgumentException e) {
            problems.add("observation outside the declared space: " + e.getMessage());
            return false;
        }
    }

    private static void checkRejectsStepAfterEnd(Environment env, List<String> problems) {
        try {
            env.step(env.actionSpace().sample(new SplittableRandom(0)));
            problems.add("step() after the episode ended was accepted; it must throw IllegalStateException");
        } catch (IllegalStateException expected) {
            // the contract: stepping a finished episode is refused
        } catch (RuntimeException e) {
            problems.add("step() after the episode ended threw " + e + " instead of IllegalStateException");
        }
    }

    private static void checkRejectsInvalidAction(Environment env, List<String> problems) {
        env.reset(7);
        float[] bad = new float[env.actionSpace().width() + 1];
        try {
            env.step(bad);
            problems.add("step() accepted an action of the wrong width; it must throw IllegalArgumentException");
        } catch (IllegalArgumentException expected) {
            // the contract: invalid actions are refused with a message
        } catch (RuntimeException e) {
            problems.add("step() with an action of the wrong width threw " + e + " instead of IllegalArgumentException");
        }
    }

    private static boolean sameSequence(List<float[]> a, List<float[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
