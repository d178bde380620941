package dev.apprentice.phonesecurity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How owners are enrolled and judged, and where their data keys live ({@code apprentice.phone-security.*}). */
@ConfigMapping(prefix = "apprentice.phone-security")
public interface PhoneSecuritySettings {

    /**
     * The master key (32 bytes, base64) that wraps every user's data key. Required in production;
     * development and tests may let the service generate one into the state directory.
     */
    Optional<String> masterKey();

    /** Whether a missing master key may be generated (development and the demo only). */
    @WithDefault("false")
    boolean generateMasterKey();

    /** False-accept rate at which a session is accepted. */
    @WithDefault("0.01")
    double targetFar();

    /** Share of other people's sessions that lock the phone outright (the rest are asked to step up). */
    @WithDefault("0.5")
    double lockFar();

    /** The longest run of a session's latest samples one score averages. */
    @WithDefault("10")
    int maxSessionSamples();

    /** Fewest samples an owner can be enrolled from. */
    @WithDefault("5")
    int minEnrolmentSamples();

    /** Most samples one enrolment uses (the latest ones); also the most one request may carry. */
    @WithDefault("200")
    int maxEnrolmentSamples();

    /** Fewest people the population model is learned from. */
    @WithDefault("10")
    int minPopulationPeople();

    /** Most people the population model is learned from (a random choice among the stored ones), bounding its memory. */
    @WithDefault("2000")
    int maxPopulationPeople();

    /** Most samples per person the population model reads. */
    @WithDefault("100")
    int maxPopulationSamplesPerPerson();
}
