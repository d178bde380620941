package dev.apprentice.starcraft;

import dev.apprentice.il.env.ObservationEncoder;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import dev.apprentice.il.spaces.Space;
import dev.apprentice.service.domain.ActionLabels;
import dev.apprentice.service.domain.DecisionCodec;
import dev.apprentice.service.domain.DemonstrationRecords;
import dev.apprentice.service.domain.DomainEvaluation;
import dev.apprentice.service.domain.ImitationDomain;
import dev.apprentice.service.domain.TrainingRecipes;
import dev.apprentice.starcraft.config.StarcraftSettings;
import dev.apprentice.starcraft.demonstration.ProductionCatalog;
import dev.apprentice.starcraft.demonstration.ProductionFeatures;
import dev.apprentice.starcraft.demonstration.ReplayReader;
import dev.apprentice.starcraft.mapping.ProductionRecords;
import dev.apprentice.starcraft.mapping.ProductionRequests;
import dev.apprentice.starcraft.training.HeldOutReplays;
import dev.apprentice.starcraft.training.ProductionRecipes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Imitation from real StarCraft II replays as a hosted domain: each player's state before every production
 * (race, time, economy, produced counts, the last two productions, a coarse minimap) and what they produced
 * next; behaviour cloning through the kit; evaluation on held-out replays against the baselines.
 */
@ApplicationScoped
public class StarcraftDomain implements ImitationDomain {

    /** Domain name in topics, stored steps, model cards and paths. */
    public static final String NAME = "starcraft";
    /** The actions: the catalogue's productions. */
    public static final Discrete ACTION_SPACE = new Discrete(ProductionCatalog.size());

    private final ReplayReader reader;
    private final HeldOutReplays evaluation;
    private final ProductionRecords records = new ProductionRecords(NAME);
    private final ProductionRequests decisions = new ProductionRequests();
    private final ProductionRecipes recipes = new ProductionRecipes();
    private final ActionLabels labels = ActionLabels.discrete(ProductionCatalog.names());

    public StarcraftDomain(StarcraftSettings settings) {
        this.reader = new ReplayReader(settings.protocolDirectory());
        this.evaluation = new HeldOutReplays(reader, settings.corpusDirectory(), settings.heldOutShare());
    }

    /** Reads uploaded and reference replays. */
    public ReplayReader reader() {
        return reader;
    }

    /** The held-out split and the reference corpus. */
    public HeldOutReplays heldOutReplays() {
        return evaluation;
    }

    /** The record mapping, for publishing a replay's games. */
    public ProductionRecords productionRecords() {
        return records;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "StarCraft II replay imitation";
    }

    @Override
    public Box observationSpace() {
        return ProductionFeatures.space();
    }

    @Override
    public Space actionSpace() {
        return ACTION_SPACE;
    }

    @Override
    public ObservationEncoder encoder() {
        return ProductionRecipes.encoder();
    }

    @Override
    public ActionLabels actionLabels() {
        return labels;
    }

    @Override
    public DemonstrationRecords<?> records() {
        return records;
    }

    @Override
    public Optional<DecisionCodec> decisions() {
        return Optional.of(decisions);
    }

    @Override
    public Optional<TrainingRecipes> training() {
        return Optional.of(recipes);
    }

    @Override
    public Optional<DomainEvaluation> evaluation() {
        return Optional.of(evaluation);
    }
}
