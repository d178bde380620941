package dev.apprentice.anesthesia.training;

import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.anesthesia.clinical.InfusionRates;
import dev.apprentice.anesthesia.expert.Anaesthesiologist;
import dev.apprentice.anesthesia.expert.InfusionController;
import dev.apprentice.anesthesia.safety.SafetyEnvelope;
import dev.apprentice.il.data.StateProfile;
import dev.apprentice.il.env.ObservationEncoder;
import dev.apprentice.il.policy.Actor;
import dev.apprentice.il.policy.Policy;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A learned policy as the service serves it: features in, its most likely rates out, clamped by
 * the safety envelope; counts decisions, clamps, (independently checked) envelope violations and,
 * given the training states' profile, the decisions the service would have deferred, so that
 * evaluation can report them. Deferred decisions still apply the clamped rates here, so the count
 * does not change the case.
 */
public final class GuardedPolicy implements Anaesthesiologist {

    private final String name;
    private final Actor greedy;
    private final ObservationEncoder features;
    private final SafetyEnvelope envelope;
    private final StateProfile profile;
    private final AtomicLong decisions = new AtomicLong();
    private final AtomicLong clamped = new AtomicLong();
    private final AtomicLong violations = new AtomicLong();
    private final AtomicLong deferred = new AtomicLong();

    /**
     * The policy behind the envelope, fed by the feature map.
     *
     * @param profile the training states' profile, or null not to count deferrals
     */
    public GuardedPolicy(String name, Policy policy, ObservationEncoder features, SafetyEnvelope envelope,
            StateProfile profile) {
        this.name = name;
        this.greedy = policy.deterministic();
        this.features = features;
        this.envelope = envelope;
        this.profile = profile;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InfusionController startCase(Covariates patient) {
        return this::decide;
    }

    private InfusionRates decide(ClinicalObservation o) {
        float[] encoded = features.encode(o.toVector());
        InfusionRates proposal = InfusionRates.of(greedy.act(encoded, null));
        SafetyEnvelope.Clamped c = envelope.clamp(o, proposal);
        decisions.incrementAndGet();
        if (profile != null && profile.far(encoded)) {
            deferred.incrementAndGet();
        }
        if (c.clamped()) {
            clamped.incrementAndGet();
        }
        if (!envelope.violations(o, c.rates()).isEmpty()) {
            violations.incrementAndGet();
        }
        return c.rates();
    }

    /** Share of decisions the envelope changed. */
    public double clampedShare() {
        long n = decisions.get();
        return n == 0 ? 0 : (double) clamped.get() / n;
    }

    /** Share of decisions the service would have deferred to the clinician (0 without a profile). */
    public double deferredShare() {
        long n = decisions.get();
        return n == 0 ? 0 : (double) deferred.get() / n;
    }

    /** Recommendations outside the envelope after clamping (a correct envelope keeps this at 0). */
    public long violations() {
        return violations.get();
    }
}
