package dev.apprentice.service.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Polling for a service's asynchronous work (ingestion, training) in tests, with a message that says what timed out. */
public final class Await {

    private Await() {
    }

    /** Polls {@code condition} every 200 ms until it holds, or fails after {@code timeout} naming {@code what}. */
    public static void until(String what, Duration timeout, Supplier<Boolean> condition) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (!condition.get()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
