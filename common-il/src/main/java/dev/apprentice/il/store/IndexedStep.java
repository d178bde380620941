package dev.apprentice.il.store;

import java.time.Instant;

/** The few fields of a stored step the in-memory index keeps; never the state or action floats. */
record IndexedStep(String domain, String source, String episode, int step, Instant eventTime, boolean terminal,
        String topic, int partition, long offset) {
}
