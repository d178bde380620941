package dev.apprentice.anesthesia.expert;

import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.anesthesia.clinical.InfusionRates;

/**
 * A dual-drug closed loop on the BIS in the style of published BIS-guided controllers: a propofol
 * induction dose over the first minute, then propofol at a feed-forward proportional to the pump
 * model's effect-site estimate plus proportional and derivative terms on the BIS error from 50
 * (the effect site, which the drug itself integrates, plays the integral's part, so every
 * decision follows from what the clinician sees), remifentanil at a fixed ratio to propofol with a
 * boost while BIS climbs fast above 50 (surgical stimulation), and less of both while MAP is below
 * 65 mmHg. No propofol increase while BIS is below 40, and in maintenance increases of at most
 * 5 mg/kg/h propofol and 0.2 µg/kg/min remifentanil per decision, like a rate-limited closed loop
 * (and inside the default safety envelope).
 *
 * @param inductionRate propofol rate during the induction dose, mg/kg/h
 * @param inductionSeconds length of the induction dose, s
 * @param feedForward propofol rate per µg/mL of model effect site, mg/kg/h
 * @param kp proportional gain, mg/kg/h per BIS point
 * @param kd derivative gain, mg/kg/h per BIS point per second of slope
 * @param ratio remifentanil (µg/kg/min) per propofol (mg/kg/h)
 * @param stimulationBoost extra remifentanil, as a share of the ratio, while BIS rises faster than 0.1 points/s above 50
 * @param minPropofol lowest maintenance propofol rate, mg/kg/h
 * @param maxPropofol highest maintenance propofol rate, mg/kg/h
 */
public record PidAnaesthesiologist(double inductionRate, int inductionSeconds, double feedForward, double kp, double kd,
        double ratio, double stimulationBoost, double minPropofol, double maxPropofol) implements Anaesthesiologist {

    /** The tuned controller (README: how the experts were tuned). */
    public static final PidAnaesthesiologist TUNED = new PidAnaesthesiologist(90, 60, 2.5, 0.6, 10, 0.02, 0.5, 3, 20);

    /** Largest maintenance propofol increase per decision, mg/kg/h. */
    static final double MAX_PROPOFOL_STEP = 5;
    /** Largest maintenance remifentanil increase per decision, µg/kg/min. */
    static final double MAX_REMIFENTANIL_STEP = 0.2;

    @Override
    public String name() {
        return "pid";
    }

    @Override
    public InfusionController startCase(Covariates patient) {
        return this::decide;
    }

    /** The rates for an observation. */
    public InfusionRates decide(ClinicalObservation o) {
        if (o.elapsedSeconds() < inductionSeconds) {
            return new InfusionRates(inductionRate, ratio * 12);
        }
        double now = (o.bis(0) + o.bis(1) + o.bis(2)) / 3;
        double before = (o.bis(1) + o.bis(2) + o.bis(3)) / 3;
        double error = now - ClinicalMetrics.TARGET;
        double slope = (now - before) / ClinicalObservation.BIS_SPACING_SECONDS;
        double propofol = feedForward * o.propofolCe() + kp * error + kd * slope;
        boolean hypotensive = o.map() < 65;
        if (hypotensive) {
            propofol -= 1;
        }
        propofol = Math.min(propofol, o.running().propofol() + MAX_PROPOFOL_STEP);
        propofol = Math.max(minPropofol, Math.min(maxPropofol, propofol));
        if (o.bisNow() < 40 || now < 42) {
            // Holding the running rate wins over the minimum, as in the safety envelope.
            propofol = Math.min(propofol, o.running().propofol());
        }
        double r = ratio * (1 + (slope > 0.1 && now > ClinicalMetrics.TARGET ? stimulationBoost : 0));
        double remifentanil = Math.min(r * propofol * (hypotensive ? 0.7 : 1),
                o.running().remifentanil() + MAX_REMIFENTANIL_STEP);
        return new InfusionRates(propofol, remifentanil);
    }
}
