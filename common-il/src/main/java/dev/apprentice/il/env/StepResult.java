package dev.apprentice.il.env;

/**
 * What one {@link Environment#step(float[])} returns.
 *
 * @param observation the next observation
 * @param reward the reward for the step (evaluation only)
 * @param terminated the episode reached a terminal state (the pole fell, the car crashed)
 * @param truncated the episode was cut by a time limit
 */
public record StepResult(float[] observation, double reward, boolean terminated, boolean truncated) {

    /** True when the episode is over for either reason. */
    public boolean done() {
        return terminated || truncated;
    }
}
