package dev.apprentice.phonesecurity.model;

/**
 * The judgement of one session: its fused score over the last samples, the two thresholds for
 * that many samples, and the verdict they give.
 *
 * @param score mean fused score of the samples used (higher = more like the owner)
 * @param samplesUsed how many of the session's latest samples were averaged
 * @param acceptThreshold the score at and above which the session is accepted
 * @param lockThreshold the score below which the phone is locked
 * @param verdict accept, step up or lock
 */
public record SessionScore(double score, int samplesUsed, double acceptThreshold, double lockThreshold,
        SessionVerdict verdict) {
}
