package dev.apprentice.anesthesia.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the service recommends for one decision: both rates with their units, whether and why the
 * safety envelope changed them, or a deferral to the clinician with the reason; and which policy
 * decided.
 *
 * @param propofol the propofol rate (absent when deferred)
 * @param remifentanil the remifentanil rate (absent when deferred)
 * @param clamped whether the envelope changed the policy's rates
 * @param clampReasons why, one line per change
 * @param deferred whether the service gives no recommendation and defers to the clinician
 * @param deferralReason why it defers
 * @param model the served model
 * @param policyVersion the registry version that decided
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Recommendation(Dose propofol, Dose remifentanil, boolean clamped, List<String> clampReasons,
        boolean deferred, String deferralReason, String model, int policyVersion) {

    /**
     * One recommended rate.
     *
     * @param rate the rate
     * @param unit its unit, e.g. {@code mg/kg/h}
     */
    public record Dose(double rate, String unit) {
    }
}
