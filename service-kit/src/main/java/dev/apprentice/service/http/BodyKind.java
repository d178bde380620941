package dev.apprentice.service.http;

/** What an endpoint's body holds, which sets how large it may be ({@code apprentice.http.body-limit.*}). */
public enum BodyKind {
    /** One decision request. */
    DECISION,
    /** A batch of decision requests (up to the domain's {@code DomainLimits.maxBatch}). */
    BATCH,
    /** A small command: a training job, an expert run, anything not marked otherwise. */
    COMMAND,
    /** An uploaded file sent as {@code application/octet-stream}, e.g. a game replay. */
    FILE
}
