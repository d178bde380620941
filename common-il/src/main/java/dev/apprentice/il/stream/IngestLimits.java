package dev.apprentice.il.stream;

import dev.apprentice.il.data.ExpertStep;
import java.time.Duration;
import java.time.Instant;

/**
 * A domain's bounds on what a record may claim, checked at ingest so that valid-looking records
 * with absurd step numbers, ids or times are dead-lettered instead of stored.
 *
 * @param maxEpisodeSteps the longest episode accepted, in steps: a step index must be below it
 * @param maxIdLength the longest domain, source and episode id accepted, in characters
 * @param earliestEventTime the earliest event time accepted
 * @param maxClockSkew how far past the ingester's clock an event time may lie
 */
public record IngestLimits(int maxEpisodeSteps, int maxIdLength, Instant earliestEventTime, Duration maxClockSkew) {

    /** Episodes up to 100,000 steps: more than twice a 30-minute StarCraft II game. */
    public static final int DEFAULT_MAX_EPISODE_STEPS = 100_000;
    /** Ids up to 128 characters: room for a UUID with a prefix, not for a payload. */
    public static final int DEFAULT_MAX_ID_LENGTH = 128;
    /** No event before 2000-01-01: older times are an unset or wrongly scaled clock. */
    public static final Instant DEFAULT_EARLIEST_EVENT_TIME = Instant.parse("2000-01-01T00:00:00Z");
    /** Event times up to a day ahead of the ingester's clock. */
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofDays(1);

    public IngestLimits {
        if (maxEpisodeSteps < 1 || maxEpisodeSteps > ExpertStep.MAX_STEP + 1) {
            throw new IllegalArgumentException("maxEpisodeSteps: expected a length in [1, " + (ExpertStep.MAX_STEP + 1)
                    + "], found " + maxEpisodeSteps);
        }
        if (maxIdLength < 1) {
            throw new IllegalArgumentException("maxIdLength: expected a length >= 1, found " + maxIdLength);
        }
        if (earliestEventTime == null) {
            throw new IllegalArgumentException("earliestEventTime: expected a time, found null");
        }
        if (maxClockSkew == null || maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("maxClockSkew: expected a duration >= 0, found " + maxClockSkew);
        }
    }

    /** 100,000 steps, 128-character ids, event times from 2000-01-01 to a day ahead. */
    public static IngestLimits defaults() {
        return new IngestLimits(DEFAULT_MAX_EPISODE_STEPS, DEFAULT_MAX_ID_LENGTH, DEFAULT_EARLIEST_EVENT_TIME,
                DEFAULT_MAX_CLOCK_SKEW);
    }

    /**
     * @param now the ingester's clock
     * @throws IllegalArgumentException naming the field when the step breaks a limit
     */
    void check(ExpertStep step, Instant now) {
        checkId(step.domain(), "domain");
        checkId(step.source(), "source");
        checkId(step.episode(), "episode");
        if (step.step() >= maxEpisodeSteps) {
            throw new IllegalArgumentException("step: expected a step index below the domain's maximum episode length "
                    + maxEpisodeSteps + ", found " + step.step());
        }
        if (step.eventTime().isBefore(earliestEventTime)) {
            throw new IllegalArgumentException("eventTime: expected a time at or after " + earliestEventTime + ", found "
                    + step.eventTime());
        }
        Instant latest = now.plus(maxClockSkew);
        if (step.eventTime().isAfter(latest)) {
            throw new IllegalArgumentException("eventTime: expected a time at most " + maxClockSkew + " after the"
                    + " ingester's clock, so at or before " + latest + ", found " + step.eventTime());
        }
    }

    private void checkId(String id, String field) {
        if (id.length() > maxIdLength) {
            throw new IllegalArgumentException(field + ": expected an id of at most " + maxIdLength + " characters,"
                    + " found " + id.length() + " characters");
        }
    }
}
