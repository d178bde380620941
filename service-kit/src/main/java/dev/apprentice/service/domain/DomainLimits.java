package dev.apprentice.service.domain;

import dev.apprentice.il.stream.IngestLimits;

/**
 * Per-domain limits on what senders may make the service hold: decisions per batch call, and the
 * bounds every ingested step is checked against before it is stored (episode length, id lengths,
 * event times), so that memory follows what is stored, never a number a sender picks. Body sizes
 * per endpoint are {@code apprentice.http.body-limit.*}.
 *
 * @param maxBatch most decision requests in one batch call
 * @param ingest the bounds on ingested steps; a step outside them is dead-lettered with the reason
 */
public record DomainLimits(int maxBatch, IngestLimits ingest) {

    /** 1,024 requests per batch and the core's default ingest bounds. */
    public static final DomainLimits DEFAULT = new DomainLimits(1024, IngestLimits.defaults());

    public DomainLimits {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch: expected at least 1, found " + maxBatch);
        }
        if (ingest == null) {
            throw new IllegalArgumentException("ingest: expected ingest limits, found null");
        }
    }
}
