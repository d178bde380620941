package dev.apprentice.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Serving and the page ({@code apprentice.serving.*}). */
@ConfigMapping(prefix = "apprentice.serving")
public interface ServingSettings {

    /** The model id single-model domains serve; unset: the domain's name. */
    Optional<String> model();

    /** Concurrent live-view streams; more answer 503. */
    @WithDefault("16")
    int maxLiveStreams();

    /** Publish registered and promoted versions to the policy topic and follow it (hot swap across replicas). */
    @WithDefault("true")
    boolean policyTopic();
}
