package dev.apprentice.anesthesia.safety;

import dev.apprentice.anesthesia.clinical.CasePhase;
import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.InfusionRates;
import java.util.ArrayList;
import java.util.List;

/**
 * Clamps both rates into the envelope and says why, for any policy output (NaN included): phase
 * ranges per kg, hard maxima in mg/s and µg/s, bounded increases per minute relative to the
 * running rates, no propofol increase while BIS is low and no increase of either drug while MAP is
 * low. {@link #violations} checks a recommendation independently of the clamping, for tests and
 * evaluation. Pure and thread-safe.
 */
public final class SafetyEnvelope {

    /**
     * How far past a bound a rate still counts as inside, in the rate's unit: a running rate that went
     * through mg/s and back is an ulp off, and holding it must not read as a clamp.
     */
    static final double TOLERANCE = 1e-9;

    private final EnvelopeLimits limits;
    private final int decisionSeconds;

    /**
     * @param limits the limits
     * @param decisionSeconds seconds between decisions, which turns per-minute increases into per-decision ones
     */
    public SafetyEnvelope(EnvelopeLimits limits, int decisionSeconds) {
        if (decisionSeconds < 1 || decisionSeconds > 600) {
            throw new IllegalArgumentException("decisionSeconds: expected 1 to 600, found " + decisionSeconds);
        }
        this.limits = limits;
        this.decisionSeconds = decisionSeconds;
    }

    /** The limits. */
    public EnvelopeLimits limits() {
        return limits;
    }

    /**
     * A clamped recommendation.
     *
     * @param rates the rates inside the envelope
     * @param reasons why each rate was changed (empty when the proposal was inside)
     */
    public record Clamped(InfusionRates rates, List<String> reasons) {

        public Clamped {
            reasons = List.copyOf(reasons);
        }

        /** Whether anything was changed. */
        public boolean clamped() {
            return !reasons.isEmpty();
        }
    }

    /** The proposal clamped into the envelope for this observation. */
    public Clamped clamp(ClinicalObservation o, InfusionRates proposal) {
        List<String> reasons = new ArrayList<>();
        Bounds p = propofolBounds(o);
        Bounds r = remifentanilBounds(o);
        double propofol = p.apply(proposal.propofol(), "propofol", "mg/kg/h", reasons);
        double remifentanil = r.apply(proposal.remifentanil(), "remifentanil", "µg/kg/min", reasons);
        return new Clamped(new InfusionRates(propofol, remifentanil), reasons);
    }

    /** Every way a recommendation leaves the envelope (empty when it is inside), checked rule by rule. */
    public List<String> violations(ClinicalObservation o, InfusionRates rates) {
        List<String> out = new ArrayList<>();
        Bounds p = propofolBounds(o);
        Bounds r = remifentanilBounds(o);
        if (!(rates.propofol() >= p.low - TOLERANCE && rates.propofol() <= p.high + TOLERANCE)) {
            out.add("propofol " + rates.propofol() + " outside [" + p.low + ", " + p.high + "] (" + p.lowWhy + " / "
                    + p.highWhy + ")");
        }
        if (!(rates.remifentanil() >= r.low - TOLERANCE && rates.remifentanil() <= r.high + TOLERANCE)) {
            out.add("remifentanil " + rates.remifentanil() + " outside [" + r.low + ", " + r.high + "] (" + r.lowWhy
                    + " / " + r.highWhy + ")");
        }
        return out;
    }

    private Bounds propofolBounds(ClinicalObservation o) {
        double weight = o.patient().weightKg();
        boolean maintenance = o.phase() == CasePhase.MAINTENANCE;
        Bounds b = new Bounds(maintenance ? limits.propofolMaintenanceMin() : 0,
                maintenance ? "maintenance minimum" : "no negative rate",
                maintenance ? limits.propofolMaintenanceMax() : limits.propofolInductionMax(),
                maintenance ? "maintenance maximum" : "induction maximum");
        b.lowerHigh(limits.propofolHardMaxMgPerSecond() * 3600 / weight, "hard maximum of "
                + limits.propofolHardMaxMgPerSecond() + " mg/s");
        double running = o.running().propofol();
        if (maintenance) {
            b.lowerHigh(running + limits.propofolIncreasePerMinute() * decisionSeconds / 60, "largest increase of "
                    + limits.propofolIncreasePerMinute() + " mg/kg/h per minute");
        }
        if (o.bisNow() < limits.noPropofolIncreaseBelowBis()) {
            b.lowerHigh(running, "no increase while BIS < " + limits.noPropofolIncreaseBelowBis());
        }
        if (o.map() < limits.noIncreaseBelowMap()) {
            b.lowerHigh(running, "no increase while MAP < " + limits.noIncreaseBelowMap() + " mmHg");
        }
        return b;
    }

    private Bounds remifentanilBounds(ClinicalObservation o) {
        double weight = o.patient().weightKg();
        boolean maintenance = o.phase() == CasePhase.MAINTENANCE;
        Bounds b = new Bounds(maintenance ? limits.remifentanilMaintenanceMin() : 0,
                maintenance ? "maintenance minimum" : "no negative rate",
                maintenance ? limits.remifentanilMaintenanceMax() : Double.MAX_VALUE, "maintenance maximum");
        b.lowerHigh(limits.remifentanilHardMaxUgPerSecond() * 60 / weight, "hard maximum of "
                + limits.remifentanilHardMaxUgPerSecond() + " µg/s");
        double running = o.running().remifentanil();
        if (maintenance) {
            b.lowerHigh(running + limits.remifentanilIncreasePerMinute() * decisionSeconds / 60, "largest increase of "
                    + limits.remifentanilIncreasePerMinute() + " µg/kg/min per minute");
        }
        if (o.map() < limits.noIncreaseBelowMap()) {
            b.lowerHigh(running, "no increase while MAP < " + limits.noIncreaseBelowMap() + " mmHg");
        }
        return b;
    }

    /** One rate's interval, with the rule behind each end; a running rate may pull the top below the bottom. */
    private static final class Bounds {
        double low;
        String lowWhy;
        double high;
        String highWhy;

        Bounds(double low, String lowWhy, double high, String highWhy) {
            this.low = low;
            this.lowWhy = lowWhy;
            this.high = high;
            this.highWhy = highWhy;
        }

        void lowerHigh(double value, String why) {
            if (value < high) {
                high = value;
                highWhy = why;
            }
            if (high < low) {
                // A "no increase" rule below the minimum: holding the running rate wins over raising it to the minimum.
                low = high;
                lowWhy = why;
            }
        }

        double apply(double proposed, String drug, String unit, List<String> reasons) {
            if (Double.isNaN(proposed)) {
                reasons.add(drug + ": the policy gave no number; set to " + format(low) + " " + unit + " (" + lowWhy + ")");
                return low;
            }
            if (proposed > high + TOLERANCE) {
                reasons.add(drug + ": " + format(proposed) + " lowered to " + format(high) + " " + unit + " (" + highWhy + ")");
                return high;
            }
            if (proposed < low - TOLERANCE || proposed < 0) {
                reasons.add(drug + ": " + format(proposed) + " raised to " + format(low) + " " + unit + " (" + lowWhy + ")");
                return low;
            }
            return proposed;
        }

        private static String format(double v) {
            return String.format(java.util.Locale.ROOT, "%.3g", v);
        }
    }
}
