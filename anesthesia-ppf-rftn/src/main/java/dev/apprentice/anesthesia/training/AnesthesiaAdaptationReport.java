package dev.apprentice.anesthesia.training;

import dev.apprentice.anesthesia.AnesthesiaDomain;
import dev.apprentice.anesthesia.expert.PidAnaesthesiologist;
import dev.apprentice.anesthesia.sim.Patient;
import dev.apprentice.anesthesia.sim.PatientCohort;
import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.TrainingOptions;
import dev.apprentice.il.algorithms.meta.DemonstrationTasks;
import dev.apprentice.il.algorithms.meta.FewShotAdaptation;
import dev.apprentice.il.algorithms.meta.MetaConfig;
import dev.apprentice.il.algorithms.meta.MetaImitationTrainer;
import dev.apprentice.il.algorithms.meta.PerTaskDemonstrations;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.eval.Spread;
import dev.apprentice.il.policy.MlpPolicy;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.service.domain.Algorithm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/**
 * The per-patient adaptation report: BC and a meta-learned initialisation trained on the same
 * random patients' cases, then, for patients outside training, the expert runs the opening
 * minutes and (a) BC, (b) BC fine-tuned on the opening, (c) the meta-learned initialisation
 * unadapted and (d) adapted on the opening run the rest behind the safety envelope, beside the
 * expert. One expert teaches throughout: it runs the training cases, the openings and the expert
 * row. Run with {@code ./apprentice anesthesia adaptation [--expert pid|tci] [--patients 60]
 * [--iterations 5000] [--opening-minutes 15] [--random-patients 40] [--seed 1]}; prints a
 * Markdown table.
 */
public final class AnesthesiaAdaptationReport {

    /** First seed of the patients with an extreme response to propofol; held out like the random ones. */
    public static final long SENSITIVE_SEED = 3_000_000L;
    /** How far from typical (standard deviations of C50p or γ) a held-out patient must be to count as extreme. */
    public static final double EXTREME_DEVIATION = 1.5;

    private AnesthesiaAdaptationReport() {
    }

