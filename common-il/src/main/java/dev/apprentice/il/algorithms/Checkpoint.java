package dev.apprentice.il.algorithms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.apprentice.il.io.DurableFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A trainer's complete state after one iteration: networks with their optimiser state, arrays
 * (normalisers, parameters) and metrics, as named entries of one ZIP file written atomically. It
 * records the algorithm, the configuration's result settings ({@link TrainerConfig#resultSettings()})
 * and the data's hash, and refuses to resume a run whose settings or demonstrations differ. Random streams need no entry: trainers derive
 * them from the iteration ({@link IterationSeeds}).
 */
public final class Checkpoint {

    /** File name inside the checkpoint directory. */
    public static final String FILE = "checkpoint.zip";
    private static final String HEADER = "checkpoint.properties";
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final String algorithm;
    private final int iteration;
    private final String configuration;
    private final String dataSha256;
    private final Map<String, byte[]> entries;

    private Checkpoint(String algorithm, int iteration, String configuration, String dataSha256, Map<String, byte[]> entries) {
        this.algorithm = algorithm;
        this.iteration = iteration;
        this.configuration = configuration;
        this.dataSha256 = dataSha256;
        this.entries = entries;
    }

    /** An empty checkpoint for the state at the end of {@code iteration}. */
    public static Checkpoint of(String algorithm, int iteration, TrainerConfig config, String dataSha256) {
        return new Checkpoint(algorithm, iteration, configurationOf(config), dataSha256, new LinkedHashMap<>());
    }

    /** The last iteration this state includes. */
    public int iteration() {
        return iteration;
    }

    public String algorithm() {
        return algorithm;
    }

