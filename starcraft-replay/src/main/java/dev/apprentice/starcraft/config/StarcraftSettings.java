package dev.apprentice.starcraft.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** The StarCraft II service's own settings ({@code apprentice.starcraft.*}); the kit's are per domain. */
@ConfigMapping(prefix = "apprentice.starcraft")
public interface StarcraftSettings {

    /**
     * Blizzard's protocol tables ({@code protocolNNNNN.json}, s2protocol's {@code json} directory): a new
     * game patch needs only its new file here. Without it replays cannot be read (uploads answer 503).
     */
    Optional<Path> protocolDirectory();

    /**
     * Reference replays: the held-out share of them (by replay id) is the next-production evaluation set,
     * the others fit the baselines and, with {@link #publishCorpusOnStart()}, are published as demonstrations.
     */
    Optional<Path> corpusDirectory();

    /**
     * The share of replays held out for evaluation, chosen by replay id (the first two hex digits of the
     * file's SHA-256 below {@code share × 256}): the same replay is held out wherever it is uploaded, and the
     * kit never trains on a held-out replay's games.
     */
    @WithDefault("0.25")
    double heldOutShare();

    /** Publish the corpus's training replays to {@code starcraft.demonstrations} when the service starts (the demo). */
    @WithDefault("false")
    boolean publishCorpusOnStart();
}
