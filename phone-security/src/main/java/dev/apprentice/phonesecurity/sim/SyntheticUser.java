package dev.apprentice.phonesecurity.sim;

import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.behaviour.App;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * One synthetic person: their behaviour model (2 to 4 modes of holding and typing, each a point in
 * the population's latent space, with personal quirks on top) and their habits (when they pick up
 * the phone, what they are doing, which app comes first). Made by
 * {@link SyntheticPopulation#user(int)} or {@link SyntheticPopulation#impostor(int)} from the
 * population's seed and the index alone, so a user costs nothing until asked for and about a
 * kilobyte after; app transition matrices are derived row by row when a session needs them.
 */
public final class SyntheticUser {

    private static final double MODE_SPREAD = 0.6;
    private static final double QUIRK_SPREAD = 0.25;
    private static final double[] ACTIVITY_MIX = {0.5, 0.3, 0.2};

    private final String id;
    private final long seed;
    /** Per mode, its centre in the latent space, mode after mode. */
    final float[] modeCentres;
    final int modes;
    /** Per mode, how much more often it is used, as a logit. */
    final float[] modeLogits;
    /** Per catalogue app and mode, how the app shifts the mode's logit. */
    final float[] appModeShift;
    /** Per base dimension, a personal offset the latent space does not explain. */
    final float[] quirks;
    /** How variable this person is from sample to sample, around 1. */
    final float variability;
    final double[] activityMix;
    final double[] hourOfDay;

    SyntheticUser(String id, long seed, int latentFactors) {
        this.id = id;
        this.seed = seed;
        SplittableRandom r = new SplittableRandom(seed);
        modes = 2 + r.nextInt(3);
        modeCentres = new float[modes * latentFactors];
        float[] centre = new float[latentFactors];
        for (int k = 0; k < latentFactors; k++) {
            centre[k] = (float) r.nextGaussian();
        }
        for (int c = 0; c < modes; c++) {
            for (int k = 0; k < latentFactors; k++) {
                modeCentres[c * latentFactors + k] = centre[k] + (float) (MODE_SPREAD * r.nextGaussian());
            }
        }
        modeLogits = new float[modes];
        for (int c = 0; c < modes; c++) {
            modeLogits[c] = (float) (0.7 * r.nextGaussian());
        }
        appModeShift = new float[App.CATALOGUE.size() * modes];
        for (int i = 0; i < appModeShift.length; i++) {
            appModeShift[i] = (float) (0.8 * r.nextGaussian());
        }
        quirks = new float[FeatureMarginals.BASE];
        for (int j = 0; j < quirks.length; j++) {
            quirks[j] = (float) (QUIRK_SPREAD * r.nextGaussian());
        }
        variability = (float) (0.8 + 0.45 * r.nextDouble());
        activityMix = Draws.dirichlet(ACTIVITY_MIX, 8, r);
        hourOfDay = dailyRhythm(r);
    }

    /** The user id on the topic: {@code user-<index>}, or {@code impostor-<index>} for people never enrolled. */
    public String id() {
        return id;
    }

    /** The seed of this person's own streams (drift, app habits). */
    long seed() {
        return seed;
    }

    /** The weights of the modes when {@code app} is in the foreground. */
    double[] modeWeights(App app) {
        double[] w = new double[modes];
        int a = App.CATALOGUE.indexOf(app);
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < modes; c++) {
            w[c] = modeLogits[c] + (a < 0 ? 0 : appModeShift[a * modes + c]);
            max = Math.max(max, w[c]);
        }
        double sum = 0;
        for (int c = 0; c < modes; c++) {
            w[c] = Math.exp(w[c] - max);
            sum += w[c];
        }
        for (int c = 0; c < modes; c++) {
            w[c] /= sum;
        }
        return w;
    }

    /** The activity a session starts in, drawn from this person's mix. */
    Activity activity(RandomGenerator r) {
        return Activity.values()[Draws.categorical(activityMix, r)];
    }

    /**
     * When this person picks up the phone: a morning and an evening peak at personal hours (von
     * Mises bumps on the 24-hour circle), a plateau in working hours and a little at night.
     */
    private static double[] dailyRhythm(SplittableRandom r) {
        double morning = 8 + r.nextGaussian();
        double evening = 20.5 + 1.5 * r.nextGaussian();
        double morningShare = 0.25 + 0.35 * r.nextDouble();
        double sharpness = 2 + 3 * r.nextDouble();
        double[] p = new double[24];
        double sum = 0;
        for (int h = 0; h < 24; h++) {
            double base = h < 6 ? 0.03 : h >= 9 && h <= 18 ? 0.25 : 0.08;
            p[h] = base + morningShare * bump(h, morning, sharpness) + (1 - morningShare) * bump(h, evening, sharpness);
            sum += p[h];
        }
        for (int h = 0; h < 24; h++) {
            p[h] /= sum;
        }
        return p;
    }

    private static double bump(int hour, double peak, double sharpness) {
        return Math.exp(sharpness * (Math.cos(2 * Math.PI * (hour - peak) / 24) - 1));
    }

    @Override
    public String toString() {
        return "SyntheticUser[" + id + ", " + modes + " modes]";
    }
}