    /** Stores a network with its updater (e.g. Adam moments), so optimisation continues exactly. */
    public Checkpoint putNetwork(String name, MultiLayerNetwork network) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ModelSerializer.writeModel(network, out, true);
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint: cannot serialise network " + name, e);
        }
        return put("network/" + name, out.toByteArray());
    }

    /** Restores a network stored by {@link #putNetwork}, updater state included. */
    public MultiLayerNetwork network(String name) {
        try {
            return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(get("network/" + name)), true);
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint: network " + name + " cannot be read", e);
        }
    }

    /** Stores bytes in a format of the caller's choosing, e.g. a policy encoded by {@code PolicyCodec}. */
    public Checkpoint putBytes(String name, byte[] value) {
        return put("bytes/" + name, value.clone());
    }

    /** The bytes stored by {@link #putBytes}. */
    public byte[] bytes(String name) {
        return get("bytes/" + name).clone();
    }

    public Checkpoint putFloats(String name, float[] values) {
        return putEncoded("floats/" + name, out -> {
            out.writeInt(values.length);
            for (float v : values) {
                out.writeFloat(v);
            }
        });
    }

    public float[] floats(String name) {
        DataInputStream in = decode("floats/" + name);
        try {
            float[] values = new float[in.readInt()];
            for (int i = 0; i < values.length; i++) {
                values[i] = in.readFloat();
            }
            return values;
        } catch (IOException e) {
            throw corrupt(name, e);
        }
    }

    public Checkpoint putDoubles(String name, double[] values) {
        return putEncoded("doubles/" + name, out -> {
            out.writeInt(values.length);
            for (double v : values) {
                out.writeDouble(v);
            }
        });
    }

    public double[] doubles(String name) {
        DataInputStream in = decode("doubles/" + name);
        try {
            double[] values = new double[in.readInt()];
            for (int i = 0; i < values.length; i++) {
                values[i] = in.readDouble();
            }
            return values;
        } catch (IOException e) {
            throw corrupt(name, e);
        }
    }

    public Checkpoint putDouble(String name, double value) {
        return putDoubles(name, new double[] {value});
    }

    public double getDouble(String name) {
        return doubles(name)[0];
    }

    /** Stores named metrics, e.g. the best validation metrics so far. */
    public Checkpoint putMetrics(String name, Map<String, Double> metrics) {
        try {
            return put("metrics/" + name, JSON.writeValueAsBytes(metrics));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("checkpoint: metrics " + name + " cannot be written", e);
        }
    }

    public Map<String, Double> metrics(String name) {
        try {
            Map<String, Double> m = new LinkedHashMap<>();
            JSON.readTree(get("metrics/" + name)).fields().forEachRemaining(e -> m.put(e.getKey(),
                    e.getValue().isNull() ? Double.NaN : e.getValue().asDouble()));
            return m;
        } catch (IOException e) {
            throw corrupt(name, e);
        }
    }

    /** Whether an entry of that name (of any kind) is present. */
    public boolean has(String name) {
        return entries.keySet().stream().anyMatch(k -> k.substring(k.indexOf('/') + 1).equals(name));
    }

    /**
     * Writes this checkpoint as {@code directory/}{@value #FILE}, replacing the previous one
     * atomically.
     *
     * @return the file written
     */
    public Path save(Path directory) {
        Properties header = new Properties();
        header.setProperty("format", Integer.toString(FORMAT));
        header.setProperty("algorithm", algorithm);
        header.setProperty("iteration", Integer.toString(iteration));
        header.setProperty("configuration", configuration);
        header.setProperty("data_sha256", dataSha256);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ByteArrayOutputStream h = new ByteArrayOutputStream();
            header.store(h, "apprentice training checkpoint");
            writeEntry(zip, HEADER, h.toByteArray());
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                writeEntry(zip, e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint: cannot encode", e);
        }
        Path file = directory.resolve(FILE);
        try {
            DurableFiles.replace(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint: cannot write " + file, e);
        }
        return file;
    }

    /**
     * Reads the checkpoint in {@code directory}, if there is one.
     *
     * @throws IllegalArgumentException when the checkpoint belongs to another algorithm, another
     *     configuration or other demonstrations, or is corrupt
     */
    public static Optional<Checkpoint> load(Path directory, String algorithm, TrainerConfig config, String dataSha256) {
        Path file = directory.resolve(FILE);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint: cannot read " + file, e);
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Properties header = new Properties();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] data = zip.readAllBytes();
                if (e.getName().equals(HEADER)) {
                    header.load(new ByteArrayInputStream(data));
                } else {
                    entries.put(e.getName(), data);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("checkpoint " + file + " is corrupt: " + e.getMessage(), e);
        }
        if (!Integer.toString(FORMAT).equals(header.getProperty("format"))) {
            throw new IllegalArgumentException("checkpoint " + file + ": expected format " + FORMAT + ", found "
                    + header.getProperty("format"));
        }
        String foundAlgorithm = header.getProperty("algorithm");
        if (!algorithm.equals(foundAlgorithm)) {
            throw new IllegalArgumentException("checkpoint " + file + " was written by " + foundAlgorithm
                    + ", not " + algorithm + "; use another checkpoint directory");
        }
        String expectedConfig = configurationOf(config);
        if (!expectedConfig.equals(header.getProperty("configuration"))) {
            throw new IllegalArgumentException("checkpoint " + file + " was written with configuration "
                    + header.getProperty("configuration") + ", this run has " + expectedConfig
                    + "; resume with the same settings or use another checkpoint directory");
        }
        if (!dataSha256.equals(header.getProperty("data_sha256"))) {
            throw new IllegalArgumentException("checkpoint " + file + " was written for demonstrations with hash "
                    + header.getProperty("data_sha256") + ", this run's have " + dataSha256
                    + "; use another checkpoint directory");
        }
        int iteration = Integer.parseInt(header.getProperty("iteration"));
        return Optional.of(new Checkpoint(foundAlgorithm, iteration, expectedConfig, dataSha256, entries));
    }

    private static String configurationOf(TrainerConfig config) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(config.resultSettings()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("configuration cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private Checkpoint put(String key, byte[] value) {
        entries.put(key, value);
        return this;
    }

    private byte[] get(String key) {
        byte[] value = entries.get(key);
        if (value == null) {
            throw new IllegalArgumentException("checkpoint of " + algorithm + " at iteration " + iteration
                    + " has no entry " + key);
        }
        return value;
    }

    @FunctionalInterface
    private interface Encoder {
        void write(DataOutputStream out) throws IOException;
    }

    private Checkpoint putEncoded(String key, Encoder encoder) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            encoder.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return put(key, bytes.toByteArray());
    }

    private DataInputStream decode(String key) {
        InputStream in = new ByteArrayInputStream(get(key));
        return new DataInputStream(in);
    }

    private IllegalArgumentException corrupt(String name, IOException e) {
        return new IllegalArgumentException("checkpoint entry " + name + " is corrupt: " + e.getMessage(), e);
    }

    private static void writeEntry(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0);
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }
}
