package dev.apprentice.anesthesia.safety;

/**
 * The safety envelope's limits (configurable as {@code apprentice.anesthesia.envelope.*}; the
 * defaults follow the domain notes' starting values and contain what the simulated experts do).
 *
 * @param propofolMaintenanceMin lowest propofol rate in maintenance, mg/kg/h (awareness)
 * @param propofolMaintenanceMax highest propofol rate in maintenance, mg/kg/h
 * @param propofolInductionMax highest propofol rate during induction, mg/kg/h
 * @param propofolHardMaxMgPerSecond highest propofol rate at any time, mg/s (half the pump's 6.67)
 * @param remifentanilMaintenanceMin lowest remifentanil rate in maintenance, µg/kg/min
 * @param remifentanilMaintenanceMax highest remifentanil rate in maintenance, µg/kg/min
 * @param remifentanilHardMaxUgPerSecond highest remifentanil rate at any time, µg/s
 * @param propofolIncreasePerMinute largest propofol increase in maintenance, mg/kg/h per minute
 * @param remifentanilIncreasePerMinute largest remifentanil increase in maintenance, µg/kg/min per minute
 * @param noPropofolIncreaseBelowBis no propofol increase while the BIS shown is below this
 * @param noIncreaseBelowMap no increase of either drug while MAP is below this, mmHg
 */
public record EnvelopeLimits(double propofolMaintenanceMin, double propofolMaintenanceMax, double propofolInductionMax,
        double propofolHardMaxMgPerSecond, double remifentanilMaintenanceMin, double remifentanilMaintenanceMax,
        double remifentanilHardMaxUgPerSecond, double propofolIncreasePerMinute, double remifentanilIncreasePerMinute,
        double noPropofolIncreaseBelowBis, double noIncreaseBelowMap) {

    /**
     * Maintenance propofol 3–20 mg/kg/h, at most 150 mg/kg/h during induction and 3.33 mg/s ever;
     * remifentanil 0.03–1.5 µg/kg/min in maintenance and at most 8.33 µg/s ever; maintenance increases
     * of at most 30 mg/kg/h and 1.2 µg/kg/min per minute; no propofol increase below BIS 40; no
     * increase of either drug below MAP 55 mmHg.
     */
    public static final EnvelopeLimits DEFAULT = new EnvelopeLimits(3, 20, 150, 3.33, 0.03, 1.5, 8.33, 30, 1.2, 40, 55);

    public EnvelopeLimits {
        // In declaration order, each value under its own key, so that a bad value is never blamed on another.
        check(propofolMaintenanceMin >= 0, "propofolMaintenanceMin", propofolMaintenanceMin, "at least 0");
        check(propofolMaintenanceMax >= propofolMaintenanceMin, "propofolMaintenanceMax", propofolMaintenanceMax,
                "at least propofolMaintenanceMin");
        check(propofolInductionMax >= propofolMaintenanceMax, "propofolInductionMax", propofolInductionMax,
                "at least propofolMaintenanceMax");
        check(propofolHardMaxMgPerSecond > 0 && propofolHardMaxMgPerSecond <= 6.67, "propofolHardMaxMgPerSecond",
                propofolHardMaxMgPerSecond, "in (0, 6.67] (the pump's limit)");
        check(remifentanilMaintenanceMin >= 0, "remifentanilMaintenanceMin", remifentanilMaintenanceMin, "at least 0");
        check(remifentanilMaintenanceMax >= remifentanilMaintenanceMin, "remifentanilMaintenanceMax",
                remifentanilMaintenanceMax, "at least remifentanilMaintenanceMin");
        check(remifentanilHardMaxUgPerSecond > 0 && remifentanilHardMaxUgPerSecond <= 16.67,
                "remifentanilHardMaxUgPerSecond", remifentanilHardMaxUgPerSecond, "in (0, 16.67] (the pump's limit)");
        check(propofolIncreasePerMinute > 0, "propofolIncreasePerMinute", propofolIncreasePerMinute, "positive");
        check(remifentanilIncreasePerMinute > 0, "remifentanilIncreasePerMinute", remifentanilIncreasePerMinute,
                "positive");
        check(noPropofolIncreaseBelowBis >= 0 && noPropofolIncreaseBelowBis <= 100, "noPropofolIncreaseBelowBis",
                noPropofolIncreaseBelowBis, "in [0, 100]");
        check(noIncreaseBelowMap >= 0 && noIncreaseBelowMap <= 200, "noIncreaseBelowMap", noIncreaseBelowMap,
                "in [0, 200] mmHg");
    }

    private static void check(boolean ok, String field, double value, String expected) {
        if (!ok || Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("apprentice.anesthesia.envelope." + field + ": expected a value "
                    + expected + ", found " + value);
        }
    }
}
