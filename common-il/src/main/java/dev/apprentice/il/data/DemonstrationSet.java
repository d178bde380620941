package dev.apprentice.il.data;

import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Expert (state, action) pairs in columnar float storage, grouped by episode, validated against
 * the spaces on the way in. It is what every trainer reads: cheap minibatches through
 * {@link MinibatchSampler} and a train/validation split by whole episodes, never by sample, so
 * validation states are not near-copies of training states.
 */
public final class DemonstrationSet {

    private final Box stateSpace;
    private final Space actionSpace;
    private final float[] states;
    private final float[] actions;
    private final int[] episodeStarts;

    private DemonstrationSet(Box stateSpace, Space actionSpace, float[] states, float[] actions, int[] episodeStarts) {
        this.stateSpace = stateSpace;
        this.actionSpace = actionSpace;
        this.states = states;
        this.actions = actions;
        this.episodeStarts = episodeStarts;
    }

    /**
     * Builds a set from whole episodes; every decision state and action is checked against the
     * spaces and the error names the episode and step.
     */
    public static DemonstrationSet fromTrajectories(Box stateSpace, Space actionSpace, List<Trajectory> episodes) {
        if (stateSpace == null || actionSpace == null) {
            throw new IllegalArgumentException("demonstrations: state and action spaces are required");
        }
        if (episodes == null || episodes.isEmpty()) {
            throw new IllegalArgumentException("demonstrations: expected at least 1 episode, found none");
        }
        int sw = stateSpace.width();
        int aw = actionSpace.width();
        int total = 0;
        for (int e = 0; e < episodes.size(); e++) {
            Trajectory t = episodes.get(e);
            if (t.stateWidth() != sw || t.actionWidth() != aw) {
                throw new IllegalArgumentException("demonstrations: episode " + e + " has states of width "
                        + t.stateWidth() + " and actions of width " + t.actionWidth() + ", expected " + sw
                        + " and " + aw);
            }
            if (t.length() == 0) {
                throw new IllegalArgumentException("demonstrations: episode " + e + " has no actions");
            }
            total += t.length();
        }
        float[] s = new float[total * sw];
        float[] a = new float[total * aw];
        int[] starts = new int[episodes.size() + 1];
        int n = 0;
        for (int e = 0; e < episodes.size(); e++) {
            Trajectory t = episodes.get(e);
            t.copyDecisionStates(s, n * sw);
            t.copyActions(a, n * aw);
            for (int step = 0; step < t.length(); step++) {
                validateRow(stateSpace, s, (n + step) * sw, sw, e, step, "state");
                validateRow(actionSpace, a, (n + step) * aw, aw, e, step, "action");
            }
            starts[e] = n;
            n += t.length();
        }
        starts[episodes.size()] = n;
        return new DemonstrationSet(stateSpace, actionSpace, s, a, starts);
    }

    /** Checks one row; the error message is only built for an invalid row, as sets are built on hot paths. */
    private static void validateRow(Space space, float[] flat, int offset, int width, int episode, int step, String what) {
        float[] row = new float[width];
        System.arraycopy(flat, offset, row, 0, width);
        if (!space.contains(row)) {
            space.validate(row, "episode " + episode + ", step " + step + ": " + what);
        }
    }

    public Box stateSpace() {
        return stateSpace;
    }

    public Space actionSpace() {
        return actionSpace;
    }

    /** Number of (state, action) samples. */
    public int size() {
        return episodeStarts[episodeStarts.length - 1];
    }

    /** Number of episodes. */
    public int episodeCount() {
        return episodeStarts.length - 1;
    }

    public int stateWidth() {
        return stateSpace.width();
    }

    public int actionWidth() {
        return actionSpace.width();
    }

    /** A copy of sample {@code i}'s state. */
    public float[] state(int i) {
        float[] out = new float[stateWidth()];
        copyState(i, out, 0);
        return out;
    }

    /** A copy of sample {@code i}'s action. */
    public float[] action(int i) {
        float[] out = new float[actionWidth()];
        copyAction(i, out, 0);
        return out;
    }

