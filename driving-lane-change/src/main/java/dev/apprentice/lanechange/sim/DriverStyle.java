package dev.apprentice.lanechange.sim;

import java.util.Arrays;
import java.util.Locale;

/**
 * A named way of driving: the IDM and MOBIL settings of a scripted expert. Different styles give
 * distinct expert populations for multi-expert data and per-driver adaptation (the domain notes
 * list p, Δa_th, T and v0 as the knobs).
 *
 * @param name lower-case name used in records and on the API, e.g. {@code cautious}
 * @param idm longitudinal behaviour; its desired speed is the speed the driver aims for
 * @param mobil lane-change behaviour
 */
public record DriverStyle(String name, IdmModel idm, MobilModel mobil) {

    /** Aims for 25 m/s, keeps 2 s, polite (p 0.5), changes lanes only for a clear gain, keeps right. */
    public static final DriverStyle CAUTIOUS = new DriverStyle("cautious",
            new IdmModel(3.0, 5.0, 2.0, 5.0, 4.0, 25.0), new MobilModel(0.5, 0.3, 1.5, 0.4));
    /** Aims for 30 m/s, keeps 1.5 s, slightly polite, keeps right. */
    public static final DriverStyle NORMAL = new DriverStyle("normal",
            new IdmModel(3.0, 5.0, 1.5, 5.0, 4.0, 30.0), new MobilModel(0.2, 0.2, 2.0, 0.25));
    /** Aims for 30 m/s, keeps 1 s, selfish (p 0), changes lanes for small gains, no keep-right habit. */
    public static final DriverStyle ASSERTIVE = new DriverStyle("assertive",
            new IdmModel(3.0, 5.0, 1.0, 5.0, 4.0, 30.0), new MobilModel(0.0, 0.1, 3.0, 0.0));

    private static final DriverStyle[] BUILT_IN = {CAUTIOUS, NORMAL, ASSERTIVE};

    public DriverStyle {
        if (name == null || !name.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("name: expected 1-32 lower-case letters, digits or '-', found '" + name + "'");
        }
        if (idm == null || mobil == null) {
            throw new IllegalArgumentException("driver style " + name + ": expected IDM and MOBIL settings");
        }
    }

    /** The built-in styles, cautious to assertive. */
    public static DriverStyle[] builtIn() {
        return BUILT_IN.clone();
    }

    /**
     * A built-in style or a {@link DriverPopulation} driver ({@code driver-17}) by name,
     * case-insensitively; lists the valid names otherwise.
     */
    public static DriverStyle byName(String name) {
        String wanted = name == null ? null : name.trim().toLowerCase(Locale.ROOT);
        for (DriverStyle s : BUILT_IN) {
            if (s.name.equals(wanted)) {
                return s;
            }
        }
        int id = DriverPopulation.names().indexOf(wanted);
        if (id >= 0) {
            return DriverPopulation.driver(id);
        }
        throw new IllegalArgumentException("style: expected one of " + Arrays.stream(BUILT_IN).map(DriverStyle::name).toList()
                + " or " + DriverPopulation.PREFIX + "0 to " + DriverPopulation.PREFIX + (DriverPopulation.SIZE - 1)
                + ", found '" + name + "'");
    }
}
