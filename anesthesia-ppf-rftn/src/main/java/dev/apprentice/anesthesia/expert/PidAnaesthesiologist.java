package dev.apprentice.anesthesia.expert;

import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.anesthesia.clinical.InfusionRates;

/**
 * A dual-drug closed loop in the style of published BIS-guided controllers: a propofol induction
 * dose over the first minute, then a PID on the BIS toward 50 in velocity form (the running rate
 * is the integral, so the controller needs nothing but what the clinician sees), remifentanil
 * following propofol at a fixed ratio, a boost of remifentanil when BIS climbs fast (surgical
 * stimulation) and less of both when MAP falls below 65 mmHg. Stateless: every decision follows
 * from the observation alone.
 *
 * @param inductionRate propofol rate during the first minute, mg/kg/h
 * @param inductionSeconds length of the induction dose, s
 * @param maintenanceStart propofol rate set when the induction dose ends, mg/kg/h
 * @param kp proportional gain, mg/kg/h per BIS point
 * @param ki integral gain, mg/kg/h per BIS point per second
 * @param kd derivative gain, mg/kg/h per BIS point per second of slope
 * @param ratio remifentanil (µg/kg/min) per propofol (mg/kg/h)
 * @param stimulationBoost extra remifentanil ratio while BIS rises faster than 0.1 points/s above 50
 * @param minPropofol lowest maintenance propofol rate, mg/kg/h
 * @param maxPropofol highest maintenance propofol rate, mg/kg/h
 */
public record PidAnaesthesiologist(double inductionRate, int inductionSeconds, double maintenanceStart, double kp,
        double ki, double kd, double ratio, double stimulationBoost, double minPropofol, double maxPropofol)
        implements Anaesthesiologist {

    /** The tuned controller (README: how the experts were tuned). */
    public static final PidAnaesthesiologist TUNED = new PidAnaesthesiologist(90, 60, 9, 0.15, 0.004, 2.0, 0.02,
            0.5, 2, 20);

    /** Seconds between decisions the gains assume. */
    static final double INTERVAL = 10;

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
        double t = o.elapsedSeconds();
        if (t < inductionSeconds) {
            return new InfusionRates(inductionRate, ratio * maintenanceStart * 1.5);
        }
        double running = o.running().propofol();
        if (running > maxPropofol) {
            running = maintenanceStart;
        }
        double now = (o.bis(0) + o.bis(1) + o.bis(2)) / 3;
        double before = (o.bis(1) + o.bis(2) + o.bis(3)) / 3;
        double earlier = (o.bis(2) + o.bis(3) + o.bis(4)) / 3;
        double error = now - ClinicalMetrics.TARGET;
        double previousError = before - ClinicalMetrics.TARGET;
        double slope = (now - before) / INTERVAL;
        double previousSlope = (before - earlier) / INTERVAL;
        double propofol = running + kp * (error - previousError) + ki * error * INTERVAL + kd * (slope - previousSlope);
        boolean hypotensive = o.map() < 65;
        if (hypotensive && error < 5) {
            propofol -= 0.5;
        }
        if (o.bisNow() < 40 || now < 42) {
            propofol = Math.min(propofol, running);
        }
        propofol = Math.max(minPropofol, Math.min(maxPropofol, propofol));
        double r = ratio + (slope > 0.1 && now > ClinicalMetrics.TARGET ? stimulationBoost * ratio : 0);
        double remifentanil = r * propofol * (hypotensive ? 0.7 : 1);
        return new InfusionRates(propofol, remifentanil);
    }
}
