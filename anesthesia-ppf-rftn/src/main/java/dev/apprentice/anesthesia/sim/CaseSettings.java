package dev.apprentice.anesthesia.sim;

/**
 * How simulated cases run.
 *
 * @param minSeconds shortest case, s
 * @param maxSeconds longest case, s (each case's length is uniform in between, from its seed)
 * @param decisionIntervalSeconds seconds between decisions; rates stay constant in between
 * @param patientModel the propofol model the simulated patient follows
 * @param pumpModel the propofol model the pump uses for its effect-site estimates (remifentanil: Minto for both)
 * @param noise the monitors' delay and noise
 * @param stimulation whether surgery stimulates the patient
 */
public record CaseSettings(int minSeconds, int maxSeconds, int decisionIntervalSeconds, PropofolModel patientModel,
        PropofolModel pumpModel, MonitorNoise noise, boolean stimulation) {

    /**
     * 50–70 minute cases, a decision every 10 s (how often TCI pumps recompute), Schnider patients
     * and pumps, default monitor noise, surgical stimulation.
     */
    public static final CaseSettings DEFAULT = new CaseSettings(3000, 4200, 10, PropofolModel.SCHNIDER,
            PropofolModel.SCHNIDER, MonitorNoise.DEFAULT, true);

    public CaseSettings {
        if (decisionIntervalSeconds < 1 || decisionIntervalSeconds > 60) {
            throw new IllegalArgumentException("decisionIntervalSeconds: expected 1 to 60, found " + decisionIntervalSeconds);
        }
        if (minSeconds < 1200 || maxSeconds < minSeconds || maxSeconds > 86_400) {
            throw new IllegalArgumentException("case length: expected 1,200 <= minSeconds <= maxSeconds <= 86,400, found "
                    + minSeconds + " and " + maxSeconds);
        }
        if (patientModel == null || pumpModel == null || noise == null) {
            throw new IllegalArgumentException("models and noise: expected values, found null");
        }
    }

    /** Most decisions in one case. */
    public int maxDecisions() {
        return (maxSeconds + decisionIntervalSeconds - 1) / decisionIntervalSeconds;
    }
}
