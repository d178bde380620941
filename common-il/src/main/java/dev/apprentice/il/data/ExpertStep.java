package dev.apprentice.il.data;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * One expert decision as it arrives from a stream, before it joins an episode: who decided
 * ({@code source}), in which episode and at which step, the state seen and the action taken. The
 * dedup key is (source, episode, step). Discrete actions are held as one float, the index, as
 * {@link dev.apprentice.il.spaces.Discrete} stores them.
 *
 * @param domain the service it belongs to, e.g. {@code lane-change}
 * @param source the expert, driver, user or clinician id
 * @param episode the episode id, unique per source
 * @param step the decision's index in its episode, from 0
 * @param eventTime when the decision was made
 * @param state the state seen
 * @param action the action taken (one float holding the index for a discrete action)
 * @param discreteAction whether {@code action} is a discrete index
 * @param terminal whether this is the episode's last decision
 * @param timeLimited on a terminal step: the episode was cut by a time limit rather than ended by
 *     the environment
 * @param finalState on a terminal step: the state reached after the last action, or null
 * @param metadata free-form labels (driver style, simulator seed)
 */
public record ExpertStep(String domain, String source, String episode, int step, Instant eventTime, float[] state,
        float[] action, boolean discreteAction, boolean terminal, boolean timeLimited, float[] finalState,
        Map<String, String> metadata) {

    /**
     * The largest step index accepted: far beyond any domain's episode (a 30-minute StarCraft II
     * game is about 40,000 game steps), and it bounds the dedup index's memory per episode.
     */
    public static final int MAX_STEP = 1_000_000;

    public ExpertStep {
        requireText(domain, "domain");
        requireText(source, "source");
        requireText(episode, "episode");
        if (step < 0 || step > MAX_STEP) {
            throw new IllegalArgumentException("step: expected a step index in [0, " + MAX_STEP + "], found " + step);
        }
        Objects.requireNonNull(eventTime, "eventTime");
        if (state == null) {
            throw new IllegalArgumentException("state: expected a state vector, found null");
        }
        if (action == null) {
            throw new IllegalArgumentException("action: expected an action, found null");
        }
        if (discreteAction && action.length != 1) {
            throw new IllegalArgumentException("action: a discrete action is one index, found " + action.length
                    + " values");
        }
        if (!terminal && (timeLimited || finalState != null)) {
            throw new IllegalArgumentException("terminal: timeLimited and finalState belong on the terminal step only"
                    + " (step " + step + " is not terminal)");
        }
        state = state.clone();
        action = action.clone();
        finalState = finalState == null ? null : finalState.clone();
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": expected a non-empty id, found "
                    + (value == null ? "null" : "'" + value + "'"));
        }
    }

    /** The state seen (a copy). */
    @Override
    public float[] state() {
        return state.clone();
    }

    /** The action taken (a copy). */
    @Override
    public float[] action() {
        return action.clone();
    }

    /** The state after the last action, or null (a copy). */
    @Override
    public float[] finalState() {
        return finalState == null ? null : finalState.clone();
    }

    /** The discrete action's index; only for discrete actions. */
    public int actionIndex() {
        if (!discreteAction) {
            throw new IllegalStateException("step " + step + " of episode " + episode + " has a continuous action");
        }
        return (int) action[0];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExpertStep s && step == s.step && discreteAction == s.discreteAction
                && terminal == s.terminal && timeLimited == s.timeLimited && domain.equals(s.domain)
                && source.equals(s.source) && episode.equals(s.episode) && eventTime.equals(s.eventTime)
                && Arrays.equals(state, s.state) && Arrays.equals(action, s.action)
                && Arrays.equals(finalState, s.finalState) && metadata.equals(s.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, episode, step, Arrays.hashCode(state), Arrays.hashCode(action));
    }

    /**
     * Names the step without any of its values: domain, source, episode and index, e.g.
     * {@code phone-security u-17/s-3#12}. Steps may be personal data, so messages and logs name a
     * step this way and never print its vectors.
     */
    public String describe() {
        return domain + " " + source + "/" + episode + "#" + step;
    }

    /** The step's name and the widths of its vectors, never their values (see {@link #describe()}). */
    @Override
    public String toString() {
        return "ExpertStep[" + describe() + " state=" + state.length + " floats action=" + action.length + " floats"
                + (finalState == null ? "" : " finalState=" + finalState.length + " floats")
                + (terminal ? " terminal" : "") + "]";
    }
}
