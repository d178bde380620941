package dev.apprentice.il.nn;

/**
 * The discriminator's minibatch loss over labelled rows: expert rows (label 1), generated rows
 * (label 0) and, for the optional gradient penalty, pairs of rows at x̂ ± h·u (labels 2 and 3, the
 * k-th "plus" row paired with the k-th "minus" row). The loss is
 * {@code mean_expert ℓ₁(y) + mean_generated ℓ₀(y) + λ·mean_pairs(d·g²)}, with
 * {@code g = (y(x̂ + h·u) − y(x̂ − h·u)) / 2h}.
 *
 * <p>ℓ is the GAN loss on a logit (ℓ₁ = softplus(−y), ℓ₀ = softplus(y)) or the least-squares
 * loss (ℓ₁ = ½(y − 1)², ℓ₀ = ½y²). The penalty is the zero-centred gradient penalty
 * λ·E‖∇ₓD(x̂)‖² at interpolates between expert and generated inputs (Gulrajani et al. 2017;
 * Mescheder et al. 2018): DL4J cannot differentiate through its own input gradients, so
 * ‖∇ₓD‖² is estimated from a central difference g along a random unit direction u in the
 * d-dimensional input, for which E[d·(u·∇D)²] = ‖∇D‖².
 */
public final class DiscriminatorLoss extends PlainJavaLoss {

    private static final long serialVersionUID = 1L;

    /** Row labels. */
    public static final float EXPERT = 1f;
    public static final float GENERATED = 0f;
    public static final float PENALTY_PLUS = 2f;
    public static final float PENALTY_MINUS = 3f;

    private boolean leastSquares;
    private double gradientPenalty;
    private double penaltyStep;
    private int inputWidth;

    /** For DL4J's configuration serialisation. */
    public DiscriminatorLoss() {
        this(false, 0, 0.01, 1);
    }

    /**
     * @param leastSquares least-squares loss instead of the GAN loss
     * @param gradientPenalty λ, 0 for none
     * @param penaltyStep h of the central difference, in normalised input units
     * @param inputWidth d, the discriminator's input width
     */
    public DiscriminatorLoss(boolean leastSquares, double gradientPenalty, double penaltyStep, int inputWidth) {
        this.leastSquares = leastSquares;
        this.gradientPenalty = gradientPenalty;
        this.penaltyStep = penaltyStep;
        this.inputWidth = inputWidth;
    }

    public boolean isLeastSquares() {
        return leastSquares;
    }

    public void setLeastSquares(boolean leastSquares) {
        this.leastSquares = leastSquares;
    }

    public double getGradientPenalty() {
        return gradientPenalty;
    }

    public void setGradientPenalty(double gradientPenalty) {
        this.gradientPenalty = gradientPenalty;
    }

    public double getPenaltyStep() {
        return penaltyStep;
    }

    public void setPenaltyStep(double penaltyStep) {
        this.penaltyStep = penaltyStep;
    }

    public int getInputWidth() {
        return inputWidth;
    }

    public void setInputWidth(int inputWidth) {
        this.inputWidth = inputWidth;
    }

    @Override
    double exampleLoss(float[] output, int offset, int width, float[] labels, int labelOffset, int labelWidth,
            float[] gradient) {
        throw new IllegalStateException("the discriminator loss couples rows; it is computed per minibatch");
    }

    @Override
    void batchLoss(float[] y, int n, int width, float[] labels, int labelWidth, float[] perExample, float[] gradient) {
        if (width != 1 || labelWidth != 1) {
            throw new IllegalArgumentException("discriminator loss: expected 1 output and 1 label per row, found "
                    + width + " and " + labelWidth);
        }
        int expert = 0;
        int generated = 0;
        int plus = 0;
        int minus = 0;
        for (int i = 0; i < n; i++) {
            float role = labels[i];
            if (role == EXPERT) {
                expert++;
            } else if (role == GENERATED) {
                generated++;
            } else if (role == PENALTY_PLUS) {
                plus++;
            } else if (role == PENALTY_MINUS) {
                minus++;
            } else {
                throw new IllegalArgumentException("discriminator loss: row " + i + " has label " + role
                        + ", expected 0, 1, 2 or 3");
            }
        }
        if (plus != minus) {
            throw new IllegalArgumentException("discriminator loss: " + plus + " penalty rows at x+h·u but " + minus
                    + " at x-h·u");
        }
        int[] minusRows = new int[minus];
        for (int i = 0, k = 0; i < n; i++) {
            if (labels[i] == PENALTY_MINUS) {
                minusRows[k++] = i;
            }
        }
        for (int i = 0, pair = 0; i < n; i++) {
            double v = y[i];
            float role = labels[i];
            double loss;
            double slope;
            if (role == EXPERT) {
                loss = (leastSquares ? 0.5 * (v - 1) * (v - 1) : softplus(-v)) / expert;
                slope = (leastSquares ? v - 1 : sigmoid(v) - 1) / expert;
            } else if (role == GENERATED) {
                loss = (leastSquares ? 0.5 * v * v : softplus(v)) / generated;
                slope = (leastSquares ? v : sigmoid(v)) / generated;
            } else if (role == PENALTY_PLUS) {
                int j = minusRows[pair++];
                double g = (v - y[j]) / (2 * penaltyStep);
                loss = gradientPenalty * inputWidth * g * g / plus;
                slope = gradientPenalty * inputWidth * g / (penaltyStep * plus);
                if (gradient != null) {
                    gradient[j] = (float) (-slope * n);
                }
            } else {
                perExample[i] = 0f;
                continue;
            }
            // DL4J averages per-example values over the n rows: scale so the mean is the loss above.
            perExample[i] = (float) (loss * n);
            if (gradient != null) {
                gradient[i] = (float) (slope * n);
            }
        }
    }

    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Override
    public String name() {
        return "DiscriminatorLoss(" + (leastSquares ? "least-squares" : "gan") + ", gradientPenalty=" + gradientPenalty
                + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
