package dev.apprentice.phonesecurity.verification;

import dev.apprentice.phonesecurity.behaviour.FeatureSample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.phonesecurity.behaviour.Activity;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every catalogued method must do, checked the same way for each: tell an owner from other
 * people on synthetic users whose samples scatter around a personal mean, give the same scores
 * for the same seed, and refuse enrolment samples that are not one user's.
 */
class BaselineContractTest {

    static Stream<VerificationMethod> methods() {
        return VerificationMethods.baselines().stream();
    }

    @ParameterizedTest
    @MethodSource("methods")
    void givenUsersWithDistinctHabitsThenTheOwnersNewSamplesOutscoreImpostors(VerificationMethod method) {
        SyntheticPeople people = new SyntheticPeople(12, 40, 1);

        VerificationMethod.OwnerScorer owner = method.prepare(people.samples(0, 40, 60), 1)
                .enrol(people.user(40).subList(0, 15), 1);
        double[] genuine = people.user(40).subList(15, 40).stream().mapToDouble(owner::score).toArray();
        double[] impostors = people.samples(41, 60, 60).stream().mapToDouble(owner::score).toArray();

        double eer = ErrorRates.of(genuine, impostors).equalErrorRate();
        assertTrue(eer < 0.1, method.name() + ": EER " + eer);
    }

    @ParameterizedTest
    @MethodSource("methods")
    void givenTheSameSeedThenTheScoresAreTheSame(VerificationMethod method) {
        SyntheticPeople people = new SyntheticPeople(6, 10, 2);

        double first = method.prepare(people.samples(0, 10, 20), 5).enrol(people.user(11), 5).score(people.user(12).get(0));
        double second = method.prepare(people.samples(0, 10, 20), 5).enrol(people.user(11), 5).score(people.user(12).get(0));

        assertEquals(first, second);
        assertTrue(Double.isFinite(first));
    }

    @ParameterizedTest
    @MethodSource("methods")
    void enrolmentSamplesOfTwoUsersAreRefused(VerificationMethod method) {
        SyntheticPeople people = new SyntheticPeople(4, 10, 3);
        List<FeatureSample> mixed = new ArrayList<>(people.user(11).subList(0, 5));
        mixed.addAll(people.user(12).subList(0, 5));
        VerificationMethod.Enroller enroller = method.prepare(people.samples(0, 10, 20), 1);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> enroller.enrol(mixed, 1));

        assertEquals("owner: expected samples of one user, found users '11' and '12'", e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("methods")
    void samplesOfAnotherDimensionAreRefused(VerificationMethod method) {
        SyntheticPeople people = new SyntheticPeople(4, 10, 3);
        VerificationMethod.OwnerScorer owner = method.prepare(people.samples(0, 10, 20), 1).enrol(people.user(11), 1);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> owner.score(new FeatureSample("12", Activity.SITTING, new float[3])));

        assertEquals("sample: expected 4 features, found 3", e.getMessage());
    }

    /**
     * Synthetic people: user u's samples are Gaussian around a personal mean drawn from N(0, 1)
     * per feature, with a personal spread in [0.2, 0.4]; features are scaled differently, as
     * milliseconds and sensor statistics are.
     */
    static final class SyntheticPeople {

        private final List<List<FeatureSample>> users = new ArrayList<>();

        SyntheticPeople(int features, int samplesPerUser, long seed) {
            Random random = new Random(seed);
            for (int u = 0; u < 60; u++) {
                double[] mean = new double[features];
                for (int j = 0; j < features; j++) {
                    mean[j] = random.nextGaussian();
                }
                double spread = 0.2 + 0.2 * random.nextDouble();
                List<FeatureSample> samples = new ArrayList<>();
                for (int i = 0; i < samplesPerUser; i++) {
                    float[] x = new float[features];
                    for (int j = 0; j < features; j++) {
                        x[j] = (float) (Math.pow(10, j % 4) * (mean[j] + spread * random.nextGaussian()));
                    }
                    samples.add(new FeatureSample(Integer.toString(u), Activity.SITTING, x));
                }
                users.add(samples);
            }
        }

        List<FeatureSample> user(int u) {
            return users.get(u);
        }

        /** The samples of users from (inclusive) to (exclusive), at most {@code limit} per user. */
        List<FeatureSample> samples(int from, int to, int limit) {
            List<FeatureSample> all = new ArrayList<>();
            for (int u = from; u < to; u++) {
                all.addAll(users.get(u).subList(0, Math.min(limit, users.get(u).size())));
            }
            return all;
        }
    }
}
