package dev.apprentice.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * API keys and their roles, what anonymous clients may see, the throttle on wrong keys, and the
 * limits on subjects' keys and attempts ({@code apprentice.security.*}).
 */
@ConfigMapping(prefix = "apprentice.security")
public interface SecuritySettings {

    /** How much of the dashboard and the live view a client without a key gets. */
    enum PublicDashboard {
        /** Everything the page shows, job errors and sources included (development and tests). */
        FULL,
        /** Public figures only: no job errors, sources or promotion reasons, no unusable-version reasons. */
        SUMMARY,
        /** Nothing: the dashboard and the live view need a key (a decision key sees the summary). */
        NONE
    }

    /** Who may read {@code /q/metrics}, {@code /q/openapi} and {@code /q/swagger-ui}. */
    enum OperationsAccess {
        /** Anyone (development and tests). */
        PUBLIC,
        /** Callers with a decision-client or administrator key, e.g. a Prometheus scraper with a decision key. */
        KEY
    }

    /** Administrator keys (training, registry, producer, ingest, and decisions), at least 16 characters each. */
    Optional<List<String>> adminKeys();

    /** Decision-client keys (decisions and provenance only), at least 16 characters each. */
    Optional<List<String>> decisionKeys();

    /** Whether decisions and provenance need a decision-client or administrator key (off only for development). */
    @WithDefault("true")
    boolean decisionsNeedKey();

    /** With no administrator key configured, generate one for this run and print it instead of refusing to start. */
    @WithDefault("false")
    boolean generateDevelopmentKey();

    /** What the dashboard and the live view show without a key; an administrator key always sees everything. */
    @WithDefault("summary")
    PublicDashboard publicDashboard();

    /** Who may read the metrics and the OpenAPI document. */
    @WithDefault("key")
    OperationsAccess operationsEndpoints();

    /** The throttle on wrong keys. */
    AuthFailures authFailures();

    /** Keys issued at run time to subjects. */
    SubjectKeySettings subjectKeys();

    /** The limit on attempts per subject. */
    SubjectAttemptSettings subjectAttempts();

    /** How many wrong keys one client address may present before its keys are refused for a while. */
    interface AuthFailures {

        /** Wrong keys an address may present within one window; the next attempts answer 429 until the window ends. */
        @WithDefault("10")
        int budget();

        /** The window, which starts at an address's first wrong key; also how often offending addresses are logged. */
        @WithDefault("60s")
        Duration window();

        /** Addresses remembered at once; beyond this the least recently seen one is forgotten. */
        @WithDefault("10000")
        int maxAddresses();
    }

    /** How many keys one subject may hold ({@code apprentice.security.subject-keys.*}). */
    interface SubjectKeySettings {

        /** Live keys per subject; issuing one more revokes the subject's oldest. */
        @WithDefault("5")
        int maxPerSubject();
    }

    /**
     * How often anyone may make an attempt for one subject, so that a prober cannot sweep a
     * subject's thresholds ({@code apprentice.security.subject-attempts.*}).
     */
    interface SubjectAttemptSettings {

        /** Attempts per subject within one window: a burst of this many, then one every window / limit. */
        @WithDefault("30")
        int limit();

        /** The window. */
        @WithDefault("60s")
        Duration window();

        /** Subjects tracked at once; beyond this the least recently seen one is forgotten. */
        @WithDefault("100000")
        int maxSubjects();
    }
}
