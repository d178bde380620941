package dev.apprentice.il.store;

/**
 * What {@link DemonstrationStore#append} made of a step, so its caller can count a duplicate and
 * dead-letter a refused step with the reason instead of losing it silently.
 *
 * @param kind accepted (durable after the next flush), a duplicate, or refused
 * @param reason for a refused step, why, naming the field; otherwise null
 */
public record AppendOutcome(Kind kind, String reason) {

    /** The three things that can become of an appended step. */
    public enum Kind {
        /** Pending, and durable once {@link DemonstrationStore#flush()} returns. */
        ACCEPTED,
        /** Its (source, episode, step) is already stored or pending; nothing changed. */
        DUPLICATE,
        /** It contradicts what the store holds of its episode; nothing changed. */
        REFUSED
    }

    /** The step was accepted. */
    public static final AppendOutcome ACCEPTED = new AppendOutcome(Kind.ACCEPTED, null);

    /** The step was a duplicate. */
    public static final AppendOutcome DUPLICATE = new AppendOutcome(Kind.DUPLICATE, null);

    public AppendOutcome {
        if (kind == null) {
            throw new IllegalArgumentException("kind: expected ACCEPTED, DUPLICATE or REFUSED, found null");
        }
        if ((kind == Kind.REFUSED) != (reason != null && !reason.isBlank())) {
            throw new IllegalArgumentException("reason: expected a reason exactly when the step is refused, found "
                    + (reason == null ? "null" : "'" + reason + "'") + " for " + kind);
        }
    }

    /** A refusal with its reason. */
    public static AppendOutcome refused(String reason) {
        return new AppendOutcome(Kind.REFUSED, reason);
    }

    /** Whether the step was accepted. */
    public boolean accepted() {
        return kind == Kind.ACCEPTED;
    }
}
