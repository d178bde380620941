package dev.apprentice.il.discriminator;

import dev.apprentice.il.policy.ObservationNormalizer;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import dev.apprentice.il.spaces.Space;

/**
 * Turns a (state, action) pair into the discriminator's input row: the normalised state followed
 * by the action, one-hot for discrete actions and scaled to [−1, 1] for bounded boxes, so that
 * training and the reward snapshot encode identically.
 */
final class DiscriminatorInput {

    private final ObservationNormalizer normalizer;
    private final Space actionSpace;
    private final int stateWidth;
    private final int width;

    DiscriminatorInput(ObservationNormalizer normalizer, Space actionSpace) {
        this.normalizer = normalizer;
        this.actionSpace = actionSpace;
        this.stateWidth = normalizer.dimension();
        this.width = stateWidth + (actionSpace instanceof Discrete d ? d.n() : actionSpace.width());
    }

    int width() {
        return width;
    }

    ObservationNormalizer normalizer() {
        return normalizer;
    }

    /** Encodes {@code n} rows of states and actions (row after row) into {@code n * width()} values. */
    float[] encode(float[] states, float[] actions, int n) {
        float[] out = new float[n * width];
        int aw = actionSpace.width();
        float[] state = new float[stateWidth];
        for (int i = 0; i < n; i++) {
            System.arraycopy(states, i * stateWidth, state, 0, stateWidth);
            encodeRow(state, actions, i * aw, out, i * width);
        }
        return out;
    }

    /** Encodes one pair. */
    float[] encode(float[] state, float[] action) {
        float[] out = new float[width];
        encodeRow(state, action, 0, out, 0);
        return out;
    }

    private void encodeRow(float[] state, float[] actions, int actionOffset, float[] out, int offset) {
        float[] z = normalizer.normalize(state);
        System.arraycopy(z, 0, out, offset, stateWidth);
        int a = offset + stateWidth;
        if (actionSpace instanceof Discrete d) {
            int index = (int) actions[actionOffset];
            if (index < 0 || index >= d.n()) {
                throw new IllegalArgumentException("action: expected an index in [0, " + (d.n() - 1) + "], found " + index);
            }
            out[a + index] = 1f;
            return;
        }
        Box box = (Box) actionSpace;
        for (int j = 0; j < box.dimension(); j++) {
            float v = actions[actionOffset + j];
            float lo = box.low(j);
            float hi = box.high(j);
            out[a + j] = Float.isFinite(lo) && Float.isFinite(hi) ? 2 * (v - lo) / (hi - lo) - 1 : v;
        }
    }
}
