package dev.apprentice.il.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index's memory follows what is stored, not the step numbers a sender picks: proven in a child
 * JVM with a heap far smaller than step-sized bitmaps of the same records would need.
 */
@Tag("reliability")
class StoreMemoryBoundTest {

    private static final String HEAP = "-Xmx96m";
    private static final int RECORDS = 100_000;

    @TempDir
    Path dir;

    @Test
    void givenRecordsWithStepsScatteredUpToTheMaximum_whenStoredAndReopenedInA96MiBHeap_thenEveryRecordIsIndexed()
            throws Exception {
        String out = runChild("hostile");

        assertTrue(out.contains("reopened=" + acceptedIn(out)), out);
    }

    @Test
    void givenEpisodesReceivedInOrder_whenStoredAndReopenedInA96MiBHeap_thenEveryRecordIsIndexed() throws Exception {
        String out = runChild("contiguous");

        assertTrue(out.contains("accepted=" + RECORDS + " reopened=" + RECORDS), out);
    }

    /** Runs {@link StoreMemoryMain} and returns what it printed, after checking it exited 0 in time. */
    private String runChild(String mode) throws IOException, InterruptedException {
        Path log = dir.resolve(mode + ".log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-cp", System.getProperty("java.class.path"), StoreMemoryMain.class.getName(),
                dir.resolve(mode).toString(), mode, Integer.toString(RECORDS), "12")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = child.waitFor(90, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly().waitFor();
        }
        String out = java.nio.file.Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(out.lines().filter(l -> l.startsWith("mode=")).findFirst().orElse(out));
        assertTrue(ended, "child did not finish within 90 s: " + out);
        assertEquals(0, child.exitValue(), out);
        return out;
    }

    private static String acceptedIn(String out) {
        int at = out.indexOf("accepted=") + "accepted=".length();
        return out.substring(at, out.indexOf(' ', at));
    }
}
