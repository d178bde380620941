package dev.apprentice.anesthesia.expert;

import dev.apprentice.anesthesia.sim.CaseSettings;
import dev.apprentice.anesthesia.sim.CaseTrace;
import dev.apprentice.anesthesia.sim.Patient;
import dev.apprentice.anesthesia.sim.PatientCohort;
import dev.apprentice.anesthesia.sim.SimulatedCase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Runs anaesthesiologists through simulated cases: the 13-patient cohort or random patients by seed. */
public final class CaseRunner {

    private CaseRunner() {
    }

    /** Runs one case to its end under a controller. */
    public static CaseTrace run(InfusionController controller, SimulatedCase simulatedCase) {
        while (!simulatedCase.done()) {
            simulatedCase.apply(controller.decide(simulatedCase.observation()));
        }
        return simulatedCase.trace();
    }

    /** One case of a patient. */
    public static ClinicalMetrics run(Anaesthesiologist who, Patient patient, long seed, CaseSettings settings) {
        return ClinicalMetrics.of(run(who.startCase(patient.covariates()), new SimulatedCase(patient, seed, settings)));
    }

    /** The 13 patients of Ionescu et al. 2008, patient {@code i} on case seed {@code seed + i}, in parallel. */
    public static List<ClinicalMetrics> cohort(Anaesthesiologist who, long seed, CaseSettings settings) {
        List<Patient> patients = PatientCohort.ionescu2008();
        return IntStream.range(0, patients.size()).parallel()
                .mapToObj(i -> run(who, patients.get(i), seed + i, settings)).toList();
    }

    /** Random patients on seeds {@code firstSeed .. firstSeed + count − 1} ({@link PatientCohort#forSeed}), in parallel. */
    public static List<ClinicalMetrics> random(Anaesthesiologist who, long firstSeed, int count, CaseSettings settings) {
        return new ArrayList<>(IntStream.range(0, count).parallel()
                .mapToObj(i -> run(who, PatientCohort.forSeed(firstSeed + i), firstSeed + i, settings)).toList());
    }
}
