package dev.apprentice.il.benchmarks;

import dev.apprentice.anesthesia.clinical.InfusionRates;
import dev.apprentice.anesthesia.expert.CaseRunner;
import dev.apprentice.anesthesia.expert.InfusionController;
import dev.apprentice.anesthesia.sim.CaseSettings;
import dev.apprentice.anesthesia.sim.CaseTrace;
import dev.apprentice.anesthesia.sim.MonitorNoise;
import dev.apprentice.anesthesia.sim.Patient;
import dev.apprentice.anesthesia.sim.PatientCohort;
import dev.apprentice.anesthesia.sim.PatientSimulator;
import dev.apprentice.anesthesia.sim.PropofolModel;
import dev.apprentice.anesthesia.sim.SimulatedCase;
import dev.apprentice.anesthesia.sim.SurgicalStimulation;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one simulated hour of anaesthesia on one core, which bounds how many expert cases and
 * evaluation rollouts the anaesthesia service can afford: the patient simulator alone under a
 * varying infusion profile, and a whole {@link SimulatedCase} (pump models, trace, an observation
 * per decision) under a fixed-rate controller. Summary converts the time per hour into simulated
 * seconds per wall-clock second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PatientSimulatorBenchmark {

    /** Simulated seconds in one operation. */
    public static final int HOUR = 3600;

    /** The propofol model of the patient (and of the pumps in the whole case). */
    @Param({"schnider", "eleveld"})
    public String model;

    private final double[] propofolMgPerS = new double[HOUR];
    private final double[] remifentanilUgPerS = new double[HOUR];
    private final InfusionController fixedRate = observation -> new InfusionRates(8, 0.15);
    private PropofolModel propofolModel;
    private CaseSettings hourLongCases;
    private Patient patient;
    private SurgicalStimulation stimulation;
    private long seed;

    @Setup
    public void setUp() {
        propofolModel = PropofolModel.byId(model);
        hourLongCases = new CaseSettings(HOUR, HOUR, 10, propofolModel, propofolModel, MonitorNoise.DEFAULT, true);
        patient = PatientCohort.ionescu2008().get(6);
        stimulation = SurgicalStimulation.random(HOUR, new SplittableRandom(1));
        // A clinician-like hour: an induction bolus, then maintenance rates changed every minute or so.
        SplittableRandom rng = new SplittableRandom(2);
        double propofol = 0.15;
        double remifentanil = 0.2;
        for (int t = 0; t < HOUR; t++) {
            if (t % 60 == 0) {
                propofol = 0.08 + 0.12 * rng.nextDouble();
                remifentanil = 0.1 + 0.3 * rng.nextDouble();
            }
            propofolMgPerS[t] = t < 30 ? 4.0 : propofol;
            remifentanilUgPerS[t] = t < 60 ? 1.0 : remifentanil;
        }
    }

    /** 3,600 steps of one patient under the varying profile (a new patient state each hour). */
    @Benchmark
    public double simulatorHour() {
        PatientSimulator simulator = new PatientSimulator(patient, propofolModel, stimulation, MonitorNoise.DEFAULT,
                seed++);
        double bis = 0;
        for (int t = 0; t < HOUR; t++) {
            simulator.step(propofolMgPerS[t], remifentanilUgPerS[t]);
            bis += simulator.bisShown();
        }
        return bis;
    }

    /** One hour-long case, decisions every 10 s by a fixed-rate controller that is handed each observation. */
    @Benchmark
    public CaseTrace simulatedCaseHour() {
        return CaseRunner.run(fixedRate, new SimulatedCase(patient, seed++, hourLongCases));
    }
}
