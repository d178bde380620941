package dev.apprentice.il.registry;

import dev.apprentice.il.algorithms.meta.AffineGaussianPolicy;
import dev.apprentice.il.policy.Activation;
import dev.apprentice.il.policy.CategoricalMlpPolicy;
import dev.apprentice.il.policy.DenseNetwork;
import dev.apprentice.il.policy.GaussianMlpPolicy;
import dev.apprentice.il.policy.LinearPolicy;
import dev.apprentice.il.policy.ObservationNormalizer;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.policy.RegressionMlpPolicy;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import dev.apprentice.il.spaces.Space;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.WeakHashMap;

/**
 * The policy weights file: a small, versioned binary format holding everything needed to act
 * (spaces, normaliser, layers) and nothing from DL4J, so a serving process loads it without
 * ND4J. Layout (big-endian): magic {@code APPRPLCY}, format version, policy kind, observation
 * box, action space, normaliser, then the kind's parameters.
 */
public final class PolicyCodec {

    /** Current format version; readers accept every version up to this one. */
    public static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "APPRPLCY".getBytes(StandardCharsets.US_ASCII);
    private static final byte KIND_CATEGORICAL_MLP = 1;
    private static final byte KIND_GAUSSIAN_MLP = 2;
    private static final byte KIND_LINEAR = 3;
    private static final byte KIND_REGRESSION_MLP = 4;
    private static final byte KIND_AFFINE_GAUSSIAN = 5;
    /** A kind written by a {@link PolicyFormat}: its name follows, then the format's own bytes. */
    private static final byte KIND_FORMAT = 100;
    private static final Map<ClassLoader, List<PolicyFormat>> FORMATS =
            Collections.synchronizedMap(new WeakHashMap<>());
    private static final byte SPACE_DISCRETE = 0;
    private static final byte SPACE_BOX = 1;
    /** No array in a policy file is longer than this; larger counts mean corruption. */
    private static final int MAX_ARRAY = 50_000_000;

    private PolicyCodec() {
    }

