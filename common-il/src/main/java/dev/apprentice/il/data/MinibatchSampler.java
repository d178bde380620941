package dev.apprentice.il.data;

import java.util.SplittableRandom;

/**
 * Draws minibatches from a {@link DemonstrationSet} into buffers it owns, so a training loop
 * allocates nothing per sample: either epochs over a fresh shuffle ({@link #startEpoch()} and
 * {@link #nextBatch()}) or batches drawn uniformly with replacement ({@link #sampleBatch()}).
 * Not thread-safe: one sampler per training loop.
 */
public final class MinibatchSampler {

    private final DemonstrationSet data;
    private final int batchSize;
    private final SplittableRandom rng;
    private final int[] permutation;
    private final float[] states;
    private final float[] actions;
    private int cursor;
    private int size;

    MinibatchSampler(DemonstrationSet data, int batchSize, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size: expected at least 1, found " + batchSize);
        }
        this.data = data;
        this.batchSize = batchSize;
        this.rng = new SplittableRandom(seed);
        this.permutation = new int[data.size()];
        for (int i = 0; i < permutation.length; i++) {
            permutation[i] = i;
        }
        this.states = new float[batchSize * data.stateWidth()];
        this.actions = new float[batchSize * data.actionWidth()];
        this.cursor = permutation.length;
    }

    /** Reshuffles the samples and rewinds to the first batch of a new epoch. */
    public void startEpoch() {
        for (int i = permutation.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = tmp;
        }
        cursor = 0;
    }

    /**
     * Fills the buffers with the next batch of the epoch; the last batch may be smaller.
     *
     * @return false when the epoch is exhausted
     */
    public boolean nextBatch() {
        if (cursor >= permutation.length) {
            return false;
        }
        int n = Math.min(batchSize, permutation.length - cursor);
        for (int k = 0; k < n; k++) {
            fill(k, permutation[cursor + k]);
        }
        cursor += n;
        size = n;
        return true;
    }

    /** Fills the buffers with {@code batchSize} samples drawn uniformly with replacement. */
    public void sampleBatch() {
        for (int k = 0; k < batchSize; k++) {
            fill(k, rng.nextInt(permutation.length));
        }
        size = batchSize;
    }

    private void fill(int slot, int sample) {
        data.copyState(sample, states, slot * data.stateWidth());
        data.copyAction(sample, actions, slot * data.actionWidth());
    }

    /** Number of samples in the current batch. */
    public int size() {
        return size;
    }

    /**
     * The current batch's states, row after row. The array is the sampler's own buffer (valid
     * until the next call) when the batch is full, a trimmed copy otherwise.
     */
    public float[] states() {
        return size == batchSize ? states : java.util.Arrays.copyOf(states, size * data.stateWidth());
    }

    /** The current batch's actions, under the same sharing rule as {@link #states()}. */
    public float[] actions() {
        return size == batchSize ? actions : java.util.Arrays.copyOf(actions, size * data.actionWidth());
    }
}
