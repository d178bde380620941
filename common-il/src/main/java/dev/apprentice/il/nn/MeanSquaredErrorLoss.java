package dev.apprentice.il.nn;

/**
 * Squared error averaged over the outputs, {@code L = Σ_j (y_j − t_j)² / k}: the value
 * baseline's regression loss, with DL4J's {@code LossMSE} conventions so that both engines
 * train the value network alike.
 */
public final class MeanSquaredErrorLoss extends PlainJavaLoss {

    private static final long serialVersionUID = 1L;

    @Override
    double exampleLoss(float[] output, int offset, int width, float[] labels, int labelOffset, int labelWidth,
            float[] gradient) {
        if (labelWidth != width) {
            throw new IllegalArgumentException("squared error: expected " + width + " targets per row, found " + labelWidth);
        }
        double sum = 0;
        for (int j = 0; j < width; j++) {
            double diff = output[offset + j] - labels[labelOffset + j];
            sum += diff * diff;
            if (gradient != null) {
                gradient[j] = (float) (2 * diff / width);
            }
        }
        return sum / width;
    }

    @Override
    public String name() {
        return "MeanSquaredError";
    }

    @Override
    public String toString() {
        return name();
    }
}
