package dev.apprentice.service.live;

/**
 * One animation frame of the live view: the same seeded episode driven by the served policy and
 * by the expert, side by side. Scenes are the domain's own records, drawn by its page script.
 *
 * @param seed the episode's simulator seed
 * @param policyVersion the registry version acting, or 0 when none is served yet
 * @param policyAlgorithm its algorithm, or null
 * @param policy the policy's scene, or null when none is served
 * @param expert the expert's scene
 * @param policyAction the policy's latest action, or null
 * @param policyGuard what the domain's guard did to that action ("clamped: …" or "deferred to the expert: …",
 *     with its reasons), or null when it passed unchanged or the domain has no guard
 * @param expertAction the expert's latest action
 * @param policyReturn the policy's return so far in this episode
 * @param expertReturn the expert's return so far
 * @param policyDone the policy's episode is over
 * @param expertDone the expert's episode is over
 */
public record LiveFrame(long seed, int policyVersion, String policyAlgorithm, Object policy, Object expert,
        String policyAction, String policyGuard, String expertAction, double policyReturn, double expertReturn, boolean policyDone,
        boolean expertDone) {
}
