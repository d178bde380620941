package dev.apprentice.anesthesia.safety;

import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.InfusionRates;
import dev.apprentice.service.domain.DecisionGuard;
import dev.apprentice.service.domain.GuardVerdict;

/** The kit's decision guard for this domain: every served recommendation is clamped into the envelope, with the reasons. */
public final class EnvelopeGuard implements DecisionGuard {

    private final SafetyEnvelope envelope;

    public EnvelopeGuard(SafetyEnvelope envelope) {
        this.envelope = envelope;
    }

    @Override
    public GuardVerdict review(float[] observation, float[] action) {
        SafetyEnvelope.Clamped c = envelope.clamp(ClinicalObservation.fromVector(observation), InfusionRates.of(action));
        return new GuardVerdict(c.rates().toAction(), false, c.reasons());
    }
}
