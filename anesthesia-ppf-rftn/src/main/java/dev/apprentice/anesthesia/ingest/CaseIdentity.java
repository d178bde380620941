package dev.apprentice.anesthesia.ingest;

import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.il.stream.IngestLimits;
import java.time.Instant;

/**
 * What a case file does not hold and the caller knows from elsewhere (VitalDB keeps it in a
 * separate clinical table): who the patient was, which case and which clinician, and when it began.
 *
 * @param caseId the case (episode) id
 * @param clinicianId the anaesthesiologist whose decisions these are
 * @param style the label of how they dose, e.g. {@code recorded}
 * @param patient the covariates the pharmacokinetic models read
 * @param caseStart the instant of the first drug; decisions are stamped with it plus their elapsed time
 */
public record CaseIdentity(String caseId, String clinicianId, String style, Covariates patient, Instant caseStart) {

    /** The style label of imported cases. */
    public static final String RECORDED = "recorded";
    /**
     * The case start used when the real one is unknown (exports are often de-identified by
     * shifting dates): 2000-01-01, the earliest event time the ingester accepts. The Unix epoch
     * would be dead-lettered as an unset clock.
     */
    public static final Instant UNKNOWN_START = IngestLimits.DEFAULT_EARLIEST_EVENT_TIME;

    public CaseIdentity {
        text(caseId, "caseId");
        text(clinicianId, "clinicianId");
        text(style, "style");
        if (patient == null) {
            throw new IllegalArgumentException("patient: expected the patient's covariates, found null");
        }
        if (caseStart == null) {
            throw new IllegalArgumentException("caseStart: expected an instant, found null");
        }
    }

    /** A recorded case of unknown start date. */
    public static CaseIdentity recorded(String caseId, String clinicianId, Covariates patient) {
        return new CaseIdentity(caseId, clinicianId, RECORDED, patient, UNKNOWN_START);
    }

    /** This identity with the case's real start instant. */
    public CaseIdentity startingAt(Instant start) {
        return new CaseIdentity(caseId, clinicianId, style, patient, start);
    }

    private static void text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": expected an id, found " + (value == null ? "null" : "'" + value + "'"));
        }
    }
}
