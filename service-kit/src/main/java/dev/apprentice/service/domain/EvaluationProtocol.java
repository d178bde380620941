package dev.apprentice.service.domain;

/**
 * How a policy was evaluated: results are comparable only under equal protocols.
 *
 * @param firstSeed first held-out seed (training data never uses these)
 * @param episodes episodes evaluated
 * @param expert the expert the policy is compared with (normalised return 1 = this expert)
 * @param version the domain's evaluation code version; bump it when metrics change meaning
 */
public record EvaluationProtocol(long firstSeed, int episodes, String expert, String version) {

    public EvaluationProtocol {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes: expected at least 1, found " + episodes);
        }
    }
}
