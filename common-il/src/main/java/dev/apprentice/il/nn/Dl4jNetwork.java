package dev.apprentice.il.nn;

import dev.apprentice.il.algorithms.Checkpoint;
import dev.apprentice.il.policy.DenseNetwork;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The {@link TrainingEngine#DL4J} engine: a {@link MultiLayerNetwork} trained by {@code fit} on ND4J arrays. */
final class Dl4jNetwork implements TrainableNetwork {

    private final MultiLayerNetwork net;
    private final int inputs;
    private final int outputs;

    Dl4jNetwork(MultiLayerNetwork net) {
        this.net = net;
        this.inputs = (int) net.layerInputSize(0);
        this.outputs = (int) net.layerSize(net.getnLayers() - 1);
    }

    /** The wrapped network, for tests that compare the engines. */
    MultiLayerNetwork network() {
        return net;
    }

    @Override
    public TrainingEngine engine() {
        return TrainingEngine.DL4J;
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int outputs() {
        return outputs;
    }

    @Override
    public double fit(float[] features, float[] labels, int rows) {
        net.fit(features(features, rows), labels(labels, rows));
        return net.score();
    }

    @Override
    public float[] gradient(float[] features, float[] labels, int rows) {
        net.setInput(features(features, rows));
        net.setLabels(labels(labels, rows));
        net.computeGradientAndScore();
        float[] flat = new float[(int) net.numParams()];
        int offset = 0;
        for (int l = 0; l < net.getnLayers(); l++) {
            // DL4J's gradients are sums over the minibatch; the contract is the mean's.
            for (String param : new String[] {"_W", "_b"}) {
                float[] g = net.gradient().getGradientFor(l + param).dup('c').reshape(-1).toFloatVector();
                for (int i = 0; i < g.length; i++) {
                    flat[offset + i] = g[i] / rows;
                }
                offset += g.length;
            }
        }
        net.clear();
        return flat;
    }

    @Override
    public double score(float[] features, float[] labels, int rows) {
        return net.score(new DataSet(features(features, rows), labels(labels, rows)), false);
    }

    @Override
    public float[] output(float[] features, int rows) {
        return net.output(features(features, rows), false).dup('c').reshape(-1).toFloatVector();
    }

    @Override
    public DenseNetwork export() {
        return PolicyNetworks.export(net);
    }

    @Override
    public void load(DenseNetwork weights) {
        PolicyNetworks.load(net, weights);
    }

    @Override
    public void saveTo(Checkpoint checkpoint, String name) {
        checkpoint.putNetwork(name, net);
    }

    private INDArray features(float[] values, int rows) {
        if (rows < 1 || values.length != rows * inputs) {
            throw new IllegalArgumentException("network input: expected " + rows + " rows of " + inputs
                    + " values, found " + values.length + " values");
        }
        return Nd4j.create(values, new long[] {rows, inputs}, 'c');
    }

    private static INDArray labels(float[] values, int rows) {
        if (values.length % rows != 0) {
            throw new IllegalArgumentException("labels: expected " + rows + " rows, found " + values.length
                    + " values, not a multiple of " + rows);
        }
        return Nd4j.create(values, new long[] {rows, values.length / rows}, 'c');
    }
}
