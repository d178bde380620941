package dev.apprentice.service.domain;

/**
 * Per-domain request limits (the body size limit is {@code quarkus.http.limits.max-body-size} in
 * the service's properties).
 *
 * @param maxBatch most decision requests in one batch call
 */
public record DomainLimits(int maxBatch) {

    /** 1,024 requests per batch. */
    public static final DomainLimits DEFAULT = new DomainLimits(1024);

    public DomainLimits {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch: expected at least 1, found " + maxBatch);
        }
    }
}
