package dev.apprentice.phonesecurity.verification;

/**
 * Combining consecutive samples into one decision: a phone that watches its holder for a while
 * can average the scores of the last k samples instead of deciding on each alone.
 *
 * <p>Windows slide with stride 1 over one person's sequence, in the sequence's order, and never
 * span two people: owner windows come from the owner's verification sequence, impostor windows
 * from each impostor's own sequence. In Hold-and-Tap only Sitting sequences are in capture order;
 * Standing and Walking windows combine samples that are neighbours when sorted by the first sensor
 * feature, which flatters fusion there.
 */
public final class ScoreFusion {

    private ScoreFusion() {
    }

    /**
     * The means of every {@code k} consecutive scores: {@code scores.length - k + 1} of them, none
     * when the sequence is shorter than {@code k}.
     */
    public static double[] slidingMeans(double[] scores, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k: expected at least 1 sample per window, found " + k);
        }
        int windows = Math.max(0, scores.length - k + 1);
        double[] means = new double[windows];
        for (int w = 0; w < windows; w++) {
            double sum = 0;
            for (int j = w; j < w + k; j++) {
                sum += scores[j];
            }
            means[w] = sum / k;
        }
        return means;
    }
}
