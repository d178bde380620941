package dev.apprentice.phonesecurity.sim;

import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.behaviour.BehaviourLayout;
import java.util.random.RandomGenerator;

/**
 * How the generator's standardised behaviour, one roughly unit-scale value per base dimension,
 * becomes the {@value BehaviourLayout#FEATURES} features in real units, on the scales of the
 * Hold-and-Tap files.
 *
 * <p>Touch: the base holds 8 key-hold and 7 release-to-press times (log-normal, medians 80 and
 * 160 ms); the 30 timings are derived from them so that they agree with each other like real
 * ones: the 8 holds, then per key pair release-press, press-press (hold + flight) and
 * release-release (flight + next hold), then the total time, all in whole milliseconds. This order
 * is the generator's reading of the real file, whose columns are not documented further.
 *
 * <p>Sensor: 7 sensors × 4 statistics (kurtosis, mean, standard deviation, skewness, the file's
 * alphabetical order) × 4 channels (x, y, z, magnitude). Means sit around each sensor's level in a
 * tilted hold, standard deviations are log-normal, skewness is centred on 0 and excess kurtosis is
 * heavy-tailed above -1.5. Activity moves them: walking multiplies motion standard deviations by
 * 2.2 and flattens kurtosis; sitting slows typing a little (as in the real data).
 */
final class FeatureMarginals {

    /** Key holds in the base. */
    static final int HOLDS = 8;
    /** Release-to-press flights in the base. */
    static final int FLIGHTS = HOLDS - 1;
    /** Base dimensions of typing: holds then flights. */
    static final int BASE_TOUCH = HOLDS + FLIGHTS;
    /** All base dimensions: typing, then one per sensor feature. */
    static final int BASE = BASE_TOUCH + BehaviourLayout.SENSOR;

    /** The statistic a sensor feature is. */
    enum Statistic { KURTOSIS, MEAN, SD, SKEWNESS }

    private static final int CHANNELS = 4;
    private static final int MAGNITUDE = 3;

    /** Level of the means (magnitude channel), spread of the means between people, typical standard deviation. */
    private enum Sensor {
        ACCELEROMETER(9.81, 0.8, 0.45),
        GRAVITY(9.81, 0.7, 0.12),
        GYROSCOPE(0, 0.05, 0.25),
        LINEAR_ACCELERATION(0, 0.1, 0.35),
        MAGNETOMETER(40, 12, 1.5),
        ORIENTATION(60, 40, 3),
        ROTATION_VECTOR(0.5, 0.3, 0.05);

        final double level;
        final double spread;
        final double sd;

        Sensor(double level, double spread, double sd) {
            this.level = level;
            this.spread = spread;
            this.sd = sd;
        }
    }

    private final double[] meanLocation = new double[BehaviourLayout.SENSOR];

    /** @param population the population's stream: how its phones are typically tilted */
    FeatureMarginals(RandomGenerator population) {
        for (Sensor s : Sensor.values()) {
            double[] tilt = {population.nextGaussian(), population.nextGaussian(), population.nextGaussian()};
            double norm = Math.sqrt(tilt[0] * tilt[0] + tilt[1] * tilt[1] + tilt[2] * tilt[2]);
            for (int ch = 0; ch < CHANNELS; ch++) {
                meanLocation[index(s, Statistic.MEAN, ch)] = ch == MAGNITUDE ? Math.max(s.level, s.sd)
                        : s.level * tilt[ch] / norm;
            }
        }
    }

    /** The statistic of sensor feature {@code j} (0 to 111). */
    static Statistic statisticOf(int j) {
        return Statistic.values()[(j % (Statistic.values().length * CHANNELS)) / CHANNELS];
    }

    /** The features for a standardised base vector captured during {@code activity}. */
    float[] features(double[] base, Activity activity) {
        float[] f = new float[BehaviourLayout.FEATURES];
        double tempo = switch (activity) {
            case SITTING -> 0.06;
            case STANDING -> 0;
            case WALKING -> 0.03;
        };
        double[] hold = new double[HOLDS];
        double[] flight = new double[FLIGHTS];
        for (int i = 0; i < HOLDS; i++) {
            hold[i] = Math.max(1, Math.round(Math.exp(Math.log(80) + 0.28 * base[i] + tempo)));
        }
        for (int i = 0; i < FLIGHTS; i++) {
            flight[i] = Math.max(1, Math.round(Math.exp(Math.log(160) + 0.38 * base[HOLDS + i] + tempo)));
        }
        double total = hold[HOLDS - 1];
        for (int i = 0; i < HOLDS; i++) {
            f[i] = (float) hold[i];
        }
        for (int i = 0; i < FLIGHTS; i++) {
            f[HOLDS + 3 * i] = (float) flight[i];
            f[HOLDS + 3 * i + 1] = (float) (hold[i] + flight[i]);
            f[HOLDS + 3 * i + 2] = (float) (flight[i] + hold[i + 1]);
            total += hold[i] + flight[i];
        }
        f[BehaviourLayout.TOUCH - 1] = (float) total;
        double sdFactor = switch (activity) {
            case SITTING -> 1;
            case STANDING -> 1.25;
            case WALKING -> 2.2;
        };
        double kurtosisFactor = activity == Activity.WALKING ? 0.8 : 1;
        Sensor[] sensors = Sensor.values();
        for (int j = 0; j < BehaviourLayout.SENSOR; j++) {
            double x = base[BASE_TOUCH + j];
            Sensor s = sensors[j / (Statistic.values().length * CHANNELS)];
            double v = switch (statisticOf(j)) {
                case KURTOSIS -> -1.5 + Math.exp(Math.log(2.2) + 0.6 * x) * kurtosisFactor;
                case MEAN -> meanLocation[j] + s.spread * x;
                case SD -> Math.exp(Math.log(s.sd) + 0.45 * x) * sdFactor;
                case SKEWNESS -> 0.8 * x;
            };
            f[BehaviourLayout.TOUCH + j] = (float) v;
        }
        clampToLayout(f);
        return f;
    }

    private static int index(Sensor s, Statistic statistic, int channel) {
        return s.ordinal() * Statistic.values().length * CHANNELS + statistic.ordinal() * CHANNELS + channel;
    }

    /** A guard rail only: draws many standard deviations out could otherwise leave the layout's bounds. */
    private static void clampToLayout(float[] f) {
        for (int i = 0; i < f.length; i++) {
            f[i] = Math.max(BehaviourLayout.space().low(i), Math.min(BehaviourLayout.space().high(i), f[i]));
        }
    }
}
