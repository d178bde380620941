package dev.apprentice.service.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/** Polling for a service's asynchronous work (ingestion, training) in tests, with a message that says what timed out. */
public final class Await {

    private Await() {
    }

    /**
     * Polls {@code condition} every 200 ms until it holds, or fails after {@code timeout} naming
     * {@code what}; an exception from the condition fails at once, with it as the cause.
     */
    public static void until(String what, Duration timeout, Callable<Boolean> condition) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (!holds(what, condition)) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    private static boolean holds(String what, Callable<Boolean> condition) {
        try {
            return condition.call();
        } catch (Exception e) {
            throw new AssertionError("while waiting for " + what + ": " + e, e);
        }
    }
}
