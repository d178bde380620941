package dev.apprentice.phonesecurity.owners;

/**
 * One sample of the page's live session, scored with the session's samples so far: a score and
 * its thresholds, never a feature value.
 *
 * @param index the point's running number
 * @param atMillis when it was scored (epoch milliseconds)
 * @param holder {@code owner} or {@code impostor}: who is holding the demo owner's phone
 * @param session the live session's running number
 * @param samplesUsed the session's latest samples the score averages
 * @param score the session's score so far
 * @param acceptThreshold the score at or above which the session is accepted
 * @param lockThreshold the score below which it locks
 * @param decision {@code accept}, {@code step-up} or {@code lock}
 */
public record LivePoint(long index, long atMillis, String holder, long session, int samplesUsed, double score,
        double acceptThreshold, double lockThreshold, String decision) {
}
