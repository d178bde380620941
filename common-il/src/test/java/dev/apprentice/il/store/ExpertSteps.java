package dev.apprentice.il.store;

import dev.apprentice.il.data.ExpertStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Expert steps with predictable contents, for the store tests. */
final class ExpertSteps {

    static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");

    private ExpertSteps() {
    }

    /** State {@code t} of an episode of the given width: (t, -t, t, -t, ...) shifted by {@code base}. */
    static float[] state(int width, float base, int t) {
        float[] s = new float[width];
        for (int i = 0; i < width; i++) {
            s[i] = base + (i % 2 == 0 ? t : -t);
        }
        return s;
    }

    /**
     * An episode of {@code length} discrete steps with states of width 2 and action {@code t % 3},
     * one second apart from {@code start}, ended by the environment.
     */
    static List<ExpertStep> discrete(String source, String episode, int length, Instant start) {
        return episode("lane-change", source, episode, length, start, 2, true, false, false, null);
    }

    /**
     * An episode of {@code length} steps.
     *
     * @param discrete whether actions are the index {@code t % 3}, else the continuous (t / 10, -t / 10)
     * @param terminal whether the last step is terminal
     * @param timeLimited whether the terminal step was cut by a time limit
     * @param finalState the terminal step's final state, or null
     */
    static List<ExpertStep> episode(String domain, String source, String episode, int length, Instant start,
            int stateWidth, boolean discrete, boolean terminal, boolean timeLimited, float[] finalState) {
        List<ExpertStep> steps = new ArrayList<>(length);
        for (int t = 0; t < length; t++) {
            boolean last = terminal && t == length - 1;
            float[] action = discrete ? new float[] {t % 3} : new float[] {t / 10f, -t / 10f};
            steps.add(new ExpertStep(domain, source, episode, t, start.plus(Duration.ofSeconds(t)),
                    state(stateWidth, 0, t), action, discrete, last, last && timeLimited, last ? finalState : null,
                    Map.of("seed", "7")));
        }
        return steps;
    }

    /** An ended episode of discrete steps, the common case. */
    static List<ExpertStep> ended(String source, String episode, int length, Instant start) {
        return episode("lane-change", source, episode, length, start, 2, true, true, false, null);
    }

    /**
     * Appends the steps with consecutive offsets from {@code firstOffset} on the given topic
     * partition and returns the next free offset.
     */
    static long append(DemonstrationStore store, List<ExpertStep> steps, String topic, int partition,
            long firstOffset) {
        long offset = firstOffset;
        for (ExpertStep s : steps) {
            store.append(s, new RecordOrigin(topic, partition, offset++));
        }
        return offset;
    }
}
