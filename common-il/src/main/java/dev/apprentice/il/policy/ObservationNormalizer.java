package dev.apprentice.il.policy;

import java.util.Arrays;

/**
 * Standardises observations {@code (x - mean) / std}, clipped to ±{@value #CLIP}, so that
 * networks see inputs of unit scale whatever the environment's units. Stored with the policy so
 * serving normalises exactly as training did.
 */
public final class ObservationNormalizer {

    /** Normalised values are clipped to this magnitude, protecting the network from outliers. */
    public static final float CLIP = 10f;
    /** Standard deviations below this are treated as this, so constant features do not explode. */
    public static final float MIN_STD = 1e-4f;

    private final float[] mean;
    private final float[] std;

    /**
     * @param mean per-dimension mean
     * @param std per-dimension standard deviation (values below {@link #MIN_STD} are raised to it)
     */
    public ObservationNormalizer(float[] mean, float[] std) {
        if (mean == null || std == null || mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("normaliser: mean and std must be non-empty and of the same length");
        }
        this.mean = mean.clone();
        this.std = new float[std.length];
        for (int i = 0; i < std.length; i++) {
            if (!Float.isFinite(mean[i]) || !Float.isFinite(std[i]) || std[i] < 0) {
                throw new IllegalArgumentException("normaliser: dimension " + i + " has mean " + mean[i] + " and std "
                        + std[i] + "; expected finite values and std >= 0");
            }
            this.std[i] = Math.max(MIN_STD, std[i]);
        }
    }

    /** The normaliser that leaves observations unchanged (apart from clipping). */
    public static ObservationNormalizer identity(int dimension) {
        float[] ones = new float[dimension];
        Arrays.fill(ones, 1f);
        return new ObservationNormalizer(new float[dimension], ones);
    }

    public int dimension() {
        return mean.length;
    }

    /** A copy of the means. */
    public float[] mean() {
        return mean.clone();
    }

    /** A copy of the standard deviations. */
    public float[] std() {
        return std.clone();
    }

    /** Returns the normalised copy of {@code x}. */
    public float[] normalize(float[] x) {
        if (x.length != mean.length) {
            throw new IllegalArgumentException("observation: expected " + mean.length + " values, found " + x.length);
        }
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            float z = (x[i] - mean[i]) / std[i];
            out[i] = Math.max(-CLIP, Math.min(CLIP, z));
        }
        return out;
    }

    /** Normalises {@code rows} observations stored row after row, in place. */
    public void normalizeRowsInPlace(float[] rows) {
        int d = mean.length;
        if (rows.length % d != 0) {
            throw new IllegalArgumentException("observations: " + rows.length + " values is not a whole number of rows of "
                    + d);
        }
        for (int k = 0; k < rows.length; k++) {
            int i = k % d;
            float z = (rows[k] - mean[i]) / std[i];
            rows[k] = Math.max(-CLIP, Math.min(CLIP, z));
        }
    }
}
