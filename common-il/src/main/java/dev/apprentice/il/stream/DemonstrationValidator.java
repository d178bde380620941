package dev.apprentice.il.stream;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import dev.apprentice.il.spaces.Space;
import java.time.Instant;

/**
 * Checks an expert step against its domain before it may be stored: the {@link IngestLimits} (id
 * lengths, step index, event time), the domain name, the state (dimension, range, NaN) and the
 * action (kind, dimension, range). Messages name the field, say what was expected and how the
 * step differs, and become the dead-letter reason; they never quote a state or action value, since
 * steps may be personal data and the reason travels in plaintext headers and logs.
 *
 * @param domain the domain every step must carry
 * @param stateSpace the domain's observation space
 * @param actionSpace the domain's action space
 * @param limits the domain's bounds on step index, ids and event times
 */
public record DemonstrationValidator(String domain, Box stateSpace, Space actionSpace, IngestLimits limits) {

    public DemonstrationValidator {
        if (domain == null || domain.isBlank() || stateSpace == null || actionSpace == null) {
            throw new IllegalArgumentException("validator: expected a domain name and both spaces");
        }
        if (limits == null) {
            throw new IllegalArgumentException("limits: expected ingest limits (IngestLimits.defaults()), found null");
        }
    }

    /** A validator with {@link IngestLimits#defaults()}. */
    public DemonstrationValidator(String domain, Box stateSpace, Space actionSpace) {
        this(domain, stateSpace, actionSpace, IngestLimits.defaults());
    }

    /**
     * @throws IllegalArgumentException if the step breaks a limit, does not belong to the domain or
     *     leaves its spaces
     */
    public void validate(ExpertStep step) {
        limits.check(step, Instant.now());
        if (!domain.equals(step.domain())) {
            throw new IllegalArgumentException("domain: expected '" + domain + "', found '" + step.domain() + "'");
        }
        stateSpace.validateWithoutValues(step.state(), "state");
        boolean discreteSpace = actionSpace instanceof Discrete;
        if (discreteSpace != step.discreteAction()) {
            throw new IllegalArgumentException("action: expected " + (discreteSpace ? "an action index" : "a vector")
                    + " for " + actionSpace.describe() + ", found " + (step.discreteAction() ? "an action index"
                    : "a vector of " + step.action().length + " floats"));
        }
        actionSpace.validateWithoutValues(step.action(), "action");
        float[] finalState = step.finalState();
        if (finalState != null) {
            stateSpace.validateWithoutValues(finalState, "finalState");
        }
    }
}
