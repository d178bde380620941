package dev.apprentice.phonesecurity.model;

import dev.apprentice.il.discriminator.DiscriminatorConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How owners are learned and how their sessions are judged: the population model's shrinkage, the
 * discriminator and its weight in the fused score, how many generated people calibrate each owner,
 * and the false-accept rates the thresholds are set at.
 *
 * @param shrinkage weight of the identity in the population's covariances, in [0, 1)
 * @param discriminator the discriminator's settings
 * @param discriminatorWeight weight of the discriminator in the fused score, in [0, 1]
 * @param generatedPeople samples of generated people the discriminator is trained against and the
 *     thresholds are calibrated on (each sample of a different person)
 * @param maxFusedSamples the longest run of consecutive samples a session score averages
 * @param targetFar false-accept rate at which a session is accepted, in (0, 0.5]
 * @param lockFar share of other people's sessions locked outright (the rest between the two
 *     thresholds are asked to step up), at least {@code targetFar}
 */
public record ImitationSettings(double shrinkage, DiscriminatorConfig discriminator, double discriminatorWeight,
        int generatedPeople, int maxFusedSamples, double targetFar, double lockFar) {

    /** The settings measured on the Hold-and-Tap protocol (service README). */
    public static ImitationSettings defaults() {
        return new ImitationSettings(0.1, OwnerDiscriminator.defaultConfig(), 0.3, 2048, 10, 0.01, 0.5);
    }

    public ImitationSettings {
        if (!(shrinkage >= 0 && shrinkage < 1)) {
            throw new IllegalArgumentException("shrinkage: expected a value in [0, 1), found " + shrinkage);
        }
        if (discriminator == null) {
            throw new IllegalArgumentException("discriminator: settings are required");
        }
        if (!(discriminatorWeight >= 0 && discriminatorWeight <= 1)) {
            throw new IllegalArgumentException("discriminatorWeight: expected a value in [0, 1], found " + discriminatorWeight);
        }
        if (generatedPeople < 100 || generatedPeople > 100_000) {
            throw new IllegalArgumentException("generatedPeople: expected 100 to 100000, found " + generatedPeople);
        }
        if (maxFusedSamples < 1 || maxFusedSamples > 100) {
            throw new IllegalArgumentException("maxFusedSamples: expected 1 to 100, found " + maxFusedSamples);
        }
        if (!(targetFar > 0 && targetFar <= 0.5)) {
            throw new IllegalArgumentException("targetFar: expected a rate in (0, 0.5], found " + targetFar);
        }
        if (!(lockFar >= targetFar && lockFar < 1)) {
            throw new IllegalArgumentException("lockFar: expected a rate in [targetFar, 1), found " + lockFar);
        }
    }

    /** With another false-accept target. */
    public ImitationSettings withTargetFar(double far) {
        return new ImitationSettings(shrinkage, discriminator, discriminatorWeight, generatedPeople, maxFusedSamples, far,
                Math.max(lockFar, far));
    }

    /** The settings for a model card. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shrinkage", shrinkage);
        m.put("discriminator", discriminator.toMap());
        m.put("discriminatorWeight", discriminatorWeight);
        m.put("generatedPeople", generatedPeople);
        m.put("maxFusedSamples", maxFusedSamples);
        m.put("targetFar", targetFar);
        m.put("lockFar", lockFar);
        return m;
    }
}
