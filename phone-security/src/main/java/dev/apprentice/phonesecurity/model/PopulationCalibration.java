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
 * a model that learned from them: the background people are split in two halves; a population
 * model is learned from the first; up to {@value #MAX_OWNERS} people of the second are enrolled
 * against it as pseudo-owners (on the first half of their samples, at most 15), and the other
 * people of the second half are their impostors, session by session (k consecutive samples of one
 * activity, for every k up to the settings' maximum).
 */
public final class PopulationCalibration {

    /** Pseudo-owners enrolled at most. */
    public static final int MAX_OWNERS = 60;
    private static final int MAX_ENROLMENT = 15;

    private PopulationCalibration() {
    }

    /**
     * Measures the levels, or returns no correction when there are fewer than 6 people with at
     * least 4 samples each.
     */
    public static ThresholdLevels measure(List<FeatureSample> background, ImitationSettings settings, long seed) {
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
        if (people.size() < 6) {
            return ThresholdLevels.none(k);
        }
        Collections.shuffle(people, new Random(seed));
        List<String> learners = people.subList(0, people.size() / 2);
        List<String> scored = people.subList(people.size() / 2, people.size());
        List<FeatureSample> learnFrom = new ArrayList<>();
        learners.forEach(p -> learnFrom.addAll(byPerson.get(p)));
        PopulationModel population = PopulationModel.fit(learnFrom, settings.shrinkage());
        OwnerEnrolment enrolment = new OwnerEnrolment(population, new PopulationRef("calibration", 0, ""), settings);
        List<List<List<double[]>>> sequences = new ArrayList<>();
        for (String person : scored) {
            sequences.add(sequences(population, byPerson.get(person)));
        }
        List<List<Double>> tails = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            tails.add(new ArrayList<>());
        }
        int owners = Math.min(scored.size(), MAX_OWNERS);
        for (int o = 0; o < owners; o++) {
            List<FeatureSample> mine = byPerson.get(scored.get(o));
            int m = Math.min(MAX_ENROLMENT, mine.size() / 2);
            OwnerEnrolment.Enrolled owner = enrolment.enrolWithGeneratedSessions(mine.subList(0, m), seed * 7919 + o);
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
        double[][] measured = new double[k][];
        for (int i = 0; i < k; i++) {
            measured[i] = tails.get(i).stream().mapToDouble(Double::doubleValue).toArray();
        }
        return ThresholdLevels.of(measured);
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
