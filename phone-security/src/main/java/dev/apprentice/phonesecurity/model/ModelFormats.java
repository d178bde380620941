package dev.apprentice.phonesecurity.model;

import dev.apprentice.il.policy.DenseNetwork;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.registry.CorruptArtefactException;
import dev.apprentice.il.registry.PolicyCodec;
import dev.apprentice.il.registry.PolicyFormat;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * How the population model and owners' models are written into the registry's policy files
 * (found by the core's codec through {@code META-INF/services}), so they are versioned, verified,
 * promoted and shipped to other replicas like every other policy.
 */
public final class ModelFormats {

    private static final int MAX_DIMENSION = 10_000;

    private ModelFormats() {
    }

    /** The population model: standardisation, activity means, projection and between-person variances. */
    public static final class Population implements PolicyFormat {

        @Override
        public String kind() {
            return "phone-security.population-v1";
        }

        @Override
        public boolean accepts(Policy policy) {
            return policy instanceof PopulationModel;
        }

        @Override
        public void write(Policy policy, DataOutputStream out) throws IOException {
            PopulationModel p = (PopulationModel) policy;
            out.writeInt(p.people());
            out.writeInt(p.samples());
            out.writeDouble(p.shrinkage());
            PolicyCodec.writeFloats(out, p.mean());
            PolicyCodec.writeFloats(out, p.scale());
            writeMatrix(out, p.activityMeans());
            writeMatrix(out, p.projection());
            writeDoubles(out, p.betweenVariances());
            writeMatrix(out, p.levels().tails());
        }

        @Override
        public Policy read(DataInputStream in) throws IOException {
            int people = in.readInt();
            int samples = in.readInt();
            double shrinkage = in.readDouble();
            float[] mean = PolicyCodec.readFloats(in);
            float[] scale = PolicyCodec.readFloats(in);
            double[][] activityMeans = readMatrix(in);
            double[][] projection = readMatrix(in);
            double[] between = readDoubles(in);
            double[][] tails = readMatrix(in);
            for (double[] row : tails) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0 && row[i] < row[i - 1]) {
                        throw new CorruptArtefactException("population model: threshold levels are not sorted");
                    }
                }
            }
            int d = mean.length;
            if (scale.length != d || between.length != d || projection.length != d || activityMeans.length != 3) {
                throw new CorruptArtefactException("population model: inconsistent dimensions");
            }
            for (double[] row : projection) {
                requireLength(row, d);
            }
            for (double[] row : activityMeans) {
                requireLength(row, d);
            }
            for (float s : scale) {
                if (!(s > 0)) {
                    throw new CorruptArtefactException("population model: a feature scale is not positive");
                }
            }
            return new PopulationModel(mean, scale, activityMeans, projection, between, shrinkage, people, samples,
                    new ThresholdLevels(tails));
        }
    }

    /** An owner's model: population reference, policy, discriminator, fusion and thresholds. */
    public static final class Owner implements PolicyFormat {

        @Override
        public String kind() {
            return "phone-security.owner-v1";
        }

        @Override
        public boolean accepts(Policy policy) {
            return policy instanceof OwnerModel;
        }

        @Override
        public void write(Policy policy, DataOutputStream out) throws IOException {
            OwnerModel m = (OwnerModel) policy;
            out.writeUTF(m.population().model());
            out.writeInt(m.population().version());
            out.writeUTF(m.population().weightsSha256());
            FusedScore f = m.fused();
            OwnerPolicy p = f.policy();
            out.writeInt(p.samples());
            writeDoubles(out, p.offset());
            writeDoubles(out, p.variance());
            writeDoubles(out, p.populationVariance());
            PolicyCodec.writeNetwork(out, f.discriminator());
            out.writeDouble(f.policyMean());
            out.writeDouble(f.policySpread());
            out.writeDouble(f.discriminatorMean());
            out.writeDouble(f.discriminatorSpread());
            out.writeDouble(f.discriminatorWeight());
            writeDoubles(out, m.acceptThresholds());
            writeDoubles(out, m.lockThresholds());
            out.writeDouble(m.targetFar());
            out.writeDouble(m.lockFar());
        }

        @Override
        public Policy read(DataInputStream in) throws IOException {
            PopulationRef population = new PopulationRef(in.readUTF(), in.readInt(), in.readUTF());
            int samples = in.readInt();
            double[] offset = readDoubles(in);
            double[] variance = readDoubles(in);
            double[] populationVariance = readDoubles(in);
            requireLength(variance, offset.length);
            requireLength(populationVariance, offset.length);
            for (int k = 0; k < variance.length; k++) {
                if (!(variance[k] > 0) || !(populationVariance[k] > 0)) {
                    throw new CorruptArtefactException("owner model: a variance is not positive");
                }
            }
            DenseNetwork network = PolicyCodec.readNetwork(in);
            if (network.inputs() != offset.length + 1 || network.outputs() != 1) {
                throw new CorruptArtefactException("owner model: the discriminator does not fit the policy's dimension");
            }
            FusedScore fused = new FusedScore(new OwnerPolicy(offset, variance, populationVariance, samples), network,
                    in.readDouble(), positive(in.readDouble()), in.readDouble(), positive(in.readDouble()), in.readDouble());
            double[] accept = readDoubles(in);
            double[] lock = readDoubles(in);
            return new OwnerModel(population, fused, accept, lock, in.readDouble(), in.readDouble());
        }
    }

    private static double positive(double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new CorruptArtefactException("owner model: a score spread is not positive");
        }
        return v;
    }

    private static void requireLength(double[] row, int d) {
        if (row.length != d) {
            throw new CorruptArtefactException("model: expected " + d + " values in a row, found " + row.length);
        }
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_DIMENSION) {
            throw new CorruptArtefactException("model: claims " + n + " values in a row");
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readDouble();
            if (!Double.isFinite(values[i])) {
                throw new CorruptArtefactException("model: a stored value is not finite");
            }
        }
        return values;
    }

    private static void writeMatrix(DataOutputStream out, double[][] rows) throws IOException {
        out.writeInt(rows.length);
        for (double[] row : rows) {
            writeDoubles(out, row);
        }
    }

    private static double[][] readMatrix(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_DIMENSION) {
            throw new CorruptArtefactException("model: claims a matrix of " + n + " rows");
        }
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = readDoubles(in);
        }
        return rows;
    }
}
