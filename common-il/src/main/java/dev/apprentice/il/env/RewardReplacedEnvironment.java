package dev.apprentice.il.env;

import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;

/**
 * An environment whose every reward is replaced by one value, counting the steps it serves: the
 * reward-free setting NoRML adapts in (0), and the probe that proves an adaptation never reads a
 * reward (NaN would poison every advantage computed from it).
 */
public final class RewardReplacedEnvironment implements Environment {

    private final Environment environment;
    private final double reward;
    private long steps;

    public RewardReplacedEnvironment(Environment environment, double reward) {
        this.environment = environment;
        this.reward = reward;
    }

    /** Steps served so far. */
    public long steps() {
        return steps;
    }

    @Override
    public Box observationSpace() {
        return environment.observationSpace();
    }

    @Override
    public Space actionSpace() {
        return environment.actionSpace();
    }

    @Override
    public float[] reset(long seed) {
        return environment.reset(seed);
    }

    @Override
    public StepResult step(float[] action) {
        StepResult r = environment.step(action);
        steps++;
        return new StepResult(r.observation(), reward, r.terminated(), r.truncated());
    }
}
