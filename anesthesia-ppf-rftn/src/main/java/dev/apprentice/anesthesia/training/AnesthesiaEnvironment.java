package dev.apprentice.anesthesia.training;

import dev.apprentice.anesthesia.clinical.CasePhase;
import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.InfusionRates;
import dev.apprentice.anesthesia.sim.CaseSettings;
import dev.apprentice.anesthesia.sim.CaseTrace;
import dev.apprentice.anesthesia.sim.SimulatedCase;
import dev.apprentice.il.env.Environment;
import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.spaces.Box;

/**
 * A simulated case as an {@link Environment}: raw {@link ClinicalObservation} vectors in, both
 * rates per kg out, one decision per interval. The reward (for evaluation only) is the share of the
 * interval's maintenance seconds with the BIS shown in 40–60 (induction seconds earn none), less
 * half the share of its seconds with MAP below 65 mmHg, induction included. Cases end by their
 * length (truncated).
 */
public final class AnesthesiaEnvironment implements Environment {

    /**
     * Where actions may lie: propofol 0–600 mg/kg/h and remifentanil 0–25 µg/kg/min, what the
     * pumps deliver at their limits to a 40 kg patient, so that recorded induction doses fit.
     */
    public static final Box ACTION_SPACE = new Box(new float[] {0, 0}, new float[] {600, 25});

    private final CaseSettings settings;
    private final PatientSource patients;
    private SimulatedCase current;

    /** Cases of the given patients under the given settings. */
    public AnesthesiaEnvironment(CaseSettings settings, PatientSource patients) {
        this.settings = settings;
        this.patients = patients;
    }

    @Override
    public Box observationSpace() {
        return ClinicalObservation.SPACE;
    }

    @Override
    public Box actionSpace() {
        return ACTION_SPACE;
    }

    @Override
    public float[] reset(long seed) {
        current = new SimulatedCase(patients.patient(seed), seed, settings);
        return current.observation().toVector();
    }

    @Override
    public StepResult step(float[] action) {
        if (current == null || current.done()) {
            throw new IllegalStateException("no case is running: call reset(seed) first");
        }
        ACTION_SPACE.validate(action, "action");
        int from = current.trace().length();
        int seconds = current.apply(InfusionRates.of(action));
        CaseTrace trace = current.trace();
        double reward = 0;
        for (int i = from; i < from + seconds; i++) {
            if (CasePhase.at(i) == CasePhase.MAINTENANCE) { // second i + 1 belongs to the phase it starts in
                double bis = trace.bisShown(i);
                reward += bis >= 40 && bis <= 60 ? 1 : 0;
            }
            reward -= trace.mapShown(i) < 65 ? 0.5 : 0;
        }
        return new StepResult(current.observation().toVector(), reward / seconds, false, current.done());
    }

    /** The running case (for metrics and the live view), or null before the first reset. */
    public SimulatedCase currentCase() {
        return current;
    }
}