    public static void main(String[] args) {
        String expert = PidAnaesthesiologist.TUNED.name();
        int patients = 60;
        int iterations = 0;
        int openingMinutes = PatientAdaptation.OPENING_SECONDS / 60;
        int randomPatients = 40;
        long seed = 1;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(args[i] + ": expected a value");
            }
            switch (args[i]) {
                case "--expert" -> expert = value;
                case "--patients" -> patients = Integer.parseInt(value);
                case "--iterations" -> iterations = Integer.parseInt(value);
                case "--opening-minutes" -> openingMinutes = Integer.parseInt(value);
                case "--random-patients" -> randomPatients = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'; options: --expert pid|tci"
                        + " --patients 60 --iterations 5000 --opening-minutes 15 --random-patients 40 --seed 1");
            }
        }
        System.out.println(run(AnesthesiaDomain.withDefaults(), expert, patients, iterations, openingMinutes * 60,
                randomPatients, seed));
    }

    /** Held-out patients of one kind: their case seeds and the patient source that names them. */
    record HeldOut(String name, PatientSource source, long[] seeds) {
    }

    /** The held-out groups: the published cohort, random patients, and random patients with an extreme propofol response. */
    static List<HeldOut> heldOut(int randomPatients) {
        long[] extreme = new long[randomPatients];
        int found = 0;
        for (long s = SENSITIVE_SEED; found < randomPatients; s++) {
            if (PatientCohort.sensitivityDeviation(PatientSource.RANDOM.patient(s).response()) >= EXTREME_DEVIATION) {
                extreme[found++] = s;
            }
        }
        return List.of(new HeldOut("cohort", PatientSource.COHORT, RolloutCollector.seeds(AnesthesiaReport.COHORT_SEED, 13)),
                new HeldOut("random", PatientSource.RANDOM, RolloutCollector.seeds(AnesthesiaReport.HELD_OUT_SEED,
                        randomPatients)),
                new HeldOut("extreme", PatientSource.RANDOM, extreme));
    }

    /** The policies the report compares after the opening. */
    record Learned(MlpPolicy bc, MlpPolicy initialisation, FewShotAdaptation adaptation) {
    }

    /**
     * Trains BC and the meta-learned initialisation on the expert's cases of random patients on
     * seeds {@code 0 .. patients − 1}.
     */
    static Learned train(AnesthesiaDomain domain, PatientAdaptation experiment, int patients, int iterations, long seed,
            int threads) {
        AnesthesiaImitation imitation = domain.imitation();
        long[] seeds = RolloutCollector.seeds(0, patients);
        DemonstrationSet raw;
        try (RolloutCollector collector = new RolloutCollector(threads, imitation.cases().maxDecisions())) {
            raw = collector.demonstrations(imitation.rawEnvironments(PatientSource.RANDOM), experiment.expert().actor(),
                    seeds);
        }
        MlpPolicy bc = (MlpPolicy) imitation.trainer(Algorithm.BC, seed, threads, 0).train(imitation.task(raw),
                TrainingOptions.listener(p -> { })).policy();
        MetaConfig config = new AnesthesiaMetaLearning().config(seed, threads, iterations);
        MlpPolicy initialisation = (MlpPolicy) new MetaImitationTrainer(config)
                .train(ImitationTask.ofTasks(PerTaskDemonstrations.of(experiment.tasksByPatient(raw, seeds))),
                        TrainingOptions.listener(p -> { }))
                .policy();
        return new Learned(bc, initialisation, config.adaptation());
    }

    /** One policy's results on one held-out group: per patient, in seed order. */
    record Arm(String name, double[] timeInBand, double[] hypotension, double[] mdape, double[] clamped, long violations) {
    }

    /**
     * Runs every held-out patient of a group under each arm; an arm maps the patient's opening
     * samples to the policy that runs the rest (null: the expert runs the whole case).
     */
    static List<Arm> measure(PatientAdaptation experiment, HeldOut group,
            Map<String, BiFunction<Learned, DemonstrationTasks.Shots, Policy>> arms, Learned learned) {
        List<Arm> out = new ArrayList<>();
        for (Map.Entry<String, BiFunction<Learned, DemonstrationTasks.Shots, Policy>> arm : arms.entrySet()) {
            int n = group.seeds().length;
            double[][] results = IntStream.range(0, n).parallel().mapToObj(i -> {
                long s = group.seeds()[i];
                Patient patient = group.source().patient(s);
                if (arm.getValue() == null) {
                    PatientAdaptation.RestOfCase r = experiment.rest(patient, s, experiment.expert());
                    return new double[] {r.timeInBand(), r.hypotension(), r.mdape(), Double.NaN, 0};
                }
                GuardedPolicy served = experiment.served(arm.getKey(),
                        arm.getValue().apply(learned, experiment.opening(patient, s)));
                PatientAdaptation.RestOfCase r = experiment.rest(patient, s, served);
                return new double[] {r.timeInBand(), r.hypotension(), r.mdape(), served.clampedShare(), served.violations()};
            }).toArray(double[][]::new);
            out.add(new Arm(arm.getKey(), column(results, 0), column(results, 1), column(results, 2), column(results, 3),
                    (long) IntStream.range(0, n).mapToDouble(i -> results[i][4]).sum()));
        }
        return out;
    }

    /** The arms in table order: the expert throughout, then the learned policies after the expert's opening. */
    static Map<String, BiFunction<Learned, DemonstrationTasks.Shots, Policy>> arms() {
        Map<String, BiFunction<Learned, DemonstrationTasks.Shots, Policy>> arms = new LinkedHashMap<>();
        arms.put("expert throughout", null);
        arms.put("bc, not adapted", (l, opening) -> l.bc());
        arms.put("bc fine-tuned on the opening", (l, opening) -> l.adaptation().adapt(l.bc(), opening));
        arms.put("meta-learned, not adapted", (l, opening) -> l.initialisation());
        arms.put("meta-learned, adapted on the opening", (l, opening) -> l.adaptation().adapt(l.initialisation(), opening));
        return arms;
    }

    /**
     * Trains, measures every group and returns the Markdown table; {@code expertName} (one of the
     * domain's experts, {@code pid} or {@code tci}) teaches throughout.
     *
     * @throws IllegalArgumentException naming the experts when {@code expertName} is none of them
     */
    public static String run(AnesthesiaDomain domain, String expertName, int patients, int iterations, int openingSeconds,
            int randomPatients, long seed) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        AnesthesiaImitation imitation = domain.imitation();
        PatientAdaptation experiment = new PatientAdaptation(imitation, domain.envelope(), imitation.expert(expertName),
                openingSeconds);
        long start = System.nanoTime();
        Learned learned = train(domain, experiment, patients, iterations, seed, threads);
        long trained = System.nanoTime();
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "Expert: %s; training: %d random patients (case"
                + " seeds 0…%d), one case each; BC and the meta-learned initialisation (%s) on seed %d; the expert runs"
                + " the first %d min of each held-out case, the policies the rest behind the safety envelope; scored: the"
                + " rest of the case. Held out: the 13-patient cohort (seeds %d…), %d random patients (seeds %d…), %d random"
                + " patients with C50p or γ ≥ %.1f sd from typical (from seed %d).%n%n", experiment.expert().name(), patients,
                patients - 1, new AnesthesiaMetaLearning().config(seed, threads, iterations).toMap(), seed, openingSeconds / 60,
                AnesthesiaReport.COHORT_SEED, randomPatients, AnesthesiaReport.HELD_OUT_SEED, randomPatients,
                EXTREME_DEVIATION, SENSITIVE_SEED));
        md.append("| patients | after the opening | BIS 40–60 | worst case | vs bc, paired (better / worse patients)"
                + " | adapted vs its start, paired | MAP < 65 | MDAPE (%) | clamped | envelope violations |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (HeldOut group : heldOut(randomPatients)) {
            List<Arm> arms = measure(experiment, group, arms(), learned);
            double[] bc = arms.get(1).timeInBand();
            for (int a = 0; a < arms.size(); a++) {
                Arm arm = arms.get(a);
                // The arms come in pairs after the expert: a start (bc, the initialisation), then it adapted.
                String adaptedVsStart = a >= 2 && a % 2 == 0 ? paired(arm.timeInBand(), arms.get(a - 1).timeInBand()) : "–";
                md.append(String.format(Locale.ROOT, "| %s | %s | %.1f %% | %.1f %% | %s | %s | %.1f %% | %.1f | %s | %s |%n",
                        group.name(), arm.name(), 100 * mean(arm.timeInBand()), 100 * min(arm.timeInBand()),
                        paired(arm.timeInBand(), bc), adaptedVsStart, 100 * mean(arm.hypotension()), mean(arm.mdape()),
                        Double.isNaN(arm.clamped()[0]) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * mean(arm.clamped())),
                        Double.isNaN(arm.clamped()[0]) ? "–" : Long.toString(arm.violations())));
            }
        }
        md.append(String.format(Locale.ROOT, "%nTraining %.0f s, evaluation %.0f s on %d threads.%n",
                (trained - start) / 1e9, (System.nanoTime() - trained) / 1e9, threads));
        return md.toString();
    }

    /** Mean ± sd of the per-patient difference in points, and how many patients were better and worse. */
    static String paired(double[] arm, double[] reference) {
        double[] diff = IntStream.range(0, arm.length).mapToDouble(i -> 100 * (arm[i] - reference[i])).toArray();
        long better = IntStream.range(0, arm.length).filter(i -> arm[i] > reference[i]).count();
        long worse = IntStream.range(0, arm.length).filter(i -> arm[i] < reference[i]).count();
        return Spread.of(diff).format(1) + " (" + better + " / " + worse + ")";
    }

    private static double[] column(double[][] rows, int c) {
        return Arrays.stream(rows).mapToDouble(r -> r[c]).toArray();
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }
}
