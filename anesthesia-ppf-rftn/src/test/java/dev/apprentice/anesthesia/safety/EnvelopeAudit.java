package dev.apprentice.anesthesia.safety;

import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.anesthesia.clinical.InfusionRates;
import dev.apprentice.anesthesia.expert.Anaesthesiologist;
import dev.apprentice.anesthesia.expert.InfusionController;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** An anaesthesiologist behind the safety envelope, as {@code GuardedPolicy} serves a policy, counting clamps per rule. */
final class EnvelopeAudit implements Anaesthesiologist {

    private final Anaesthesiologist expert;
    private final SafetyEnvelope envelope;
    private final LongAdder decisions = new LongAdder();
    private final LongAdder clamped = new LongAdder();
    private final LongAdder violations = new LongAdder();
    private final Map<String, LongAdder> byRule = new ConcurrentHashMap<>();

    EnvelopeAudit(Anaesthesiologist expert, SafetyEnvelope envelope) {
        this.expert = expert;
        this.envelope = envelope;
    }

    @Override
    public String name() {
        return expert.name();
    }

    @Override
    public InfusionController startCase(Covariates patient) {
        InfusionController controller = expert.startCase(patient);
        return o -> decide(o, controller.decide(o));
    }

    private InfusionRates decide(ClinicalObservation o, InfusionRates proposal) {
        SafetyEnvelope.Clamped c = envelope.clamp(o, proposal);
        decisions.increment();
        if (c.clamped()) {
            clamped.increment();
        }
        if (!envelope.violations(o, c.rates()).isEmpty()) {
            violations.increment();
        }
        for (String reason : c.reasons()) {
            // "propofol: 25.0 lowered to 20.0 mg/kg/h (maintenance maximum)" counts as "propofol: maintenance maximum".
            String rule = reason.substring(0, reason.indexOf(':')) + ": "
                    + reason.substring(reason.lastIndexOf('(') + 1, reason.length() - 1);
            byRule.computeIfAbsent(rule, k -> new LongAdder()).increment();
        }
        return c.rates();
    }

    /** Decisions reviewed. */
    long decisions() {
        return decisions.sum();
    }

    /** Share of decisions the envelope changed. */
    double clampedShare() {
        long n = decisions.sum();
        return n == 0 ? 0 : (double) clamped.sum() / n;
    }

    /** Clamped rates still outside the envelope by its own check. */
    long violations() {
        return violations.sum();
    }

    /** Share of decisions clamped by each rule, by drug and rule name. */
    Map<String, Double> sharesByRule() {
        Map<String, Double> shares = new TreeMap<>();
        byRule.forEach((rule, count) -> shares.put(rule, (double) count.sum() / decisions.sum()));
        return shares;
    }
}
