package dev.apprentice.il.policy;

import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import dev.apprentice.il.spaces.Space;

/**
 * A deterministic linear policy {@code y = M x} on the normalised observation, as augmented random
 * search optimises (Mania, Guy and Recht, "Simple random search provides a competitive approach to
 * reinforcement learning", 2018), or the affine {@code y = M x + c} when the matrix has one more
 * column: for a box, the action is {@code y} clipped into the box; for discrete actions, the index
 * of the largest score. On centred observations the intercept {@code c} is what lets a discrete
 * policy prefer one action (say, keep lane) where nothing stands out.
 */
public final class LinearPolicy implements Policy {

    private final Box observationSpace;
    private final Space actionSpace;
    private final ObservationNormalizer normalizer;
    private final float[] matrix;
    private final int rows;
    private final int columns;

    /**
     * @param matrix {@code rows * observationDimension} values row after row, where {@code rows}
     *     is the number of actions (discrete) or the action dimension (box); or
     *     {@code rows * (observationDimension + 1)}, each row ending with its intercept
     */
    public LinearPolicy(Box observationSpace, Space actionSpace, ObservationNormalizer normalizer, float[] matrix) {
        this.rows = outputRows(actionSpace);
        int linear = rows * observationSpace.dimension();
        int affine = rows * (observationSpace.dimension() + 1);
        if (matrix == null || (matrix.length != linear && matrix.length != affine)) {
            throw new IllegalArgumentException("linear policy: expected " + linear + " weights, found "
                    + (matrix == null ? "null" : String.valueOf(matrix.length)) + " (" + affine + " with intercepts)");
        }
        this.columns = matrix.length / rows;
        if (normalizer.dimension() != observationSpace.dimension()) {
            throw new IllegalArgumentException("linear policy: normaliser has " + normalizer.dimension()
                    + " dimensions, observation space has " + observationSpace.dimension());
        }
        for (float w : matrix) {
            if (!Float.isFinite(w)) {
                throw new IllegalArgumentException("linear policy: weights must be finite, found " + w);
            }
        }
        this.observationSpace = observationSpace;
        this.actionSpace = actionSpace;
        this.normalizer = normalizer;
        this.matrix = matrix.clone();
    }

    /** True when each row ends with an intercept. */
    public boolean hasIntercept() {
        return columns > observationSpace.dimension();
    }

    /** Number of rows of the matrix for an action space. */
    public static int outputRows(Space actionSpace) {
        return actionSpace instanceof Discrete d ? d.n() : actionSpace.width();
    }

    @Override
    public Box observationSpace() {
        return observationSpace;
    }

    @Override
    public Space actionSpace() {
        return actionSpace;
    }

    public ObservationNormalizer normalizer() {
        return normalizer;
    }

    /** A copy of the weights, row after row. */
    public float[] matrix() {
        return matrix.clone();
    }

    @Override
    public PointMassDistribution distribution(float[] observation) {
        float[] x = normalizer.normalize(observation);
        int cols = x.length;
        float[] y = new float[rows];
        for (int r = 0; r < rows; r++) {
            float sum = columns > cols ? matrix[r * columns + cols] : 0;
            for (int c = 0; c < cols; c++) {
                sum += matrix[r * columns + c] * x[c];
            }
            y[r] = sum;
        }
        if (actionSpace instanceof Discrete) {
            int best = 0;
            for (int r = 1; r < rows; r++) {
                if (y[r] > y[best]) {
                    best = r;
                }
            }
            return new PointMassDistribution(new float[] {best});
        }
        return new PointMassDistribution(((Box) actionSpace).clip(y));
    }
}
