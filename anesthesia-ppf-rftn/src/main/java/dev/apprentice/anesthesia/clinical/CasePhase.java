package dev.apprentice.anesthesia.clinical;

/** The part of a case a decision belongs to; the quality metrics read maintenance only. */
public enum CasePhase {
    /** The first {@link #INDUCTION_SECONDS} seconds after the first drug. */
    INDUCTION,
    /** The rest of the case. */
    MAINTENANCE;

    /** Length of induction: 10 minutes. */
    public static final int INDUCTION_SECONDS = 600;

    /** The phase at {@code elapsedSeconds} after the case started. */
    public static CasePhase at(double elapsedSeconds) {
        return elapsedSeconds < INDUCTION_SECONDS ? INDUCTION : MAINTENANCE;
    }
}
