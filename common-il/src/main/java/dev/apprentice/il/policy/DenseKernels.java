package dev.apprentice.il.policy;

/**
 * The loops of dense layers over row-major float arrays, shared by the serving forward pass
 * ({@link DenseNetwork}) and the plain-Java training engine. Each innermost loop runs along a
 * contiguous row with no branches, which is what the JIT turns into SIMD instructions; weights
 * use {@link DenseNetwork.Layer}'s layout (row {@code i} holds input {@code i}'s weights).
 */
public final class DenseKernels {

    private DenseKernels() {
    }

    /**
     * {@code y[r] = b + x[r] W} for each of {@code rows} rows.
     *
     * @param x {@code rows * inputs} values
     * @param w weights from {@code wOffset}: {@code inputs * outputs} values, row-major
     * @param b biases from {@code bOffset}: {@code outputs} values
     * @param y receives {@code rows * outputs} values
     */
    public static void affine(float[] x, int rows, int inputs, float[] w, int wOffset, float[] b, int bOffset, int outputs,
            float[] y) {
        for (int r = 0; r < rows; r++) {
            int yo = r * outputs;
            System.arraycopy(b, bOffset, y, yo, outputs);
            int xo = r * inputs;
            for (int k = 0; k < inputs; k++) {
                float xk = x[xo + k];
                int wo = wOffset + k * outputs;
                for (int j = 0; j < outputs; j++) {
                    y[yo + j] += xk * w[wo + j];
                }
            }
        }
    }

    /**
     * Adds {@code xᵀ d} to the weight gradient {@code g} (from {@code gOffset}, {@code inputs *
     * outputs} values) and the column sums of {@code d} to the bias gradient (from
     * {@code bOffset}): the gradient of a dense layer's parameters given its inputs {@code x}
     * and the loss gradient {@code d} at its pre-activations.
     */
    public static void accumulateGradient(float[] x, float[] d, int rows, int inputs, int outputs, float[] g, int gOffset,
            int bOffset) {
        for (int r = 0; r < rows; r++) {
            int xo = r * inputs;
            int dofs = r * outputs;
            for (int k = 0; k < inputs; k++) {
                float xk = x[xo + k];
                int go = gOffset + k * outputs;
                for (int j = 0; j < outputs; j++) {
                    g[go + j] += xk * d[dofs + j];
                }
            }
            for (int j = 0; j < outputs; j++) {
                g[bOffset + j] += d[dofs + j];
            }
        }
    }

    /**
     * {@code dx[r] = d[r] Wᵀ}: the loss gradient at a layer's inputs, given the gradient
     * {@code d} at its pre-activations and its weights already transposed ({@code wt}, {@code
     * outputs * inputs} values, see {@link #transpose}).
     */
    public static void backpropagate(float[] d, int rows, int outputs, float[] wt, int inputs, float[] dx) {
        for (int r = 0; r < rows; r++) {
            int xo = r * inputs;
            java.util.Arrays.fill(dx, xo, xo + inputs, 0f);
            int dofs = r * outputs;
            for (int j = 0; j < outputs; j++) {
                float dj = d[dofs + j];
                int wo = j * inputs;
                for (int k = 0; k < inputs; k++) {
                    dx[xo + k] += dj * wt[wo + k];
                }
            }
        }
    }

    /** Writes the {@code inputs × outputs} weights at {@code wOffset} as an {@code outputs × inputs} matrix into {@code wt}. */
    public static void transpose(float[] w, int wOffset, int inputs, int outputs, float[] wt) {
        for (int k = 0; k < inputs; k++) {
            int wo = wOffset + k * outputs;
            for (int j = 0; j < outputs; j++) {
                wt[j * inputs + k] = w[wo + j];
            }
        }
    }
}
