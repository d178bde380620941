package dev.apprentice.phonesecurity.behaviour;

import dev.apprentice.il.data.ExpertStep;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One decoded behaviour sample, as domain code sees it once the record has been opened: whose it
 * is, where it sits in which session, its context and its {@value BehaviourLayout#FEATURES}
 * features. It validates itself, so a sample that exists is usable; its {@link #toString()} never
 * shows the features, which are personal data.
 *
 * @param userId the phone owner's id (see {@link Identifiers})
 * @param sessionId the session, unique per user (see {@link Identifiers})
 * @param sequence the sample's position in its session, from 0
 * @param capturedAt when it was captured, kept to the millisecond as records carry it
 * @param activity what the holder was doing
 * @param app the app in the foreground
 * @param localHour the hour of day on the phone's clock (0 to 23), or empty when unknown
 * @param features the typing timings then the motion statistics ({@link BehaviourLayout})
 * @param endsSession whether this is the session's last sample
 */
public record BehaviourSample(String userId, String sessionId, int sequence, Instant capturedAt, Activity activity,
        App app, OptionalInt localHour, float[] features, boolean endsSession) {

    public BehaviourSample {
        Identifiers.requireUserId(userId);
        Identifiers.requireSessionId(sessionId);
        if (sequence < 0 || sequence > ExpertStep.MAX_STEP) {
            throw new IllegalArgumentException("sequence: expected a position in [0, " + ExpertStep.MAX_STEP + "], found "
                    + sequence);
        }
        capturedAt = Objects.requireNonNull(capturedAt, "capturedAt").truncatedTo(ChronoUnit.MILLIS);
        BehaviourLayout.requireValid(features);
        features = features.clone();
        new BehaviourContext(activity, app, localHour); // checks them, the hour's range included
    }

    /** The context as the policy's state. */
    public BehaviourContext context() {
        return new BehaviourContext(activity, app, localHour);
    }

    /** The features (a copy). */
    @Override
    public float[] features() {
        return features.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BehaviourSample s && sequence == s.sequence && endsSession == s.endsSession
                && userId.equals(s.userId) && sessionId.equals(s.sessionId) && capturedAt.equals(s.capturedAt)
                && activity == s.activity && app == s.app && localHour.equals(s.localHour)
                && Arrays.equals(features, s.features);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, sessionId, sequence, Arrays.hashCode(features));
    }

    /** Identity and context only: the features stay out of logs. */
    @Override
    public String toString() {
        return "BehaviourSample[" + userId + "/" + sessionId + "#" + sequence + " " + capturedAt + " " + activity.id()
                + " " + app.id() + (localHour.isPresent() ? " " + localHour.getAsInt() + "h" : "")
                + (endsSession ? " ends session" : "") + "]";
    }
}
