package dev.apprentice.phonesecurity.mapping;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.phonesecurity.behaviour.BehaviourContext;
import dev.apprentice.phonesecurity.behaviour.BehaviourLayout;
import dev.apprentice.phonesecurity.behaviour.BehaviourSample;
import dev.apprentice.phonesecurity.privacy.BehaviourSealing;
import dev.apprentice.phonesecurity.schema.BehaviourRecord;
import dev.apprentice.service.domain.DemonstrationRecords;
import java.util.Map;
import java.util.Objects;

/**
 * Maps the sealed behaviour record to the core's {@link ExpertStep} and back, so that domain logic
 * never handles generated Avro classes: the user is the step's source (the owner is the expert),
 * the session its episode and the sample's position its step; the state is the raw
 * {@link BehaviourContext} vector and the action the {@value BehaviourLayout#FEATURES} features.
 *
 * <p>A session becomes a complete episode in the store through its last sample, which the phone
 * marks {@code ends_session}: that step is terminal. It is also marked time-limited, because a
 * session ends when its holder stops, not in a state the behaviour led to, so learners must not
 * treat its end as absorbing. Samples of a session the phone never closed stay an incomplete
 * episode, which training leaves out.
 */
public final class BehaviourRecords implements DemonstrationRecords<BehaviourRecord> {

    /** The service's domain name, the steps' {@code domain}. */
    public static final String DOMAIN = "phone-security";
    /** The topic the records travel on. */
    public static final String TOPIC = "phone-security.behaviour";

    private final BehaviourSealing sealing;

    /** @param sealing opens records with, and seals them for, the users' data keys */
    public BehaviourRecords(BehaviourSealing sealing) {
        this.sealing = Objects.requireNonNull(sealing, "sealing");
    }

    @Override
    public Class<BehaviourRecord> recordClass() {
        return BehaviourRecord.class;
    }

    /**
     * Opens the record with its user's data key and checks the sample.
     *
     * @throws IllegalArgumentException naming the field (and the feature's index) when the record
     *     cannot be opened or its sample is invalid; never with a feature value
     */
    @Override
    public ExpertStep toStep(BehaviourRecord record) {
        return step(sealing.open(record));
    }

    /** Seals the step's sample again with its user's data key (created on first use). */
    @Override
    public BehaviourRecord fromStep(ExpertStep step) {
        return sealing.seal(sample(step));
    }

    /**
     * The user id: the Kafka key is the user rather than {@code user/session}, so that all of a
     * user's records keep their order in one partition (a session stays in one partition as well).
     */
    @Override
    public String episodeKey(BehaviourRecord record) {
        return record.getUserId();
    }

    /** The step a sample is. */
    public static ExpertStep step(BehaviourSample s) {
        return new ExpertStep(DOMAIN, s.userId(), s.sessionId(), s.sequence(), s.capturedAt(), s.context().toVector(),
                s.features(), false, s.endsSession(), s.endsSession(), null, Map.of());
    }

    /**
     * The sample a step is.
     *
     * @throws IllegalArgumentException naming the field when the step is not one of this domain's
     */
    public static BehaviourSample sample(ExpertStep step) {
        if (step.discreteAction()) {
            throw new IllegalArgumentException("action: expected the " + BehaviourLayout.FEATURES
                    + " continuous behaviour features, found a discrete action");
        }
        BehaviourContext context = BehaviourContext.fromVector(step.state());
        return new BehaviourSample(step.source(), step.episode(), step.step(), step.eventTime(), context.activity(),
                context.app(), context.localHour(), step.action(), step.terminal());
    }
}
