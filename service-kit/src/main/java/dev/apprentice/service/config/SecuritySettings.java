package dev.apprentice.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** API keys and their roles ({@code apprentice.security.*}). */
@ConfigMapping(prefix = "apprentice.security")
public interface SecuritySettings {

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
}
