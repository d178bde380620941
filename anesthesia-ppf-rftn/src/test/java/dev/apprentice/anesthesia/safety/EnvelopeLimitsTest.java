package dev.apprentice.anesthesia.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.anesthesia.config.AnesthesiaSettings;
import io.smallrye.config.WithDefault;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.Test;

class EnvelopeLimitsTest {

    private static final RecordComponent[] KEYS = EnvelopeLimits.class.getRecordComponents();

    @Test
    void theDefaultsAreTheConfiguredDefaultsKeyByKey() throws ReflectiveOperationException {
        for (RecordComponent key : KEYS) {
            // Given the setting of the same name in the configuration mapping
            Method setting = AnesthesiaSettings.Envelope.class.getMethod(key.getName());

            // When its @WithDefault is read
            WithDefault configured = setting.getAnnotation(WithDefault.class);

            // Then it is the default limit's value
            assertTrue(configured != null, key.getName() + " has no @WithDefault");
            assertEquals((double) key.getAccessor().invoke(EnvelopeLimits.DEFAULT), Double.parseDouble(configured.value()),
                    0, key.getName());
        }
    }

    @Test
    void everyLimitIsConfigurableAndNoSettingIsLeftOver() {
        long settings = java.util.Arrays.stream(AnesthesiaSettings.Envelope.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(WithDefault.class)).count();

        assertEquals(KEYS.length, settings);
    }

    @Test
    void everyBadValueIsRejectedUnderItsOwnKey() throws ReflectiveOperationException {
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1};
        for (int i = 0; i < KEYS.length; i++) {
            for (double value : bad) {
                // Given the defaults with one value bad
                double[] values = defaults();
                values[i] = value;

                // When limits are made of them
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> limits(values),
                        KEYS[i].getName() + " = " + value);

                // Then the message starts with the configuration key
                assertTrue(e.getMessage().startsWith("apprentice.anesthesia.envelope." + KEYS[i].getName() + ": expected"),
                        KEYS[i].getName() + " = " + value + ": " + e.getMessage());
            }
        }
    }

    @Test
    void valuesOutOfTheirRangeOrOrderAreRejectedNamingTheKey() {
        assertRejected("propofolMaintenanceMax", 1, "propofolMaintenanceMax", 2.5); // below the minimum of 3
        assertRejected("propofolInductionMax", 2, "propofolInductionMax", 19); // below the maintenance maximum of 20
        assertRejected("propofolHardMaxMgPerSecond", 3, "propofolHardMaxMgPerSecond", 6.68);
        assertRejected("propofolHardMaxMgPerSecond", 3, "propofolHardMaxMgPerSecond", 0);
        assertRejected("remifentanilMaintenanceMax", 5, "remifentanilMaintenanceMax", 0.02);
        assertRejected("remifentanilHardMaxUgPerSecond", 6, "remifentanilHardMaxUgPerSecond", 16.68);
        assertRejected("propofolIncreasePerMinute", 7, "propofolIncreasePerMinute", 0);
        assertRejected("remifentanilIncreasePerMinute", 8, "remifentanilIncreasePerMinute", 0);
        assertRejected("noPropofolIncreaseBelowBis", 9, "noPropofolIncreaseBelowBis", 100.5);
        assertRejected("noIncreaseBelowMap", 10, "noIncreaseBelowMap", 201);
    }

    private static void assertRejected(String name, int index, String key, double value) {
        double[] values = defaults();
        values[index] = value;
        assertEquals(name, KEYS[index].getName());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> limits(values), key + " = " + value);

        assertTrue(e.getMessage().startsWith("apprentice.anesthesia.envelope." + key + ":"), e.getMessage());
    }

    private static double[] defaults() {
        double[] values = new double[KEYS.length];
        for (int i = 0; i < KEYS.length; i++) {
            try {
                values[i] = (double) KEYS[i].getAccessor().invoke(EnvelopeLimits.DEFAULT);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }

    private static EnvelopeLimits limits(double[] v) {
        return new EnvelopeLimits(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }
}
