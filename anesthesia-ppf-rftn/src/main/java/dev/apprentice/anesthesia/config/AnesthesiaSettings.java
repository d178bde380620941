package dev.apprentice.anesthesia.config;

import dev.apprentice.anesthesia.safety.EnvelopeLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The domain's own settings ({@code apprentice.anesthesia.*}); the kit's live in service-kit/README.md. */
@ConfigMapping(prefix = "apprentice.anesthesia")
public interface AnesthesiaSettings {

    /** The safety envelope (defaults: {@link EnvelopeLimits#DEFAULT}). */
    Envelope envelope();

    /** The propofol model simulated patients follow: {@code schnider} or {@code eleveld}. */
    @WithDefault("schnider")
    String patientModel();

    /** The envelope's limits, each documented on {@link EnvelopeLimits}. */
    interface Envelope {
        @WithDefault("3")
        double propofolMaintenanceMin();

        @WithDefault("20")
        double propofolMaintenanceMax();

        @WithDefault("150")
        double propofolInductionMax();

        @WithDefault("3.33")
        double propofolHardMaxMgPerSecond();

        @WithDefault("0.03")
        double remifentanilMaintenanceMin();

        @WithDefault("1.5")
        double remifentanilMaintenanceMax();

        @WithDefault("8.33")
        double remifentanilHardMaxUgPerSecond();

        @WithDefault("30")
        double propofolIncreasePerMinute();

        @WithDefault("1.2")
        double remifentanilIncreasePerMinute();

        @WithDefault("40")
        double noPropofolIncreaseBelowBis();

        @WithDefault("55")
        double noIncreaseBelowMap();

        /** These settings as checked limits. */
        default EnvelopeLimits limits() {
            return new EnvelopeLimits(propofolMaintenanceMin(), propofolMaintenanceMax(), propofolInductionMax(),
                    propofolHardMaxMgPerSecond(), remifentanilMaintenanceMin(), remifentanilMaintenanceMax(),
                    remifentanilHardMaxUgPerSecond(), propofolIncreasePerMinute(), remifentanilIncreasePerMinute(),
                    noPropofolIncreaseBelowBis(), noIncreaseBelowMap());
        }
    }
}
