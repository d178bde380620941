package dev.apprentice.anesthesia.training;

import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.InfusionRates;
import dev.apprentice.anesthesia.expert.Anaesthesiologist;
import dev.apprentice.anesthesia.expert.InfusionController;
import dev.apprentice.anesthesia.safety.SafetyEnvelope;
import dev.apprentice.anesthesia.sim.CaseTrace;
import dev.apprentice.anesthesia.sim.Patient;
import dev.apprentice.anesthesia.sim.SimulatedCase;
import dev.apprentice.il.algorithms.meta.DemonstrationTasks;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.policy.Policy;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-patient adaptation during a case, as the meta-learning recipe is judged: the expert runs
 * the opening minutes of a patient's case while its (features, rates) are recorded, a policy
 * adapted on them then recommends behind the safety envelope, exactly as the service serves, for
 * the rest of the case, and only the rest is scored. Tasks are patients: training patients and
 * held-out patients never share a case.
 */
public final class PatientAdaptation {

    /**
     * The opening the expert runs and the adaptation reads, 15 minutes (90 decisions): induction
     * (10 minutes), intubation at 4–6 minutes and the first 5 minutes of maintenance, so that the
     * samples include maintenance states and not only the induction dose; incision falls at 10–15
     * minutes, inside it or just after. Cases last 50–70 minutes, so 35–55 are scored.
     */
    public static final int OPENING_SECONDS = 900;

    private final AnesthesiaImitation imitation;
    private final SafetyEnvelope envelope;
    private final Anaesthesiologist expert;
    private final int openingSeconds;

    /**
     * The experiment with this expert and opening.
     *
     * @throws IllegalArgumentException when the opening is shorter than one decision or not shorter than the shortest case
     */
    public PatientAdaptation(AnesthesiaImitation imitation, SafetyEnvelope envelope, Anaesthesiologist expert,
            int openingSeconds) {
        int interval = imitation.cases().decisionIntervalSeconds();
        if (openingSeconds < interval || openingSeconds >= imitation.cases().minSeconds()) {
            throw new IllegalArgumentException("openingSeconds: expected " + interval + " to "
                    + (imitation.cases().minSeconds() - 1) + " s (one decision, shorter than the shortest case), found "
                    + openingSeconds);
        }
        this.imitation = imitation;
        this.envelope = envelope;
        this.expert = expert;
        this.openingSeconds = openingSeconds;
    }

    /** The expert who runs every opening and the training cases. */
    public Anaesthesiologist expert() {
        return expert;
    }

    /**
     * The meta-training tasks: one per patient, that patient's whole case as the policies see it.
     *
     * @param rawCases raw demonstrations, one episode per case in the order of {@code seeds}
     * @param seeds the cases' seeds, which name the patients
     * @throws IllegalArgumentException when there are not as many episodes as seeds
     */
    public Map<String, DemonstrationSet> tasksByPatient(DemonstrationSet rawCases, long[] seeds) {
        if (rawCases.episodeCount() != seeds.length) {
            throw new IllegalArgumentException("training cases: expected one episode per seed (" + seeds.length
                    + "), found " + rawCases.episodeCount());
        }
        DemonstrationSet encoded = rawCases.mapStates(imitation.features().outputSpace(), imitation.features()::encode);
        Map<String, DemonstrationSet> tasks = new LinkedHashMap<>();
        for (int e = 0; e < seeds.length; e++) {
            tasks.put("patient-" + seeds[e], encoded.selectEpisodes(new int[] {e}));
        }
        return tasks;
    }

    /** The expert's decisions over the opening of a patient's case: features and rates, what adaptation reads. */
    public DemonstrationTasks.Shots opening(Patient patient, long seed) {
        SimulatedCase simulated = new SimulatedCase(patient, seed, imitation.cases());
        InfusionController controller = expert.startCase(patient.covariates());
        int width = imitation.features().outputSpace().width();
        int capacity = openingSeconds / imitation.cases().decisionIntervalSeconds() + 1;
        float[] states = new float[capacity * width];
        float[] actions = new float[capacity * 2];
        int rows = 0;
        while (simulated.trace().length() < openingSeconds) {
            ClinicalObservation o = simulated.observation();
            InfusionRates rates = controller.decide(o);
            System.arraycopy(imitation.features().encode(o.toVector()), 0, states, rows * width, width);
            System.arraycopy(rates.toAction(), 0, actions, rows * 2, 2);
            rows++;
            simulated.apply(rates);
        }
        return new DemonstrationTasks.Shots(Arrays.copyOf(states, rows * width), Arrays.copyOf(actions, rows * 2), rows);
    }

    /**
     * The policy behind the envelope for the rest of a case whose opening the expert ran, and its
     * counters (clamps, violations).
     */
    public GuardedPolicy served(String name, Policy policy) {
        return new GuardedPolicy(name, policy, imitation.features(), envelope, null);
    }

    /** Runs a patient's case, the expert for the opening and then {@code after}, and scores the rest. */
    public RestOfCase rest(Patient patient, long seed, Anaesthesiologist after) {
        SimulatedCase simulated = new SimulatedCase(patient, seed, imitation.cases());
        InfusionController opening = expert.startCase(patient.covariates());
        InfusionController rest = after.startCase(patient.covariates());
        while (!simulated.done()) {
            InfusionController now = simulated.trace().length() < openingSeconds ? opening : rest;
            simulated.apply(now.decide(simulated.observation()));
        }
        return RestOfCase.of(simulated.trace(), openingSeconds);
    }

    /**
     * What the monitors showed after the opening.
     *
     * @param timeInBand share of the seconds with BIS shown in 40–60
     * @param hypotension share of the seconds with MAP shown below 65 mmHg
     * @param mdape median absolute performance error against BIS 50, % (Varvel 1992)
     */
    public record RestOfCase(double timeInBand, double hypotension, double mdape) {

        static RestOfCase of(CaseTrace trace, int from) {
            int n = trace.length() - from;
            int inBand = 0;
            int hypotensive = 0;
            double[] absoluteErrors = new double[n];
            for (int i = from; i < trace.length(); i++) {
                double bis = trace.bisShown(i);
                inBand += bis >= 40 && bis <= 60 ? 1 : 0;
                hypotensive += trace.mapShown(i) < 65 ? 1 : 0;
                absoluteErrors[i - from] = Math.abs(100 * (bis - 50) / 50);
            }
            Arrays.sort(absoluteErrors);
            double median = n % 2 == 1 ? absoluteErrors[n / 2] : (absoluteErrors[n / 2 - 1] + absoluteErrors[n / 2]) / 2;
            return new RestOfCase((double) inBand / n, (double) hypotensive / n, median);
        }
    }
}
