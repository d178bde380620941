package dev.apprentice.phonesecurity.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.behaviour.App;
import dev.apprentice.phonesecurity.behaviour.BehaviourLayout;
import dev.apprentice.phonesecurity.behaviour.BehaviourSample;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SyntheticPopulationTest {

    private static final SyntheticPopulation POPULATION = SyntheticPopulation.create(7, PopulationConfig.defaults());

    @Test
    void theSameSeedGivesTheSameSessionsWhateverWasAskedForBefore() {
        // given a second population from the same seed that has already made other people and sessions
        SyntheticPopulation again = SyntheticPopulation.create(7, PopulationConfig.defaults());
        again.session(again.user(3), 10, "other", new Random(99));

        // when
        List<BehaviourSample> first = POPULATION.session(POPULATION.user(5), 2, "d2-s0", new Random(1));
        List<BehaviourSample> second = again.session(again.user(5), 2, "d2-s0", new Random(1));

        // then
        assertEquals(first, second);
        SyntheticPopulation other = SyntheticPopulation.create(8, PopulationConfig.defaults());
        assertNotEquals(first, other.session(other.user(5), 2, "d2-s0", new Random(1)));
    }

    @Test
    void aSessionIsValidSamplesInOrderClosedByItsLast() {
        for (int s = 0; s < 50; s++) {
            List<BehaviourSample> session = POPULATION.session(POPULATION.user(s), s % 7, "s" + s, new Random(s));

            assertTrue(session.size() >= 4 && session.size() <= 12, "length " + session.size());
            for (int i = 0; i < session.size(); i++) {
                BehaviourSample sample = session.get(i);
                assertEquals("user-" + s, sample.userId());
                assertEquals(i, sample.sequence());
                assertEquals(i == session.size() - 1, sample.endsSession());
                assertTrue(i == 0 || sample.capturedAt().isAfter(session.get(i - 1).capturedAt()));
                assertTrue(App.CATALOGUE.contains(sample.app()));
            }
        }
    }

    @Test
    void typingTimingsAreOnTheRealDatasScalesAndAddUp() {
        List<float[]> features = features(POPULATION, 0, 30, 0);
        double holds = 0;
        double flights = 0;
        for (float[] f : features) {
            for (int i = 0; i < 8; i++) {
                assertTrue(f[i] >= 1 && f[i] < 1_000, "hold " + f[i]);
                holds += f[i] / (8.0 * features.size());
            }
            double total = f[7];
            for (int pair = 0; pair < 7; pair++) {
                float flight = f[8 + 3 * pair];
                assertEquals(f[pair] + flight, f[9 + 3 * pair], "press-press = hold + flight");
                assertEquals(flight + f[pair + 1], f[10 + 3 * pair], "release-release = flight + next hold");
                flights += flight / (7.0 * features.size());
                total += f[pair] + flight;
            }
            assertEquals(total, f[29], 0.5, "the total time is the whole entry");
        }
        assertTrue(holds > 60 && holds < 120, "mean hold " + holds);
        assertTrue(flights > 120 && flights < 260, "mean flight " + flights);
    }

    @Test
    void walkingShakesThePhoneFarMoreThanSitting() {
        Map<Activity, double[]> sdByActivity = new EnumMap<>(Activity.class);
        for (int u = 0; u < 30; u++) {
            for (int s = 0; s < 6; s++) {
                for (BehaviourSample sample : POPULATION.session(POPULATION.user(u), s, "s" + s, new Random(31L * u + s))) {
                    double[] sum = sdByActivity.computeIfAbsent(sample.activity(), a -> new double[2]);
                    float[] f = sample.features();
                    for (int j = 0; j < BehaviourLayout.SENSOR; j++) {
                        if (FeatureMarginals.statisticOf(j) == FeatureMarginals.Statistic.SD) {
                            assertTrue(f[BehaviourLayout.TOUCH + j] > 0, "a standard deviation is positive");
                            sum[0] += Math.log(f[BehaviourLayout.TOUCH + j]);
                            sum[1]++;
                        }
                    }
                }
            }
        }
        double sitting = sdByActivity.get(Activity.SITTING)[0] / sdByActivity.get(Activity.SITTING)[1];
        double walking = sdByActivity.get(Activity.WALKING)[0] / sdByActivity.get(Activity.WALKING)[1];

        assertTrue(Math.exp(walking - sitting) > 1.8, "walking/sitting motion sd " + Math.exp(walking - sitting));
    }

    @Test
    void appHabitsFollowTheTimeOfDay() {
        Map<DayPart, double[]> apps = new EnumMap<>(DayPart.class);
        for (int u = 0; u < 200; u++) {
            for (int s = 0; s < 5; s++) {
                for (BehaviourSample sample : POPULATION.session(POPULATION.user(u), s, "s" + s, new Random(17L * u + s))) {
                    double[] count = apps.computeIfAbsent(DayPart.of(sample.localHour().getAsInt()),
                            p -> new double[App.values().length + 1]);
                    count[sample.app().ordinal()]++;
                    count[App.values().length]++;
                }
            }
        }

        double emailMorning = share(apps, DayPart.MORNING, App.EMAIL);
        double emailEvening = share(apps, DayPart.EVENING, App.EMAIL);
        double gamesMorning = share(apps, DayPart.MORNING, App.GAMES);
        double gamesEvening = share(apps, DayPart.EVENING, App.GAMES);
        assertTrue(emailMorning > 2 * emailEvening, "email " + emailMorning + " vs " + emailEvening);
        assertTrue(gamesEvening > 2 * gamesMorning, "games " + gamesEvening + " vs " + gamesMorning);
    }

    @Test
    void aUsersNewSamplesAreCloserToTheirOwnEarlierSamplesThanToOtherUsers() {
        // given enrolment sessions on days 0-3 and later sessions on days 5-6, in z-scored feature space
        int users = 30;
        List<List<float[]>> enrolment = new ArrayList<>();
        List<List<float[]>> later = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            enrolment.add(features(POPULATION, u, 8, 0));
            later.add(features(POPULATION, u, 4, 5));
        }
        ZScores z = ZScores.of(enrolment);
        double[][] centres = new double[users][];
        for (int u = 0; u < users; u++) {
            centres[u] = z.centre(enrolment.get(u));
        }

        // when
        int closerToOwn = 0;
        double own = 0;
        double others = 0;
        for (int u = 0; u < users; u++) {
            double toOwn = z.meanDistance(later.get(u), centres[u]);
            double toOthers = 0;
            for (int v = 0; v < users; v++) {
                toOthers += v == u ? 0 : z.meanDistance(later.get(u), centres[v]) / (users - 1);
            }
            closerToOwn += toOwn < toOthers ? 1 : 0;
            own += toOwn / users;
            others += toOthers / users;
        }

        // then
        assertTrue(closerToOwn >= 0.9 * users, closerToOwn + " of " + users + " users are closer to themselves");
        assertTrue(own < 0.8 * others, "own " + own + ", others " + others);
    }

    @Test
    void anImpostorOnTheOwnersPhoneLooksLessLikeTheOwnerThanTheOwnerDoes() {
        int owners = 20;
        double ownerDistance = 0;
        double impostorDistance = 0;
        List<List<float[]>> enrolment = new ArrayList<>();
        for (int u = 0; u < owners; u++) {
            enrolment.add(features(POPULATION, u, 8, 0));
        }
        ZScores z = ZScores.of(enrolment);
        for (int u = 0; u < owners; u++) {
            SyntheticUser owner = POPULATION.user(u);
            List<float[]> attack = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                for (BehaviourSample sample : POPULATION.impostorSession(owner, POPULATION.impostor(u), 5, "x" + s,
                        new Random(1000L + 4 * u + s))) {
                    assertEquals(owner.id(), sample.userId(), "on the owner's phone");
                    attack.add(sample.features());
                }
            }
            double[] centre = z.centre(enrolment.get(u));
            ownerDistance += z.meanDistance(features(POPULATION, u, 4, 5), centre) / owners;
            impostorDistance += z.meanDistance(attack, centre) / owners;
        }

        assertTrue(impostorDistance > 1.3 * ownerDistance, "owner " + ownerDistance + ", impostor " + impostorDistance);
    }

    @Test
    void behaviourDriftsMeasurablyOverTheDays() {
        // given the same people and the same draws with and without drift
        SyntheticPopulation drifting = SyntheticPopulation.create(3, PopulationConfig.defaults());
        SyntheticPopulation steady = SyntheticPopulation.create(3, PopulationConfig.defaults().withDriftPerDay(0));
        List<List<float[]>> reference = new ArrayList<>();
        for (int u = 0; u < 30; u++) {
            reference.add(features(drifting, u, 20, 0));
        }
        ZScores z = ZScores.of(reference);

        // when
        double dayOne = 0;
        double daySixty = 0;
        double daySixtyWithoutDrift = 0;
        for (int u = 0; u < 30; u++) {
            double[] dayZero = z.centre(reference.get(u));
            dayOne += distance(dayZero, z.centre(features(drifting, u, 20, 1))) / 30;
            daySixty += distance(dayZero, z.centre(features(drifting, u, 20, 60))) / 30;
            daySixtyWithoutDrift += distance(dayZero, z.centre(features(steady, u, 20, 60))) / 30;
        }

        // then
        assertTrue(daySixty > 1.25 * dayOne, "day 1 " + dayOne + ", day 60 " + daySixty);
        assertTrue(daySixty > 1.2 * daySixtyWithoutDrift, "day 60 " + daySixty + ", without drift " + daySixtyWithoutDrift);
    }

    @Test
    void tenThousandUsersAreCheap() {
        // given
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        long start = System.nanoTime();

        // when
        List<SyntheticUser> users = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            users.add(POPULATION.user(i));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.gc();
        long perUser = (memory.getHeapMemoryUsage().getUsed() - before) / users.size();

        // then: the population itself holds nothing per user; a materialised one is about a kilobyte
        assertEquals(10_000, users.stream().map(SyntheticUser::id).distinct().count());
        assertTrue(seconds < 5, "10,000 users in " + seconds + " s");
        assertTrue(perUser < 4_096, perUser + " bytes per materialised user");
    }

    @Test
    void rejectsAConfigurationOutsideItsRangesNamingTheKnob() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PopulationConfig(7, 0.04, 20, 4, 12, PopulationConfig.defaults().firstDay()));

        assertTrue(e.getMessage().startsWith("latentFactors: "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> POPULATION.session(POPULATION.user(0), -1, "s", new Random()));
    }

    /** The features of {@code sessions} sessions of user {@code u} on consecutive days from {@code firstDay}, two a day. */
    private static List<float[]> features(SyntheticPopulation population, int u, int sessions, int firstDay) {
        List<float[]> out = new ArrayList<>();
        SyntheticUser user = population.user(u);
        for (int s = 0; s < sessions; s++) {
            Random random = new Random(1_000_003L * u + 7919L * firstDay + s);
            for (BehaviourSample sample : population.session(user, firstDay + s / 2, "s" + s, random)) {
                out.add(sample.features());
            }
        }
        return out;
    }

    private static double share(Map<DayPart, double[]> apps, DayPart part, App app) {
        double[] count = apps.get(part);
        return count[app.ordinal()] / count[App.values().length];
    }

    private static double distance(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(d);
    }

    /** Per-feature standardisation fitted on a pool of samples: distances then weigh every feature alike. */
    private record ZScores(double[] mean, double[] sd) {

        static ZScores of(List<List<float[]>> pools) {
            int n = BehaviourLayout.FEATURES;
            double[] mean = new double[n];
            double[] square = new double[n];
            long count = 0;
            for (List<float[]> pool : pools) {
                for (float[] f : pool) {
                    for (int i = 0; i < n; i++) {
                        mean[i] += f[i];
                        square[i] += (double) f[i] * f[i];
                    }
                    count++;
                }
            }
            double[] sd = new double[n];
            for (int i = 0; i < n; i++) {
                mean[i] /= count;
                sd[i] = Math.sqrt(Math.max(square[i] / count - mean[i] * mean[i], 1e-12));
            }
            return new ZScores(mean, sd);
        }

        double[] centre(List<float[]> samples) {
            double[] c = new double[mean.length];
            for (float[] f : samples) {
                for (int i = 0; i < c.length; i++) {
                    c[i] += (f[i] - mean[i]) / sd[i] / samples.size();
                }
            }
            return c;
        }

        double meanDistance(List<float[]> samples, double[] centre) {
            double total = 0;
            for (float[] f : samples) {
                double d = 0;
                for (int i = 0; i < centre.length; i++) {
                    double z = (f[i] - mean[i]) / sd[i] - centre[i];
                    d += z * z;
                }
                total += Math.sqrt(d);
            }
            return total / samples.size();
        }
    }
}
