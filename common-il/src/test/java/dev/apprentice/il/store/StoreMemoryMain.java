package dev.apprentice.il.store;

import dev.apprentice.il.data.ExpertStep;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A store writer and reloader in its own small-heap JVM, so a test can show that the index fits
 * whatever step numbers the records carry. Prints what it measured; exits 0 when the reopened
 * store holds every accepted record, 2 when it does not. Used by {@link StoreMemoryBoundTest}.
 */
public final class StoreMemoryMain {

    /** Exit status when the reopened store does not hold what was accepted. */
    static final int WRONG_COUNT = 2;

    private static final int FLUSH_EVERY = 10_000;

    private StoreMemoryMain() {
    }

    /**
     * Arguments: store directory, {@code hostile} (steps drawn from [0, MAX_STEP] over random
     * episodes) or {@code contiguous} (episodes of 1,000 steps in order), record count, seed.
     */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        boolean hostile = args[1].equals("hostile");
        int records = Integer.parseInt(args[2]);
        SplittableRandom rng = new SplittableRandom(Long.parseLong(args[3]));
        long accepted = 0;
        long started = System.nanoTime();
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            for (int i = 0; i < records; i++) {
                String source = hostile ? "src-" + rng.nextInt(16) : "src-" + (i / 1000 % 16);
                String episode = hostile ? "ep-" + rng.nextInt(1_250) : "ep-" + i / 1000;
                int step = hostile ? rng.nextInt(ExpertStep.MAX_STEP + 1) : i % 1000;
                ExpertStep s = new ExpertStep("lane-change", source, episode, step, ExpertSteps.T0.plusMillis(i),
                        new float[] {i % 7, -(i % 5)}, new float[] {i % 3}, true, false, false, null, Map.of());
                if (store.append(s, new RecordOrigin("demos", 0, i)).accepted()) {
                    accepted++;
                }
                if ((i + 1) % FLUSH_EVERY == 0) {
                    store.flush();
                }
            }
        }
        long written = System.nanoTime();
        long before = usedAfterGc();
        long loaded;
        long reopened;
        long used;
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            loaded = System.nanoTime();
            used = usedAfterGc();
            reopened = store.size();
            System.out.printf("mode=%s records=%d accepted=%d reopened=%d episodes=%d heapMax=%dMiB"
                    + " indexBytesPerStep=%.1f writeMillis=%d loadMillis=%d%n", args[1], records, accepted, reopened,
                    store.statistics().episodes(), Runtime.getRuntime().maxMemory() >> 20,
                    (double) (used - before) / reopened, (written - started) / 1_000_000,
                    (loaded - written) / 1_000_000);
        }
        System.exit(reopened == accepted ? 0 : WRONG_COUNT);
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
