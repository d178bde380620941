package dev.apprentice.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The simulated expert producer ({@code apprentice.producer.*}), for domains with a simulator. */
@ConfigMapping(prefix = "apprentice.producer")
public interface ProducerSettings {

    /** Experts published at start-up (the demo); unset: none. */
    Optional<List<String>> startupExperts();

    /** Episodes per expert published at start-up. */
    @WithDefault("10")
    int startupEpisodes();

    /** First simulator seed of published episodes; evaluation seeds stay disjoint. */
    @WithDefault("0")
    long firstSeed();

    /** Simulated time between decisions in published event times. */
    @WithDefault("1s")
    Duration decisionInterval();

    /** Most episodes one request may publish. */
    @WithDefault("1000")
    int maxEpisodes();
}
