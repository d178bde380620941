package dev.apprentice.service.domain;

/** A domain's last word on a decision: it may pass, clamp or refuse the policy's action, with reasons. */
public interface DecisionGuard {

    /** Reviews the policy's action for a raw observation. */
    GuardVerdict review(float[] observation, float[] action);
}
