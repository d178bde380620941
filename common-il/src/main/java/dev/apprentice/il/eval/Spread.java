package dev.apprentice.il.eval;

import java.util.Locale;

/**
 * The mean and sample standard deviation of a few values (a metric over training seeds, say), and
 * their "mean ± sd" form for report tables.
 *
 * @param mean the mean (NaN for no values)
 * @param sd the sample standard deviation (0 for one value)
 */
public record Spread(double mean, double sd) {

    /** The spread of {@code values}. */
    public static Spread of(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = values.length == 0 ? Double.NaN : sum / values.length;
        double sq = 0;
        for (double v : values) {
            sq += (v - mean) * (v - mean);
        }
        return new Spread(mean, values.length > 1 ? Math.sqrt(sq / (values.length - 1)) : 0);
    }

    /** {@code "mean ± sd"} with {@code decimals} decimals. */
    public String format(int decimals) {
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + " ± " + f, mean, sd);
    }
}
