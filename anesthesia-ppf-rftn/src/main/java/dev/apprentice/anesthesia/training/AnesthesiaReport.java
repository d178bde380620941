package dev.apprentice.anesthesia.training;

import dev.apprentice.anesthesia.AnesthesiaDomain;
import dev.apprentice.anesthesia.expert.Anaesthesiologist;
import dev.apprentice.anesthesia.expert.FixedRateAnaesthesiologist;
import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.TrainingOptions;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.data.StateProfile;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.eval.Spread;
import dev.apprentice.service.domain.Algorithm;
import dev.apprentice.service.training.TrainingService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The anaesthesia report: BC, GAIL and RAIL trained on an expert's simulated cases (random
 * patients), each served behind the safety envelope, against the experts and the fixed-by-weight
 * baseline on the 13-patient cohort and on random patients no training case used; mean ± sd over
 * training seeds. Run with {@code ./apprentice anesthesia report [--cases 30] [--seeds 3]
 * [--algorithms bc,gail,rail] [--expert pid] [--random-patients 100]}; prints a Markdown table.
 */
public final class AnesthesiaReport {

    /** First held-out random patient's seed; training cases use seeds from 0. */
    public static final long HELD_OUT_SEED = 1_000_000L;
    /** First cohort case seed (13 consecutive seeds cover the cohort once). */
    public static final long COHORT_SEED = 2_000_000L;

    private static final String[] COLUMNS = {"timeInBand", "worstTimeInBand", "hypotension", "clampedShare",
        "envelopeViolations", "deferredShare", "expertDeferred", "secondsToBis60", "mdape", "propofolMgPerKg",
        "randomTimeInBand", "randomHypotension"};

    private AnesthesiaReport() {
    }

