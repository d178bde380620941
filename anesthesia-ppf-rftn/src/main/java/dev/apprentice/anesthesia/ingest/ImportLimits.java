package dev.apprentice.anesthesia.ingest;

/**
 * The bounds of an import, because a whole case is held in memory before anything is published
 * and because a value repeated from long ago is no longer what the clinician saw.
 *
 * @param maxBytes the largest file read
 * @param maxRows the most data rows read
 * @param maxSpanSeconds the longest recording (last time minus first time) read, s
 * @param freshSeconds a monitor value at most this old is current: the monitors refresh BIS about
 *     every second and the arterial MAP every two, so older values count as carried forward
 * @param maxCarrySeconds a value older than this is missing, and the decision that needs it is skipped
 * @param maxPumpMlPerHour the fastest a syringe pump runs, mL/h
 */
public record ImportLimits(long maxBytes, int maxRows, int maxSpanSeconds, int freshSeconds, int maxCarrySeconds,
        double maxPumpMlPerHour) {

    /** 48 hours of one row a second. */
    public static final int DEFAULT_MAX_ROWS = 48 * 3600;

    public ImportLimits {
        if (maxBytes < 1 || maxRows < 1 || maxSpanSeconds < 1) {
            throw new IllegalArgumentException("limits: expected positive maxBytes, maxRows and maxSpanSeconds, found "
                    + maxBytes + ", " + maxRows + ", " + maxSpanSeconds);
        }
        if (freshSeconds < 0 || maxCarrySeconds < freshSeconds) {
            throw new IllegalArgumentException("limits: expected 0 <= freshSeconds <= maxCarrySeconds, found "
                    + freshSeconds + " and " + maxCarrySeconds);
        }
        if (!(maxPumpMlPerHour > 0) || Double.isInfinite(maxPumpMlPerHour)) {
            throw new IllegalArgumentException("maxPumpMlPerHour: expected a positive rate, found " + maxPumpMlPerHour);
        }
    }

    /**
     * 256 MiB and 48 h of rows (a full VitalDB export of a long case fits), values current for 5 s
     * and carried for at most 60 s, pumps up to 1,200 mL/h (the bolus rate of common syringe pumps).
     */
    public static ImportLimits defaults() {
        return new ImportLimits(256L << 20, DEFAULT_MAX_ROWS, DEFAULT_MAX_ROWS, 5, 60, 1200);
    }

    /** These limits with another maximum file size and row count (tests, small deployments). */
    public ImportLimits withSize(long bytes, int rows) {
        return new ImportLimits(bytes, rows, maxSpanSeconds, freshSeconds, maxCarrySeconds, maxPumpMlPerHour);
    }
}
