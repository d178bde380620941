package dev.apprentice.phonesecurity.owners;

import dev.apprentice.phonesecurity.model.SessionScore;

/**
 * A session judged against an owner's served model.
 *
 * @param score the judgement
 * @param targetFar the false-accept rate the accept threshold is set at
 * @param modelVersion the owner's model version that judged it
 */
public record ScoredSession(SessionScore score, double targetFar, int modelVersion) {
}
