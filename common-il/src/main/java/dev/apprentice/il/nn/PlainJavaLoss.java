package dev.apprentice.il.nn;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * A training loss written once over float arrays and used by both engines: the plain-Java engine
 * calls {@link #batchLoss} directly, DL4J calls it through {@link ILossFunction} on copies of the
 * (small) minibatch arrays. The imitation losses combine a likelihood with an entropy bonus and a
 * bounded log-std; one readable place per formula, testable against finite differences. Like
 * DL4J's own losses, gradients are per example and not divided by the minibatch size (the
 * engines do that).
 */
public abstract class PlainJavaLoss implements ILossFunction {

    private static final long serialVersionUID = 1L;

    /**
     * Computes the loss of one example and, when {@code gradient} is not null, its gradient with
     * respect to the output-layer activations.
     *
     * @param output activations of one example ({@code width} values from {@code offset})
     * @param labels labels of the same example ({@code labelWidth} values from {@code labelOffset})
     */
    abstract double exampleLoss(float[] output, int offset, int width, float[] labels, int labelOffset, int labelWidth,
            float[] gradient);

    /**
     * Computes every example's loss and, when {@code gradient} is not null, its gradient, for a
     * minibatch stored row after row. By default each example on its own through
     * {@link #exampleLoss}; losses that couple examples (such as a gradient penalty over pairs of
     * rows) override this.
     *
     * @param perExample receives {@code n} scores whose mean is the minibatch loss
     * @param gradient receives {@code n * width} values, or is null when only scores are wanted
     */
    void batchLoss(float[] output, int n, int width, float[] labels, int labelWidth, float[] perExample, float[] gradient) {
        float[] g = gradient == null ? null : new float[width];
        for (int i = 0; i < n; i++) {
            perExample[i] = (float) exampleLoss(output, i * width, width, labels, i * labelWidth, labelWidth, g);
            if (g != null) {
                System.arraycopy(g, 0, gradient, i * width, width);
            }
        }
    }

    private INDArray scores(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask, float[] gradOut) {
        INDArray out = activation.getActivation(preOutput.dup(), true);
        int n = (int) out.size(0);
        int width = (int) out.size(1);
        int labelWidth = (int) labels.size(1);
        float[] o = out.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] y = labels.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] perExample = new float[n];
        batchLoss(o, n, width, y, labelWidth, perExample, gradOut);
        INDArray result = Nd4j.create(perExample, new long[] {n, 1}, 'c').castTo(preOutput.dataType());
        if (mask != null) {
            result.muliColumnVector(mask.castTo(result.dataType()));
        }
        return result;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask, boolean average) {
        double sum = scores(labels, preOutput, activation, mask, null).sumNumber().doubleValue();
        return average ? sum / preOutput.size(0) : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        return scores(labels, preOutput, activation, mask, null);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        return gradientAndScores(labels, preOutput, activation, mask).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activation,
            INDArray mask, boolean average) {
        Pair<INDArray, INDArray> gs = gradientAndScores(labels, preOutput, activation, mask);
        double sum = gs.getSecond().sumNumber().doubleValue();
        return new Pair<>(average ? sum / preOutput.size(0) : sum, gs.getFirst());
    }

    private Pair<INDArray, INDArray> gradientAndScores(INDArray labels, INDArray preOutput, IActivation activation,
            INDArray mask) {
        int n = (int) preOutput.size(0);
        int width = (int) preOutput.size(1);
        float[] grad = new float[n * width];
        INDArray scores = scores(labels, preOutput, activation, mask, grad);
        INDArray dLdOut = Nd4j.create(grad, new long[] {n, width}, 'c').castTo(preOutput.dataType());
        if (mask != null) {
            dLdOut.muliColumnVector(mask.castTo(dLdOut.dataType()));
        }
        INDArray dLdPre = activation.backprop(preOutput.dup(), dLdOut).getFirst();
        return new Pair<>(dLdPre, scores);
    }
}
