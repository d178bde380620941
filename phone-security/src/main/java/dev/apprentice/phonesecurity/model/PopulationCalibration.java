package dev.apprentice.phonesecurity.model;

import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.behaviour.FeatureSample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Measures {@link ThresholdLevels} on real people, with cross-fitting so that nobody is scored by
 * a model that learned from them. By default the background people are split in two halves; a
 * population model is learned from the first; up to {@value #MAX_OWNERS} people of the second are
 * enrolled against it as pseudo-owners (on the first half of their samples, at most 15), and the
 * other people of the second half are their impostors, session by session (k consecutive samples
 * of one activity, for every k up to the settings' maximum). {@link Plan} sets other splits.
 */
public final class PopulationCalibration {

    /** Pseudo-owners enrolled at most. */
    public static final int MAX_OWNERS = 60;
    private static final int MAX_ENROLMENT = 15;

    private PopulationCalibration() {
    }

    /**
     * How the background people are cross-fitted: shuffled and cut into {@code folds} groups of
     * consecutive people; each of the last {@code scoredFolds} groups in turn is scored against a
     * population learned from the other groups (its people are pseudo-owners and each other's
     * impostors); all of it {@code repeats} times with a new shuffle.
     *
     * @param folds groups per repeat, at least 2
     * @param scoredFolds groups scored per repeat, 1 to {@code folds}
     * @param repeats independent shuffles, at least 1
     */
    public record Plan(int folds, int scoredFolds, int repeats) {

        /**
         * The plan the service uses: one half learns the population, the other is scored (scoring
         * both halves, more folds or more shuffles was measured and not better: service README).
         */
        public static final Plan DEFAULT = new Plan(2, 1, 1);

        public Plan {
            if (folds < 2 || scoredFolds < 1 || scoredFolds > folds || repeats < 1) {
                throw new IllegalArgumentException("calibration plan: expected at least 2 folds, 1 to folds scored and"
                        + " at least 1 repeat, found " + folds + ", " + scoredFolds + " and " + repeats);
            }
        }
    }

    /**
     * Measures the levels with the {@link Plan#DEFAULT} plan, or returns no correction when there
     * are fewer than 6 people with at least 4 samples each.
     */
    public static ThresholdLevels measure(List<FeatureSample> background, ImitationSettings settings, long seed) {
        return measure(background, settings, seed, Plan.DEFAULT);
    }

    /**
     * Measures the levels with a plan, or returns no correction when there are fewer than 6 people
     * (or fewer than 3 per fold) with at least 4 samples each.
     */
    public static ThresholdLevels measure(List<FeatureSample> background, ImitationSettings settings, long seed,
            Plan plan) {
        Map<String, List<FeatureSample>> byPerson = new LinkedHashMap<>();
        for (FeatureSample s : background) {
            byPerson.computeIfAbsent(s.user(), u -> new ArrayList<>()).add(s);
        }
        List<String> people = new ArrayList<>();
        byPerson.forEach((person, samples) -> {
            if (samples.size() >= 4) {
                people.add(person);
            }
        });
        int k = settings.maxFusedSamples();
        if (people.size() < 6 || people.size() < 3 * plan.folds()) {
            return ThresholdLevels.none(k);
        }
        List<List<Double>> tails = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            tails.add(new ArrayList<>());
        }
        int ownersPerFold = Math.max(1, MAX_OWNERS / (plan.scoredFolds() * plan.repeats()));
        int n = people.size();
        for (int r = 0; r < plan.repeats(); r++) {
            List<String> shuffled = new ArrayList<>(people);
            Collections.shuffle(shuffled, new Random(seed + 104_729L * r));
            for (int f = plan.folds() - plan.scoredFolds(); f < plan.folds(); f++) {
                int from = f * n / plan.folds();
                int to = (f + 1) * n / plan.folds();
                List<FeatureSample> learnFrom = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (i < from || i >= to) {
                        learnFrom.addAll(byPerson.get(shuffled.get(i)));
                    }
                }
                List<String> scored = shuffled.subList(from, to);
                scoreFold(byPerson, scored, learnFrom, Math.min(scored.size(), ownersPerFold), settings,
                        seed * 7919 + 1_000L * (r * plan.folds() + f - (plan.folds() - 1)), tails);
            }
        }
        double[][] measured = new double[k][];
        for (int i = 0; i < k; i++) {
            measured[i] = tails.get(i).stream().mapToDouble(Double::doubleValue).toArray();
        }
        return ThresholdLevels.of(measured);
    }

    /** Enrols the first {@code owners} scored people against a population of the others and scores the rest's sessions. */
    private static void scoreFold(Map<String, List<FeatureSample>> byPerson, List<String> scored,
            List<FeatureSample> learnFrom, int owners, ImitationSettings settings, long seed, List<List<Double>> tails) {
        int k = settings.maxFusedSamples();
        PopulationModel population = PopulationModel.fit(learnFrom, settings.shrinkage());
        OwnerEnrolment enrolment = new OwnerEnrolment(population, new PopulationRef("calibration", 0, ""), settings);
        List<List<List<double[]>>> sequences = new ArrayList<>();
        for (String person : scored) {
            sequences.add(sequences(population, byPerson.get(person)));
        }
        for (int o = 0; o < owners; o++) {
            List<FeatureSample> mine = byPerson.get(scored.get(o));
            int m = Math.min(MAX_ENROLMENT, mine.size() / 2);
            OwnerEnrolment.Enrolled owner = enrolment.enrolWithGeneratedSessions(mine.subList(0, m), seed + o);
            double[] means = new double[k];
            double[] spreads = new double[k];
            for (int i = 0; i < k; i++) {
                means[i] = OwnerEnrolment.mean(owner.generatedSessions()[i]);
                spreads[i] = OwnerEnrolment.spread(owner.generatedSessions()[i], means[i]);
            }
            for (int q = 0; q < scored.size(); q++) {
                if (q == o) {
                    continue;
                }
                for (List<double[]> sequence : sequences.get(q)) {
                    double[] scores = new double[sequence.size()];
                    for (int i = 0; i < scores.length; i++) {
                        scores[i] = owner.model().fused().score(sequence.get(i));
                    }
                    for (int len = 1; len <= Math.min(k, scores.length); len++) {
                        double mean = means[len - 1];
                        double spread = spreads[len - 1];
                        double sum = 0;
                        for (int i = 0; i < scores.length; i++) {
                            sum += scores[i];
                            if (i >= len) {
                                sum -= scores[i - len];
                            }
                            if (i >= len - 1) {
                                tails.get(len - 1).add((sum / len - mean) / spread);
                            }
                        }
                    }
                }
            }
        }
    }

    /** A person's projected samples, one sequence per activity, each in the given order. */
    private static List<List<double[]>> sequences(PopulationModel population, List<FeatureSample> samples) {
        Map<Activity, List<double[]>> byActivity = new EnumMap<>(Activity.class);
        for (FeatureSample s : samples) {
            byActivity.computeIfAbsent(s.activity(), a -> new ArrayList<>()).add(population.project(s.activity(),
                    s.features()));
        }
        return new ArrayList<>(byActivity.values());
    }
}