    public static void main(String[] args) {
        int cases = 30;
        int seeds = 3;
        List<Algorithm> algorithms = AnesthesiaImitation.ALGORITHMS;
        String expert = "pid";
        int randomPatients = 100;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(args[i] + ": expected a value");
            }
            switch (args[i]) {
                case "--cases" -> cases = Integer.parseInt(value);
                case "--seeds" -> seeds = Integer.parseInt(value);
                case "--algorithms" -> algorithms = Arrays.stream(value.split(","))
                        .map(id -> Algorithm.byId(id).filter(AnesthesiaImitation.ALGORITHMS::contains).orElseThrow(() ->
                                new IllegalArgumentException("--algorithms: expected some of bc,gail,rail, found '" + id + "'")))
                        .toList();
                case "--expert" -> expert = value;
                case "--random-patients" -> randomPatients = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'; options: --cases 30"
                        + " --seeds 3 --algorithms bc,gail,rail --expert pid --random-patients 100");
            }
        }
        System.out.println(run(AnesthesiaDomain.withDefaults(), cases, seeds, algorithms, expert, randomPatients));
    }

    /** The metrics of one anaesthesiologist on the cohort and on the held-out random patients. */
    static Map<String, Double> measure(AnesthesiaEvaluation evaluation, Anaesthesiologist who, int randomPatients) {
        Map<String, Double> m = new LinkedHashMap<>(evaluation.clinical(who, PatientSource.COHORT,
                RolloutCollector.seeds(COHORT_SEED, 13)));
        Map<String, Double> random = evaluation.clinical(who, PatientSource.RANDOM,
                RolloutCollector.seeds(HELD_OUT_SEED, randomPatients));
        m.put("randomTimeInBand", random.get("timeInBand"));
        m.put("randomHypotension", random.get("hypotension"));
        if (who instanceof GuardedPolicy g) {
            m.put("clampedShare", g.clampedShare());
            m.put("envelopeViolations", (double) g.violations());
            m.put("deferredShare", g.deferredShare());
        }
        return m;
    }

    /** Runs the grid and returns the Markdown table. */
    public static String run(AnesthesiaDomain domain, int cases, int seeds, List<Algorithm> algorithms, String expertName,
            int randomPatients) {
        AnesthesiaImitation imitation = domain.imitation();
        AnesthesiaEvaluation evaluation = domain.clinicalEvaluation();
        Anaesthesiologist expert = imitation.expert(expertName);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        List<String> rows = new ArrayList<>();
        for (Anaesthesiologist a : List.of(imitation.expert("pid"), imitation.expert("tci"),
                new FixedRateAnaesthesiologist())) {
            rows.add(row(a.name() + (a == expert ? " (teacher)" : ""), List.of(measure(evaluation, a, randomPatients))));
        }
        try (RolloutCollector collector = new RolloutCollector(threads, imitation.cases().maxDecisions())) {
            // The teacher's own decisions on the cohort, as the policies see them: how often would the service defer on them?
            DemonstrationSet cohortExpert = collector.demonstrations(imitation.rawEnvironments(PatientSource.COHORT),
                    expert.actor(), RolloutCollector.seeds(COHORT_SEED, 13));
            DemonstrationSet heldOutExpert = cohortExpert.mapStates(imitation.features().outputSpace(),
                    imitation.features()::encode);
            for (Algorithm algorithm : algorithms) {
                List<Map<String, Double>> perSeed = new ArrayList<>();
                long start = System.nanoTime();
                for (int s = 0; s < seeds; s++) {
                    DemonstrationSet raw = collector.demonstrations(imitation.rawEnvironments(PatientSource.RANDOM),
                            expert.actor(), RolloutCollector.seeds((long) s * cases, cases));
                    ImitationTask task = imitation.task(raw);
                    TrainingOutcome outcome = imitation.trainer(algorithm, s + 1, threads, 0)
                            .train(task, TrainingOptions.listener(p -> { }));
                    StateProfile profile = StateProfile.fit(task.demonstrations(), TrainingService.PROFILE_QUANTILE);
                    Map<String, Double> m = measure(evaluation, new GuardedPolicy(algorithm.id(), outcome.policy(),
                            imitation.features(), domain.envelope(), profile), randomPatients);
                    m.put("expertDeferred", profile.farShare(heldOutExpert));
                    perSeed.add(m);
                }
                rows.add(row(algorithm.id(), perSeed));
                System.err.printf(Locale.ROOT, "%s: %.0f s%n", algorithm.id(), (System.nanoTime() - start) / 1e9);
            }
        }
        StringBuilder md = new StringBuilder(experts(evaluation, imitation, randomPatients)).append('\n');
        md.append(String.format(Locale.ROOT, "Teacher: %s; %d training cases per seed (random patients, seeds 0…);"
                + " cohort: the 13 patients of Ionescu et al. 2008 (case seeds %d…); random: %d held-out patients (seeds"
                + " %d…); learned policies behind the safety envelope; mean ± sd over %d training seeds.%n%n",
                expert.name(), cases, COHORT_SEED, randomPatients, HELD_OUT_SEED, seeds));
        md.append("| policy | BIS 40–60 (cohort) | worst case | MAP < 65 | clamped | envelope violations | would defer"
                + " | teacher's cohort states deferred | to BIS < 60 (s) | MDAPE (%) | propofol (mg/kg) | BIS 40–60 (random)"
                + " | MAP < 65 (random) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        rows.forEach(md::append);
        return md.toString();
    }

    /** The experts' and the baseline's standard metrics on the cohort and on the random held-out patients. */
    static String experts(AnesthesiaEvaluation evaluation, AnesthesiaImitation imitation, int randomPatients) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "Experts on the 13-patient cohort (case seeds %d…)"
                + " and on %d random patients (seeds %d…); means over cases, the worst case's time in band in"
                + " brackets.%n%n", COHORT_SEED, randomPatients, HELD_OUT_SEED));
        md.append("| anaesthesiologist | patients | BIS 40–60 | to BIS < 60 (s) | nadir | below 40 in induction | MDPE (%)"
                + " | MDAPE (%) | wobble (%) | propofol (mg/kg) | remifentanil (µg/kg) | MAP < 65 |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Anaesthesiologist a : List.of(imitation.expert("pid"), imitation.expert("tci"),
                new FixedRateAnaesthesiologist())) {
            for (PatientSource source : List.of(PatientSource.COHORT, PatientSource.RANDOM)) {
                Map<String, Double> m = source == PatientSource.COHORT
                        ? evaluation.clinical(a, source, RolloutCollector.seeds(COHORT_SEED, 13))
                        : evaluation.clinical(a, source, RolloutCollector.seeds(HELD_OUT_SEED, randomPatients));
                md.append(String.format(Locale.ROOT, "| %s | %s | %.1f %% (%.1f %%) | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f"
                        + " | %.1f | %.1f | %.1f %% |%n", a.name(), source == PatientSource.COHORT ? "cohort" : "random",
                        100 * m.get("timeInBand"), 100 * m.get("worstTimeInBand"), m.get("secondsToBis60"), m.get("nadir"),
                        m.get("overshoot"), m.get("mdpe"), m.get("mdape"), m.get("wobble"), m.get("propofolMgPerKg"),
                        m.get("remifentanilUgPerKg"), 100 * m.get("hypotension")));
            }
        }
        return md.toString();
    }

    private static String row(String name, List<Map<String, Double>> runs) {
        StringBuilder sb = new StringBuilder("| ").append(name).append(" |");
        for (String column : COLUMNS) {
            double[] values = runs.stream().mapToDouble(m -> m.getOrDefault(column, Double.NaN)).toArray();
            if (Double.isNaN(values[0])) {
                sb.append(" – |");
                continue;
            }
            boolean share = column.contains("TimeInBand") || column.equals("timeInBand") || column.contains("ypotension")
                    || column.contains("Share") || column.equals("expertDeferred");
            if (share) {
                values = Arrays.stream(values).map(v -> 100 * v).toArray();
            }
            Spread spread = Spread.of(values);
            int decimals = column.equals("envelopeViolations") || column.equals("secondsToBis60") ? 0 : 1;
            sb.append(' ').append(runs.size() > 1 ? spread.format(decimals)
                    : String.format(Locale.ROOT, "%." + decimals + "f", spread.mean())).append(share ? " %" : "").append(" |");
        }
        return sb.append('\n').toString();
    }
}
