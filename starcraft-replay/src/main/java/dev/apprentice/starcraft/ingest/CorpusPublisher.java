package dev.apprentice.starcraft.ingest;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.service.hosting.DomainRegistry;
import dev.apprentice.starcraft.StarcraftDomain;
import dev.apprentice.starcraft.config.StarcraftSettings;
import dev.apprentice.starcraft.demonstration.PlayerDemonstrations;
import dev.apprentice.starcraft.demonstration.ReplayReader.DecodedReplay;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;

/**
 * With {@code apprentice.starcraft.publish-corpus-on-start}, publishes the reference corpus's training
 * replays (never the held-out ones) to {@code starcraft.demonstrations} in the background at start-up,
 * as uploads would: the demo's data source. Publishing twice stores nothing twice.
 */
@ApplicationScoped
public class CorpusPublisher {

    private final StarcraftSettings settings;
    private final StarcraftDomain domain;
    private final DomainRegistry registry;

    public CorpusPublisher(StarcraftSettings settings, StarcraftDomain domain, DomainRegistry registry) {
        this.settings = settings;
        this.domain = domain;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        if (!settings.publishCorpusOnStart() || settings.corpusDirectory().isEmpty() || !domain.reader().available()) {
            return;
        }
        Thread publisher = new Thread(this::publish, "starcraft-corpus-publisher");
        publisher.setDaemon(true);
        publisher.start();
    }

    private void publish() {
        try {
            List<ExpertStep> steps = new ArrayList<>();
            int replays = 0;
            int games = 0;
            for (DecodedReplay replay : domain.heldOutReplays().trainingReplays()) {
                for (PlayerDemonstrations player : replay.players()) {
                    steps.addAll(domain.productionRecords().steps(replay.id(), replay.replay().header().baseBuild(),
                            replay.startedAt(),
                            player));
                    games++;
                }
                replays++;
            }
            long published = registry.require(StarcraftDomain.NAME).producer().publishRecorded(steps);
            Log.infof("published %d games of %d reference replays (%d records) to the starcraft demonstrations", games,
                    replays, published);
        } catch (RuntimeException e) {
            Log.warnf("the reference replays could not be published: %s", e.getMessage());
        }
    }
}