    /** Encodes a policy. */
    public static byte[] encode(Policy policy) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(FORMAT_VERSION);
            if (policy instanceof CategoricalMlpPolicy p) {
                out.writeByte(KIND_CATEGORICAL_MLP);
                writeHeader(out, p.observationSpace(), p.actionSpace(), p.normalizer());
                writeNetwork(out, p.network());
            } else if (policy instanceof GaussianMlpPolicy p) {
                out.writeByte(KIND_GAUSSIAN_MLP);
                writeHeader(out, p.observationSpace(), p.actionSpace(), p.normalizer());
                writeNetwork(out, p.network());
            } else if (policy instanceof RegressionMlpPolicy p) {
                out.writeByte(KIND_REGRESSION_MLP);
                writeHeader(out, p.observationSpace(), p.actionSpace(), p.normalizer());
                writeNetwork(out, p.network());
            } else if (policy instanceof AffineGaussianPolicy p) {
                // No normaliser: NoRML's policy acts on raw observations; parameters stay doubles.
                out.writeByte(KIND_AFFINE_GAUSSIAN);
                writeSpace(out, p.observationSpace());
                writeSpace(out, p.actionSpace());
                double[] parameters = p.parameters();
                out.writeInt(parameters.length);
                for (double v : parameters) {
                    out.writeDouble(v);
                }
            } else if (policy instanceof LinearPolicy p) {
                out.writeByte(KIND_LINEAR);
                writeHeader(out, p.observationSpace(), p.actionSpace(), p.normalizer());
                writeFloats(out, p.matrix());
            } else {
                PolicyFormat format = formats(policy.getClass().getClassLoader()).stream().filter(f -> f.accepts(policy))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("policy: cannot store a "
                                + policy.getClass().getName() + "; supported are categorical, Gaussian and regression MLP, affine Gaussian and linear"
                                + " policies and the kinds of the PolicyFormats on the class path"));
                out.writeByte(KIND_FORMAT);
                out.writeUTF(format.kind());
                format.write(policy, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes a policy.
     *
     * @throws CorruptArtefactException when the bytes are not a complete, valid policy file
     */
    public static Policy decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new CorruptArtefactException("not an Apprentice policy file: the first bytes are not APPRPLCY");
            }
            int version = in.readInt();
            if (version < 1 || version > FORMAT_VERSION) {
                throw new CorruptArtefactException("policy file format version " + version
                        + " is not supported; this library reads versions 1 to " + FORMAT_VERSION);
            }
            byte kind = in.readByte();
            if (kind == KIND_FORMAT) {
                String name = in.readUTF();
                PolicyFormat format = formats(Thread.currentThread().getContextClassLoader()).stream()
                        .filter(f -> f.kind().equals(name)).findFirst().orElseThrow(() -> new CorruptArtefactException(
                                "policy file is of kind '" + name + "', and no PolicyFormat for it is on the class path"));
                Policy policy = format.read(in);
                if (in.read() != -1) {
                    throw new CorruptArtefactException("policy file has unexpected bytes after the policy");
                }
                return policy;
            }
            if (kind == KIND_AFFINE_GAUSSIAN) {
                Box observationSpace = (Box) readSpace(in);
                Box actionSpace = (Box) readSpace(in);
                int n = in.readInt();
                if (n != AffineGaussianPolicy.parameterCount(observationSpace.dimension(), actionSpace.dimension())) {
                    throw new CorruptArtefactException("policy file holds " + n + " affine parameters for "
                            + observationSpace.dimension() + " inputs and " + actionSpace.dimension() + " outputs");
                }
                double[] parameters = new double[n];
                for (int i = 0; i < n; i++) {
                    parameters[i] = in.readDouble();
                }
                if (in.read() != -1) {
                    throw new CorruptArtefactException("policy file has unexpected bytes after the policy");
                }
                return new AffineGaussianPolicy(observationSpace, actionSpace, parameters);
            }
            Box observationSpace = (Box) readSpace(in);
            Space actionSpace = readSpace(in);
            ObservationNormalizer normalizer = new ObservationNormalizer(readFloats(in), readFloats(in));
            Policy policy = switch (kind) {
                case KIND_CATEGORICAL_MLP -> new CategoricalMlpPolicy(observationSpace, (Discrete) actionSpace, normalizer,
                        readNetwork(in));
                case KIND_GAUSSIAN_MLP -> new GaussianMlpPolicy(observationSpace, (Box) actionSpace, normalizer,
                        readNetwork(in));
                case KIND_REGRESSION_MLP -> new RegressionMlpPolicy(observationSpace, (Box) actionSpace, normalizer,
                        readNetwork(in));
                case KIND_LINEAR -> new LinearPolicy(observationSpace, actionSpace, normalizer, readFloats(in));
                default -> throw new CorruptArtefactException("policy file names unknown policy kind " + kind);
            };
            if (in.read() != -1) {
                throw new CorruptArtefactException("policy file has unexpected bytes after the policy");
            }
            return policy;
        } catch (EOFException e) {
            throw new CorruptArtefactException("policy file is truncated", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new CorruptArtefactException("policy file is inconsistent: " + e.getMessage(), e);
        }
    }

    /** The formats visible to a class loader (and to this library's own), loaded once per loader. */
    private static List<PolicyFormat> formats(ClassLoader loader) {
        ClassLoader l = loader != null ? loader : PolicyCodec.class.getClassLoader();
        return FORMATS.computeIfAbsent(l, k -> {
            List<PolicyFormat> found = new ArrayList<>();
            ServiceLoader.load(PolicyFormat.class, k).forEach(found::add);
            if (found.isEmpty() && k != PolicyCodec.class.getClassLoader()) {
                ServiceLoader.load(PolicyFormat.class, PolicyCodec.class.getClassLoader()).forEach(found::add);
            }
            return List.copyOf(found);
        });
    }

    private static void writeHeader(DataOutputStream out, Box obs, Space action, ObservationNormalizer normalizer)
            throws IOException {
        writeSpace(out, obs);
        writeSpace(out, action);
        writeFloats(out, normalizer.mean());
        writeFloats(out, normalizer.std());
    }

    /** Part of the file format, for {@link PolicyFormat}s. */
    public static void writeSpace(DataOutputStream out, Space space) throws IOException {
        if (space instanceof Discrete d) {
            out.writeByte(SPACE_DISCRETE);
            out.writeInt(d.n());
        } else {
            Box b = (Box) space;
            out.writeByte(SPACE_BOX);
            writeFloats(out, b.low());
            writeFloats(out, b.high());
        }
    }

    /** Part of the file format, for {@link PolicyFormat}s; lengths are bounded. */
    public static Space readSpace(DataInputStream in) throws IOException {
        byte type = in.readByte();
        return switch (type) {
            case SPACE_DISCRETE -> new Discrete(in.readInt());
            case SPACE_BOX -> new Box(readFloats(in), readFloats(in));
            default -> throw new CorruptArtefactException("policy file names unknown space type " + type);
        };
    }

    /** Part of the file format, for {@link PolicyFormat}s. */
    public static void writeNetwork(DataOutputStream out, DenseNetwork network) throws IOException {
        out.writeInt(network.layers().size());
        for (DenseNetwork.Layer layer : network.layers()) {
            out.writeInt(layer.inputs());
            out.writeInt(layer.outputs());
            out.writeByte(layer.activation().ordinal());
            writeFloats(out, layer.weights());
            writeFloats(out, layer.bias());
        }
    }

    /** Part of the file format, for {@link PolicyFormat}s; lengths are bounded. */
    public static DenseNetwork readNetwork(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 1 || count > 1000) {
            throw new CorruptArtefactException("policy file claims " + count + " layers");
        }
        List<DenseNetwork.Layer> layers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int inputs = in.readInt();
            int outputs = in.readInt();
            int activation = in.readByte();
            if (activation < 0 || activation >= Activation.values().length) {
                throw new CorruptArtefactException("policy file names unknown activation " + activation);
            }
            layers.add(new DenseNetwork.Layer(inputs, outputs, readFloats(in), readFloats(in),
                    Activation.values()[activation]));
        }
        return new DenseNetwork(layers);
    }

    /** Part of the file format, for {@link PolicyFormat}s. */
    public static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    /** Part of the file format, for {@link PolicyFormat}s; lengths are bounded. */
    public static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_ARRAY) {
            throw new CorruptArtefactException("policy file claims an array of " + n + " values");
        }
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }
}
