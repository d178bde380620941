package dev.apprentice.service.ingest;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

/**
 * Where a replica's ingestion is, and since when: the one answer that readiness, the ingest
 * endpoint and the page give when the store or the ingester has failed.
 *
 * @param state where ingestion is
 * @param cause the original error's message for the two failed states (file paths shortened to
 *     their last part), otherwise null
 * @param since when ingestion entered this state
 */
public record IngestionStatus(State state, String cause, Instant since) {

    /** The states of a replica's ingestion. */
    public enum State {
        /** A serving-only replica ({@code apprentice.kafka.ingest=false}): nothing to ingest. */
        DISABLED,
        /** Not started yet, or stopped by a shutdown. */
        STOPPED,
        /** The ingester is consuming. */
        RUNNING,
        /** The store could not be opened: no ingestion and no training until it is repaired. */
        STORE_FAILED,
        /** The ingester stopped on an error; the store is open and training still reads it. */
        INGESTER_FAILED;

        /** The lower-case name the API uses. */
        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Whether ingestion has failed and needs someone's attention. */
    public boolean failed() {
        return state == State.STORE_FAILED || state == State.INGESTER_FAILED;
    }

    /**
     * The message of an error as a cause anyone may read: its own message (never the class name or
     * a stack), with every absolute file path cut to its last part.
     */
    static String describe(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            message = error instanceof OutOfMemoryError ? "out of memory" : "unexpected error without a message";
        }
        return message.replaceAll("(?:/[^/\\s:,;'\"()]+)+/([^/\\s:,;'\"()]+)", "$1");
    }
}
