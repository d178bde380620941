package dev.apprentice.phonesecurity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
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

    /**
     * Fewest samples a few-shot owner policy is adapted from (POST /users/{id}/few-shot-enrolment): one, because
     * the start learned from the population carries what a single sample cannot; the EER it costs is in the README.
     */
    @WithDefault("1")
    int minFewShotEnrolmentSamples();

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

    /** The one-command demo's synthetic cohort, seeded at start-up when it has users. */
    Demo demo();

    /** The real-data protocol evaluation the page shows. */
    Evaluation evaluation();

    /** The synthetic cohort the demo publishes, learns the population from and enrols ({@code demo.*}). */
    interface Demo {

        /** Synthetic users published at start-up; 0 (the default) seeds nothing. */
        @WithDefault("0")
        int users();

        /** Sessions per user. */
        @WithDefault("6")
        int sessions();

        /** Days the sessions are spread over, ending yesterday. */
        @WithDefault("7")
        int days();

        /** The synthetic population's seed. */
        @WithDefault("1")
        long seed();

        /** Milliseconds between two samples of the page's live session. */
        @WithDefault("700")
        long liveIntervalMillis();
    }

    /**
     * The real-data protocol evaluation ({@code evaluation.*}): what runs at start-up, and what
     * bounds the evaluations administrators ask for.
     */
    interface Evaluation {

        /** Whether to run it at start-up (when the data directory exists); administrators can run one either way. */
        @WithDefault("false")
        boolean enabled();

        /** The Hold-and-Tap directory; {@code HoldAndTapData.defaultDirectory()} when not set. */
        Optional<String> dataDir();

        /** Feature sets evaluated, by id. */
        @WithDefault("both,sensor,touch")
        List<String> featureSets();

        /** Activities verified in, by id. */
        @WithDefault("sitting,standing,walking")
        List<String> activities();

        /** Methods evaluated, by name; empty for all of them. */
        Optional<List<String>> methods();

        /** The split seed of the start-up evaluation. */
        @WithDefault("1")
        long seed();

        /** The most split seeds one evaluation may ask for: each seed is one more split for every method, feature set and activity. */
        @WithDefault("5")
        int maxSeeds();

        /** Users enrolled in each split (the standard protocol's 50). */
        @WithDefault("50")
        int enrolledUsers();

        /** Background users of each split (25). */
        @WithDefault("25")
        int backgroundUsers();

        /** Impostor users of each split (20). */
        @WithDefault("20")
        int impostorUsers();

        /** Threads the evaluation uses. */
        @WithDefault("1")
        int threads();
    }
}
