package dev.apprentice.il.stream;

import dev.apprentice.il.store.DemonstrationStore;
import dev.apprentice.il.data.ExpertStep;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An ingester in its own JVM that kills itself — {@code Runtime.halt}, no shutdown hooks, no
 * commit — right after its N-th batch is durably stored: the crash window between store and
 * offset commit. Used by {@link IngesterCrashTest}.
 */
public final class IngesterCrashMain {

    /** Exit status that proves the halt happened where intended. */
    static final int HALTED = 3;

    private IngesterCrashMain() {
    }

    /**
     * Arguments: bootstrap servers, topic, store directory, flushes before the halt, records per
     * batch, and optionally a transactional id (one replica of several) with its session timeout in ms.
     */
    public static void main(String[] args) {
        String bootstrap = args[0];
        String topic = args[1];
        Path storeDir = Path.of(args[2]);
        int haltAfter = Integer.parseInt(args[3]);
        int batch = Integer.parseInt(args[4]);
        IngesterConfig config = IngesterConfig.defaults(bootstrap, topic).withBatching(batch, batch,
                Duration.ofSeconds(30));
        if (args.length > 5) {
            config = IngesterCrashTest.replica(config, args[5], Integer.parseInt(args[6]));
        }
        DemonstrationStore store = DemonstrationStore.open(storeDir);
        IngestionListener crash = new IngestionListener() {
            private int flushes;

            @Override
            public void storeFlushed(int newRecords) {
                if (++flushes == haltAfter) {
                    Runtime.getRuntime().halt(HALTED);
                }
            }
        };
        new DemonstrationIngester<ExpertStep>(config, StreamFixtures.STEPS, StepMapper.identity(),
                StreamFixtures.VALIDATOR, store, crash).run();
        System.exit(1);
    }
}