    /** Copies sample {@code i}'s state into {@code dest} at {@code offset} without allocating. */
    public void copyState(int i, float[] dest, int offset) {
        checkSample(i);
        System.arraycopy(states, i * stateWidth(), dest, offset, stateWidth());
    }

    /** Copies sample {@code i}'s action into {@code dest} at {@code offset} without allocating. */
    public void copyAction(int i, float[] dest, int offset) {
        checkSample(i);
        System.arraycopy(actions, i * actionWidth(), dest, offset, actionWidth());
    }

    /** Number of samples in episode {@code e}. */
    public int episodeLength(int e) {
        if (e < 0 || e >= episodeCount()) {
            throw new IndexOutOfBoundsException("episode " + e + " outside [0, " + episodeCount() + ")");
        }
        return episodeStarts[e + 1] - episodeStarts[e];
    }

    /** The set holding only the given episodes, in the given order. */
    public DemonstrationSet selectEpisodes(int[] episodeIndices) {
        if (episodeIndices.length == 0) {
            throw new IllegalArgumentException("demonstrations: cannot select zero episodes");
        }
        int sw = stateWidth();
        int aw = actionWidth();
        int total = 0;
        for (int e : episodeIndices) {
            total += episodeLength(e);
        }
        float[] s = new float[total * sw];
        float[] a = new float[total * aw];
        int[] starts = new int[episodeIndices.length + 1];
        int n = 0;
        for (int k = 0; k < episodeIndices.length; k++) {
            int e = episodeIndices[k];
            int len = episodeLength(e);
            System.arraycopy(states, episodeStarts[e] * sw, s, n * sw, len * sw);
            System.arraycopy(actions, episodeStarts[e] * aw, a, n * aw, len * aw);
            starts[k] = n;
            n += len;
        }
        starts[episodeIndices.length] = n;
        return new DemonstrationSet(stateSpace, actionSpace, s, a, starts);
    }

    /**
     * The same episodes with every state passed through a feature map, as when a domain's policies
     * learn on features computed from the raw observations the store holds.
     *
     * @param encodedSpace the space the encoded states belong to; each is checked against it
     * @throws IllegalArgumentException when an encoded state is outside {@code encodedSpace}
     */
    public DemonstrationSet mapStates(Box encodedSpace, UnaryOperator<float[]> encoder) {
        int sw = stateWidth();
        int ew = encodedSpace.width();
        float[] s = new float[size() * ew];
        float[] row = new float[sw];
        for (int i = 0; i < size(); i++) {
            System.arraycopy(states, i * sw, row, 0, sw);
            float[] encoded = encoder.apply(row.clone());
            if (encoded.length != ew) {
                throw new IllegalArgumentException("demonstrations: the encoder produced " + encoded.length
                        + " values for state " + i + ", expected " + ew);
            }
            System.arraycopy(encoded, 0, s, i * ew, ew);
            validateRow(encodedSpace, s, i * ew, ew, episodeOf(i), i - episodeStarts[episodeOf(i)], "encoded state");
        }
        return new DemonstrationSet(encodedSpace, actionSpace, s, actions.clone(), episodeStarts.clone());
    }

    /** The episode holding a sample; episode starts are strictly increasing as no episode is empty. */
    private int episodeOf(int sample) {
        int e = Arrays.binarySearch(episodeStarts, sample);
        return e >= 0 ? e : -e - 2;
    }

    /**
     * This set's episodes followed by {@code more}'s, as when DAgger adds relabelled rollouts to
     * the expert's demonstrations.
     *
     * @throws IllegalArgumentException when the two sets have different spaces
     */
    public DemonstrationSet append(DemonstrationSet more) {
        if (!stateSpace.equals(more.stateSpace) || !actionSpace.equals(more.actionSpace)) {
            throw new IllegalArgumentException("demonstrations: cannot append states in " + more.stateSpace
                    + " with actions in " + more.actionSpace + ", expected states in " + stateSpace
                    + " with actions in " + actionSpace);
        }
        float[] s = Arrays.copyOf(states, states.length + more.states.length);
        System.arraycopy(more.states, 0, s, states.length, more.states.length);
        float[] a = Arrays.copyOf(actions, actions.length + more.actions.length);
        System.arraycopy(more.actions, 0, a, actions.length, more.actions.length);
        int[] starts = Arrays.copyOf(episodeStarts, episodeCount() + more.episodeStarts.length);
        for (int e = 0; e < more.episodeStarts.length; e++) {
            starts[episodeCount() + e] = size() + more.episodeStarts[e];
        }
        return new DemonstrationSet(stateSpace, actionSpace, s, a, starts);
    }

