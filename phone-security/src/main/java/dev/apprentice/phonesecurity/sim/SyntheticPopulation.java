package dev.apprentice.phonesecurity.sim;

import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.behaviour.App;
import dev.apprentice.phonesecurity.behaviour.BehaviourSample;
import dev.apprentice.phonesecurity.behaviour.Identifiers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A deterministic population of synthetic phone owners and impostors, so that the service can be
 * exercised end to end at any scale without real people's data. Everyone shares the population's
 * structure and differs in their own parameters:
 *
 * <ul>
 *   <li>App habits: per day part (night, morning, afternoon, evening) a Markov chain over the app
 *       catalogue, each user's a Dirichlet-perturbed copy of the population's chain (sticky: an
 *       app tends to follow itself); session start hours follow a personal daily rhythm.
 *   <li>Behaviour: a Gaussian mixture of 2 to 4 modes per user (grip and posture), drawn in a
 *       latent space of {@link PopulationConfig#latentFactors()} factors and mapped to the
 *       features through one population loading matrix (typing tempo, hand steadiness, holding
 *       angle, and unstructured factors) plus personal quirks and per-feature noise, so features
 *       are correlated like real ones; the mixture lives in a standardised space, which
 *       {@code FeatureMarginals} maps to each feature's real units (log-normal timings and
 *       deviations, for instance). The activity shifts the motion statistics (walking: far
 *       more motion variance), the app in use shifts the modes' weights.
 *   <li>Drift: each mode's centre walks randomly, day by day, at
 *       {@link PopulationConfig#driftPerDay()}.
 *   <li>Impostors: people from the same population who are never enrolled; an impostor session is
 *       their behaviour in the owner's context (the owner's phone, hours and apps).
 * </ul>
 *
 * Nothing is stored per user: {@link #user(int)} derives a person from the seed and the index, so
 * ten thousand users cost nothing until asked for.
 *
 * <pre>{@code
 * SyntheticPopulation population = SyntheticPopulation.create(42, PopulationConfig.defaults());
 * SyntheticUser owner = population.user(17);
 * List<BehaviourSample> monday = population.session(owner, 0, "d0-s0", new Random(1));
 * List<BehaviourSample> attack = population.impostorSession(owner, population.impostor(3), 0, "d0-x0", new Random(2));
 * }</pre>
 */
public final class SyntheticPopulation {

    /** The last day a session can be on: ten years. */
    public static final int MAX_DAY = 3650;

    private static final long ENROLLED = 1;
    private static final long IMPOSTORS = 2;
    private static final long STRUCTURE = 3;
    private static final long DRIFT = 4;
    private static final long FIRST_APPS = 5;
    private static final long NEXT_APPS = 6;

    /** The population's app shares per day part, in catalogue order (pin entry, messaging, browser, social, email, maps, camera, games). */
    private static final double[][] APP_SHARES = {
        {0.05, 0.20, 0.20, 0.25, 0.03, 0.02, 0.02, 0.23},
        {0.10, 0.25, 0.12, 0.12, 0.20, 0.12, 0.04, 0.05},
        {0.08, 0.25, 0.17, 0.15, 0.10, 0.10, 0.08, 0.07},
        {0.06, 0.22, 0.14, 0.22, 0.05, 0.04, 0.07, 0.20},
    };
    /** How likely the next sample is in the same app, before personal habits. */
    private static final double STAY = 0.35;
    /** Sample-to-sample spread around a mode in the latent space. */
    private static final double LATENT_NOISE = 0.45;
    /** Per activity (sitting, standing, walking), how it scales the motion dimensions' noise. */
    private static final double[] MOTION_NOISE = {1, 1.15, 1.6};
    /** How likely the holder changes activity between two samples of a session. */
    private static final double ACTIVITY_SWITCH = 0.08;

    private final long seed;
    private final PopulationConfig config;
    private final int factors;
    /** Base dimension j's loadings on the latent factors, row after row. */
    private final double[] loadings;
    /** Base dimension j's own noise. */
    private final double[] uniqueness;
    /** Per activity, how it moves each base dimension (the motion statistics' means). */
    private final double[][] activityShift;
    /** Per day part, the population's app shares. */
    private final double[][] appShares;
    private final FeatureMarginals marginals;

    private SyntheticPopulation(long seed, PopulationConfig config) {
        this.seed = seed;
        this.config = config;
        this.factors = config.latentFactors();
        SplittableRandom r = new SplittableRandom(Draws.seed(seed, STRUCTURE));
        int base = FeatureMarginals.BASE;
        loadings = new double[base * factors];
        uniqueness = new double[base];
        for (int j = 0; j < base; j++) {
            double[] row = new double[factors];
            for (int k = 0; k < factors; k++) {
                row[k] = 0.45 * r.nextGaussian();
            }
            structure(j, row, r);
            double norm = 0;
            for (double w : row) {
                norm += w * w;
            }
            norm = Math.sqrt(norm);
            double communality = 0.75 + 0.15 * r.nextDouble();
            for (int k = 0; k < factors; k++) {
                loadings[j * factors + k] = communality * row[k] / norm;
            }
            uniqueness[j] = Math.sqrt(1 - communality * communality);
        }
        activityShift = new double[Activity.values().length][base];
        for (int j = FeatureMarginals.BASE_TOUCH; j < base; j++) {
            if (FeatureMarginals.statisticOf(j - FeatureMarginals.BASE_TOUCH) == FeatureMarginals.Statistic.MEAN) {
                activityShift[Activity.STANDING.ordinal()][j] = 0.5 * r.nextGaussian();
                activityShift[Activity.WALKING.ordinal()][j] = 0.8 * r.nextGaussian();
            }
        }
        appShares = new double[DayPart.values().length][];
        for (DayPart part : DayPart.values()) {
            appShares[part.ordinal()] = Draws.dirichlet(APP_SHARES[part.ordinal()], 60, r);
        }
        marginals = new FeatureMarginals(r);
    }

    /** Loads the interpretable factors: 0 typing tempo, 1 hand steadiness, 2 holding angle; the others stay random. */
    private static void structure(int j, double[] row, SplittableRandom r) {
        if (j < FeatureMarginals.BASE_TOUCH) {
            row[0] = 1.2;
            return;
        }
        switch (FeatureMarginals.statisticOf(j - FeatureMarginals.BASE_TOUCH)) {
            case SD, KURTOSIS -> row[1] = 0.9;
            case MEAN -> row[2] = r.nextBoolean() ? 0.9 : -0.9;
            case SKEWNESS -> { }
        }
    }

    /** A population drawn from {@code seed}: the same seed and configuration give the same people and sessions. */
    public static SyntheticPopulation create(long seed, PopulationConfig config) {
        return new SyntheticPopulation(seed, Objects.requireNonNull(config, "config"));
    }

    /**
     * Enrolled user {@code index} ({@code user-<index>}), derived afresh on each call.
     *
     * @throws IllegalArgumentException for a negative index
     */
    public SyntheticUser user(int index) {
        return new SyntheticUser("user-" + requireIndex(index), Draws.seed(seed, ENROLLED, index), factors);
    }

    /**
     * Impostor {@code index} ({@code impostor-<index>}): a person of the same population, never
     * enrolled, unrelated to the user of the same index.
     *
     * @throws IllegalArgumentException for a negative index
     */
    public SyntheticUser impostor(int index) {
        return new SyntheticUser("impostor-" + requireIndex(index), Draws.seed(seed, IMPOSTORS, index), factors);
    }

    /**
     * One session of {@code user} on {@code day}: its start hour from the user's rhythm, its
     * activity and apps from their habits, and their behaviour as it has drifted by that day. The
     * last sample closes the session. Deterministic for a given {@code random}'s state, of which it
     * takes one long: sessions from nearby seeds ({@code new Random(1)}, {@code new Random(2)}) are
     * independent.
     *
     * @throws IllegalArgumentException for a day outside [0, {@value #MAX_DAY}], an invalid
     *     session id, or a user of another population
     */
    public List<BehaviourSample> session(SyntheticUser user, int day, String sessionId, Random random) {
        return generate(user, user, day, sessionId, random);
    }

    /**
     * A session on {@code owner}'s phone in the owner's context (hours, activity, apps, user id)
     * whose behaviour is {@code impostor}'s: what the service must refuse.
     *
     * @throws IllegalArgumentException as {@link #session}
     */
    public List<BehaviourSample> impostorSession(SyntheticUser owner, SyntheticUser impostor, int day, String sessionId,
            Random random) {
        return generate(owner, impostor, day, sessionId, random);
    }

    private List<BehaviourSample> generate(SyntheticUser habits, SyntheticUser behaviour, int day, String sessionId,
            Random random) {
        requireOurs(habits);
        requireOurs(behaviour);
        Identifiers.requireSessionId(sessionId);
        if (day < 0 || day > MAX_DAY) {
            throw new IllegalArgumentException("day: expected a day in [0, " + MAX_DAY + "], found " + day);
        }
        // One long from the caller, then a well-mixed stream of our own: the first draws of
        // java.util.Random from nearby seeds (new Random(1), new Random(2)) are nearly equal.
        SplittableRandom r = new SplittableRandom(Objects.requireNonNull(random, "random").nextLong());
        int hour = Draws.categorical(habits.hourOfDay, r);
        Instant at = config.firstDay().plus(Duration.ofDays(day)).plus(Duration.ofHours(hour))
                .plusSeconds(r.nextInt(3000));
        int length = config.minSamplesPerSession()
                + r.nextInt(config.maxSamplesPerSession() - config.minSamplesPerSession() + 1);
        DayPart part = DayPart.of(hour);
        Activity activity = habits.activity(r);
        App app = App.CATALOGUE.get(Draws.categorical(firstApps(habits, part), r));
        double[] drift = drift(behaviour, day);
        List<BehaviourSample> samples = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                app = App.CATALOGUE.get(Draws.categorical(nextApps(habits, part, app), r));
                if (r.nextDouble() < ACTIVITY_SWITCH) {
                    activity = habits.activity(r);
                }
                at = at.plusSeconds(20 + r.nextInt(100));
            }
            int mode = Draws.categorical(behaviour.modeWeights(app), r);
            float[] features = marginals.features(base(behaviour, mode, drift, activity, r), activity);
            samples.add(new BehaviourSample(habits.id(), sessionId, i, at, activity, app,
                    OptionalInt.of(at.atZone(ZoneOffset.UTC).getHour()), features, i == length - 1));
        }
        return samples;
    }

    /** One standardised behaviour vector: a point near the mode's drifted centre, through the loadings, plus quirks and noise. */
    private double[] base(SyntheticUser u, int mode, double[] drift, Activity activity, RandomGenerator random) {
        double[] latent = new double[factors];
        for (int k = 0; k < factors; k++) {
            latent[k] = u.modeCentres[mode * factors + k] + drift[mode * factors + k]
                    + u.variability * LATENT_NOISE * random.nextGaussian();
        }
        double[] shift = activityShift[activity.ordinal()];
        double[] x = new double[FeatureMarginals.BASE];
        for (int j = 0; j < x.length; j++) {
            double v = 0;
            for (int k = 0; k < factors; k++) {
                v += loadings[j * factors + k] * latent[k];
            }
            double noise = j < FeatureMarginals.BASE_TOUCH ? 1 : MOTION_NOISE[activity.ordinal()];
            x[j] = v + u.quirks[j] + shift[j] + uniqueness[j] * u.variability * noise * random.nextGaussian();
        }
        return x;
    }

    /**
     * How far each of the user's mode centres has walked by {@code day}: the sum of daily Gaussian
     * steps from the user's own stream, so a day's position does not depend on which days were asked
     * for before.
     */
    private double[] drift(SyntheticUser u, int day) {
        double[] drift = new double[u.modes * factors];
        if (config.driftPerDay() == 0) {
            return drift;
        }
        for (int mode = 0; mode < u.modes; mode++) {
            SplittableRandom steps = new SplittableRandom(Draws.seed(u.seed(), DRIFT, mode));
            for (int d = 1; d <= day; d++) {
                for (int k = 0; k < factors; k++) {
                    drift[mode * factors + k] += config.driftPerDay() * steps.nextGaussian();
                }
            }
        }
        return drift;
    }

    /** The user's chances of each app opening a session in this part of the day. */
    private double[] firstApps(SyntheticUser u, DayPart part) {
        return Draws.dirichlet(appShares[part.ordinal()], config.habitConcentration(),
                new SplittableRandom(Draws.seed(u.seed(), FIRST_APPS, part.ordinal())));
    }

    /** The user's row of the transition matrix from {@code from} in this part of the day, derived when needed. */
    private double[] nextApps(SyntheticUser u, DayPart part, App from) {
        int f = App.CATALOGUE.indexOf(from);
        double[] mean = new double[App.CATALOGUE.size()];
        for (int a = 0; a < mean.length; a++) {
            mean[a] = (1 - STAY) * appShares[part.ordinal()][a] + (a == f ? STAY : 0);
        }
        return Draws.dirichlet(mean, config.habitConcentration(),
                new SplittableRandom(Draws.seed(u.seed(), NEXT_APPS, part.ordinal(), f)));
    }

    private void requireOurs(SyntheticUser u) {
        Objects.requireNonNull(u, "user");
        if (u.modeCentres.length != u.modes * factors) {
            throw new IllegalArgumentException("user: " + u.id() + " comes from a population with another number of"
                    + " latent factors");
        }
    }

    private static int requireIndex(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index: expected 0 or more, found " + index);
        }
        return index;
    }
}
