package dev.apprentice.anesthesia.sim;

import dev.apprentice.anesthesia.clinical.CasePhase;
import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.InfusionRates;
import java.util.SplittableRandom;

/**
 * One simulated case in the operating room: the patient, the two pumps with their model
 * effect-site estimates (what a TCI pump displays), the monitors, and a decision every few
 * seconds. The case's length, surgical stimulation and monitor noise come from its seed. Mutable
 * and single-threaded.
 */
public final class SimulatedCase {

    private final Patient patient;
    private final CaseSettings settings;
    private final int seconds;
    private final PatientSimulator simulator;
    private final Compartments pumpPropofol;
    private final Compartments pumpRemifentanil;
    private final double initialBis;
    private final CaseTrace trace;
    private InfusionRates running = InfusionRates.ZERO;

    /** A case that starts now, before the first drug. */
    public SimulatedCase(Patient patient, long seed, CaseSettings settings) {
        this.patient = patient;
        this.settings = settings;
        SplittableRandom rng = new SplittableRandom(seed);
        this.seconds = settings.minSeconds() + rng.nextInt(settings.maxSeconds() - settings.minSeconds() + 1);
        SurgicalStimulation stimulation = settings.stimulation() ? SurgicalStimulation.random(seconds, rng)
                : SurgicalStimulation.none(seconds);
        this.simulator = new PatientSimulator(patient, settings.patientModel(), stimulation, settings.noise(),
                rng.nextLong());
        this.pumpPropofol = new Compartments(settings.pumpModel().parameters(patient.covariates()));
        this.pumpRemifentanil = new Compartments(MintoModel.parameters(patient.covariates()));
        this.initialBis = simulator.bisShown();
        this.trace = new CaseTrace(patient.weightKg(), seconds);
    }

    /** The patient. */
    public Patient patient() {
        return patient;
    }

    /** The case's length, s. */
    public int seconds() {
        return seconds;
    }

    /** The simulator (read-only use: concentrations, stimulation). */
    public PatientSimulator simulator() {
        return simulator;
    }

    /** Whether the case is over. */
    public boolean done() {
        return simulator.second() >= seconds;
    }

    /** What the clinician sees now. */
    public ClinicalObservation observation() {
        int now = simulator.second();
        double[] bisHistory = new double[ClinicalObservation.BIS_HISTORY];
        for (int k = 0; k < bisHistory.length; k++) {
            int t = now - k * ClinicalObservation.BIS_SPACING_SECONDS;
            bisHistory[k] = t <= 0 ? initialBis : trace.bisShown(t - 1);
        }
        return new ClinicalObservation(patient.covariates(), now, CasePhase.at(now), bisHistory, simulator.mapShown(),
                running, pumpPropofol.effectSite(), pumpRemifentanil.effectSite());
    }

    /**
     * Sets both rates and lets the case run until the next decision (or its end).
     *
     * @return seconds simulated
     */
    public int apply(InfusionRates rates) {
        if (done()) {
            throw new IllegalStateException("the case is over (" + seconds + " s)");
        }
        double weight = patient.weightKg();
        double propofol = rates.propofolMgPerSecond(weight);
        double remifentanil = rates.remifentanilUgPerSecond(weight);
        int steps = Math.min(settings.decisionIntervalSeconds(), seconds - simulator.second());
        for (int i = 0; i < steps; i++) {
            simulator.step(propofol, remifentanil);
            pumpPropofol.step(simulator.propofolDelivered());
            pumpRemifentanil.step(simulator.remifentanilDelivered());
            trace.record(simulator);
        }
        running = InfusionRates.perKg(simulator.propofolDelivered(), simulator.remifentanilDelivered(), weight);
        return steps;
    }

    /** The case so far, second by second. */
    public CaseTrace trace() {
        return trace;
    }
}
