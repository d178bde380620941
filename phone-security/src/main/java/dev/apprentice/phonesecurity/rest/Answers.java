package dev.apprentice.phonesecurity.rest;

import dev.apprentice.phonesecurity.model.PolicyInitialisation;
import dev.apprentice.phonesecurity.model.SessionVerdict;

/** The typed answers of the phone-security endpoints, so that OpenAPI describes them. */
public final class Answers {

    private Answers() {
    }

    /**
     * A new key for one user, shown once.
     *
     * @param userId the user it may act for
     * @param key send as {@code Authorization: Bearer <key>}
     */
    public record UserKey(String userId, String key) {
    }

    /**
     * An enrolment.
     *
     * @param userId the user
     * @param modelVersion the version of the user's model now served
     * @param samplesUsed samples it was learned from
     * @param origin {@code request} or {@code stream}
     * @param populationVersion the population model it was learned against
     * @param targetFar the false-accept rate its accept thresholds are set at
     */
    public record Enrolment(String userId, int modelVersion, int samplesUsed, String origin, int populationVersion,
            double targetFar) {
    }

    /**
     * A judged session.
     *
     * @param decision accept, step-up or lock
     * @param score mean fused score of the samples used (higher = more like the owner)
     * @param threshold the accept threshold for that many samples
     * @param lockThreshold below it the phone is locked
     * @param targetFar the false-accept rate the accept threshold is set at
     * @param samplesUsed how many of the latest samples were averaged
     * @param modelVersion the user's model version that judged
     */
    public record SessionScore(SessionVerdict decision, double score, double threshold, double lockThreshold,
            double targetFar, int samplesUsed, int modelVersion) {
    }

    /**
     * What a deletion removed.
     *
     * @param userId the deleted user
     * @param keysRevoked API keys of the user revoked
     * @param dataKeyDestroyed whether the user's data key existed and was destroyed (their records on the topic can no longer be opened)
     * @param storedSamplesErased stored behaviour samples erased
     * @param storedSessionsErased stored sessions erased
     * @param modelVersionsDeleted versions of the user's model deleted from the registry
     */
    public record Erasure(String userId, int keysRevoked, boolean dataKeyDestroyed, long storedSamplesErased,
            long storedSessionsErased, int modelVersionsDeleted) {
    }

    /**
     * The population model.
     *
     * @param version its version
     * @param people people it was learned from
     * @param samples samples it was learned from
     */
    public record Population(int version, int people, int samples) {
    }

    /**
     * A policy start, learned and promoted in the few-shot registry.
     *
     * @param version its registry version
     * @param initialisation scratch, pooled, maml or reptile
     * @param populationVersion the population model whose coordinates it acts in
     * @param people population people it was learned from
     * @param samples their samples
     */
    public record PolicyStart(int version, PolicyInitialisation initialisation, int populationVersion, int people,
            int samples) {
    }

    /**
     * A few-shot owner policy, adapted and promoted in the few-shot registry.
     *
     * @param userId the user
     * @param modelVersion the new version of the user's few-shot policy
     * @param samplesUsed samples it was adapted on
     * @param metaModel the registry name of the start it was adapted from
     * @param metaModelVersion that start's version
     * @param initialisation how that start was made
     */
    public record FewShotEnrolment(String userId, int modelVersion, int samplesUsed, String metaModel,
            int metaModelVersion, PolicyInitialisation initialisation) {
    }
}
