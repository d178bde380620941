package dev.apprentice.anesthesia.training;

/**
 * One frame of the live view: the case clock, the monitors and both drugs.
 *
 * @param seconds seconds since the case started
 * @param bis the BIS shown
 * @param map the MAP shown, mmHg
 * @param propofolCe true propofol effect-site concentration, µg/mL
 * @param remifentanilCe true remifentanil effect-site concentration, ng/mL
 * @param propofolRate propofol rate running, mg/kg/h
 * @param remifentanilRate remifentanil rate running, µg/kg/min
 * @param caseSeconds the case's length, s
 */
public record CaseScene(int seconds, double bis, double map, double propofolCe, double remifentanilCe,
        double propofolRate, double remifentanilRate, int caseSeconds) {
}
