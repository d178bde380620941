package dev.apprentice.anesthesia.training;

import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.anesthesia.clinical.InfusionRates;
import dev.apprentice.anesthesia.expert.Anaesthesiologist;
import dev.apprentice.anesthesia.expert.InfusionController;
import dev.apprentice.anesthesia.safety.SafetyEnvelope;
import dev.apprentice.il.env.ObservationEncoder;
import dev.apprentice.il.policy.Actor;
import dev.apprentice.il.policy.Policy;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A learned policy as the service serves it: features in, its most likely rates out, clamped by
 * the safety envelope; counts decisions, clamps and (independently checked) envelope violations so
 * evaluation can report them.
 */
public final class GuardedPolicy implements Anaesthesiologist {

    private final String name;
    private final Actor greedy;
    private final SafetyEnvelope envelope;
    private final AtomicLong decisions = new AtomicLong();
    private final AtomicLong clamped = new AtomicLong();
    private final AtomicLong violations = new AtomicLong();

    /** The policy behind the envelope, fed by the feature map. */
    public GuardedPolicy(String name, Policy policy, ObservationEncoder features, SafetyEnvelope envelope) {
        this.name = name;
        this.greedy = features.actorOnRawObservations(policy.deterministic());
        this.envelope = envelope;
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
        InfusionRates proposal = InfusionRates.of(greedy.act(o.toVector(), null));
        SafetyEnvelope.Clamped c = envelope.clamp(o, proposal);
        decisions.incrementAndGet();
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

    /** Recommendations outside the envelope after clamping (a correct envelope keeps this at 0). */
    public long violations() {
        return violations.get();
    }
}
