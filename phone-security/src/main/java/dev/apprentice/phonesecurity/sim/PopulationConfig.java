package dev.apprentice.phonesecurity.sim;

import java.time.Instant;
import java.util.Objects;

/**
 * The knobs of a synthetic population: how rich the shared behaviour structure is, how fast people
 * drift, how individual their app habits are, how long sessions are and which date day 0 is.
 *
 * @param latentFactors dimension of the latent behaviour space shared by everyone, 8 to 16
 * @param driftPerDay standard deviation of each latent factor's daily step in a user's random
 *     walk, 0 (no drift) to 1
 * @param habitConcentration how closely users' app habits follow the population's (Dirichlet
 *     concentration, 1 to 10,000): small values make individual habits
 * @param minSamplesPerSession the fewest samples in a session, at least 1
 * @param maxSamplesPerSession the most samples in a session, at most {@value #MAX_SAMPLES_PER_SESSION}
 * @param firstDay the start of day 0 (UTC); sample times are day 0 plus the day plus the hour
 */
public record PopulationConfig(int latentFactors, double driftPerDay, double habitConcentration, int minSamplesPerSession,
        int maxSamplesPerSession, Instant firstDay) {

    /** The longest session. */
    public static final int MAX_SAMPLES_PER_SESSION = 1_000;

    public PopulationConfig {
        if (latentFactors < 8 || latentFactors > 16) {
            throw new IllegalArgumentException("latentFactors: expected 8 to 16, found " + latentFactors);
        }
        if (!(driftPerDay >= 0 && driftPerDay <= 1)) {
            throw new IllegalArgumentException("driftPerDay: expected a rate in [0, 1], found " + driftPerDay);
        }
        if (!(habitConcentration >= 1 && habitConcentration <= 10_000)) {
            throw new IllegalArgumentException("habitConcentration: expected a value in [1, 10000], found "
                    + habitConcentration);
        }
        if (minSamplesPerSession < 1 || maxSamplesPerSession < minSamplesPerSession
                || maxSamplesPerSession > MAX_SAMPLES_PER_SESSION) {
            throw new IllegalArgumentException("samplesPerSession: expected 1 <= min <= max <= " + MAX_SAMPLES_PER_SESSION
                    + ", found min " + minSamplesPerSession + " and max " + maxSamplesPerSession);
        }
        Objects.requireNonNull(firstDay, "firstDay");
    }

    /**
     * Twelve latent factors, a daily drift of 0.04 per factor (about 0.3 after two months), habit
     * concentration 20, sessions of 4 to 12 samples, day 0 on Monday 2026-01-05.
     */
    public static PopulationConfig defaults() {
        return new PopulationConfig(12, 0.04, 20, 4, 12, Instant.parse("2026-01-05T00:00:00Z"));
    }

    /** This configuration with another drift rate. */
    public PopulationConfig withDriftPerDay(double rate) {
        return new PopulationConfig(latentFactors, rate, habitConcentration, minSamplesPerSession, maxSamplesPerSession,
                firstDay);
    }

    /** This configuration with another day 0. */
    public PopulationConfig withFirstDay(Instant day) {
        return new PopulationConfig(latentFactors, driftPerDay, habitConcentration, minSamplesPerSession,
                maxSamplesPerSession, day);
    }
}