    /**
     * Splits whole episodes into training and validation sets. At least one episode stays on each
     * side when there are two or more; a single episode cannot be split.
     *
     * @param validationFraction share of episodes held out, in (0, 1)
     * @param seed seed of the episode shuffle
     */
    public Split splitByEpisode(double validationFraction, long seed) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction: expected a value in (0, 1), found "
                    + validationFraction);
        }
        int episodes = episodeCount();
        if (episodes < 2) {
            throw new IllegalArgumentException("demonstrations: a split by episode needs at least 2 episodes, found "
                    + episodes);
        }
        int[] order = new int[episodes];
        for (int i = 0; i < episodes; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = episodes - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int validation = (int) Math.round(validationFraction * episodes);
        validation = Math.max(1, Math.min(episodes - 1, validation));
        int[] val = new int[validation];
        int[] train = new int[episodes - validation];
        System.arraycopy(order, 0, val, 0, validation);
        System.arraycopy(order, validation, train, 0, train.length);
        java.util.Arrays.sort(val);
        java.util.Arrays.sort(train);
        return new Split(selectEpisodes(train), selectEpisodes(val));
    }

    /** A sampler of minibatches of at most {@code batchSize} samples, reusing its buffers. */
    public MinibatchSampler sampler(int batchSize, long seed) {
        return new MinibatchSampler(this, batchSize, seed);
    }

    /** Per-dimension mean and standard deviation of the states, for observation normalisation. */
    public float[][] stateMoments() {
        int sw = stateWidth();
        double[] mean = new double[sw];
        double[] m2 = new double[sw];
        int n = size();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < sw; j++) {
                double x = states[i * sw + j];
                double delta = x - mean[j];
                mean[j] += delta / (i + 1);
                m2[j] += delta * (x - mean[j]);
            }
        }
        float[] mu = new float[sw];
        float[] sd = new float[sw];
        for (int j = 0; j < sw; j++) {
            mu[j] = (float) mean[j];
            sd[j] = (float) Math.sqrt(m2[j] / Math.max(1, n));
        }
        return new float[][] {mu, sd};
    }

    /**
     * SHA-256 over the spaces, episode boundaries, states and actions: the fingerprint a model
     * card records so anyone can check which data a policy was trained on.
     */
    public String sha256() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        digest.update(stateSpace.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        digest.update(actionSpace.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ByteBuffer buf = ByteBuffer.allocate(4 * Math.max(episodeStarts.length, 1024)).order(ByteOrder.LITTLE_ENDIAN);
        for (int start : episodeStarts) {
            buf.putInt(start);
        }
        buf.flip();
        digest.update(buf);
        updateFloats(digest, states);
        updateFloats(digest, actions);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void updateFloats(MessageDigest digest, float[] values) {
        ByteBuffer buf = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            if (!buf.hasRemaining()) {
                buf.flip();
                digest.update(buf);
                buf.clear();
            }
            buf.putFloat(v);
        }
        buf.flip();
        digest.update(buf);
    }

    /** All samples as transitions; convenient for small sets and tests, not for training loops. */
    public List<Transition> transitions() {
        List<Transition> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(new Transition(state(i), action(i)));
        }
        return out;
    }

    private void checkSample(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("sample " + i + " outside [0, " + size() + ")");
        }
    }

    /** A train/validation pair produced by {@link #splitByEpisode(double, long)}. */
    public record Split(DemonstrationSet training, DemonstrationSet validation) {
    }
}
