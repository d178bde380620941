package dev.apprentice.starcraft;

import dev.apprentice.il.env.ObservationEncoder;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import dev.apprentice.service.domain.ActionLabels;
import dev.apprentice.service.domain.DecisionCodec;
import dev.apprentice.service.domain.DemonstrationRecords;
import dev.apprentice.service.domain.DomainEvaluation;
import dev.apprentice.service.domain.ExpertSimulation;
import dev.apprentice.service.domain.ImitationDomain;
import dev.apprentice.service.domain.TrainingRecipes;
import dev.apprentice.starcraft.mapping.MinigameRecords;
import dev.apprentice.starcraft.mapping.MinigameRequests;
import dev.apprentice.starcraft.minigame.Minigame;
import dev.apprentice.starcraft.minigame.MinigameAction;
import dev.apprentice.starcraft.minigame.MinigameEnvironment;
import dev.apprentice.starcraft.minigame.MinigameFunction;
import dev.apprentice.starcraft.minigame.MinigameSimulation;
import dev.apprentice.starcraft.training.MinigameEvaluation;
import dev.apprentice.starcraft.training.MinigameRecipes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One pysc2 minigame as a domain of the service: feature layers in, function and screen arguments out,
 * pysc2's scripted agent as the expert, BC/GAIL/RAIL through the kit. Each minigame is its own domain
 * (topic, store, models), as pysc2 agents are trained per map; the three beans differ only in the map.
 */
public abstract class MinigameDomain implements ImitationDomain {

    /** Domain names start with this, then the minigame's id, e.g. {@code starcraft-move-to-beacon}. */
    public static final String PREFIX = "starcraft-";

    private final Minigame minigame;
    private final String name;
    private final MinigameSimulation simulation;
    private final MinigameRecords records;
    private final MinigameRequests decisions;
    private final MinigameRecipes recipes;
    private final MinigameEvaluation evaluation;
    private final ActionLabels labels = ActionLabels.continuous(actionNames(),
            Collections.nCopies(MinigameAction.WIDTH, ""));

    protected MinigameDomain(Minigame minigame) {
        this.minigame = minigame;
        this.name = nameOf(minigame);
        this.simulation = new MinigameSimulation(minigame, name);
        this.records = new MinigameRecords(minigame, name);
        this.decisions = new MinigameRequests(minigame);
        this.recipes = new MinigameRecipes(minigame);
        this.evaluation = new MinigameEvaluation(minigame);
    }

    /** The domain name of a minigame, e.g. {@code starcraft-move-to-beacon}. */
    public static String nameOf(Minigame minigame) {
        return PREFIX + minigame.id();
    }

    /** The minigame this domain plays. */
    public Minigame minigame() {
        return minigame;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String title() {
        return "StarCraft II " + minigame.pysc2MapName();
    }

    @Override
    public Box observationSpace() {
        return MinigameEnvironment.OBSERVATION_SPACE;
    }

    @Override
    public Space actionSpace() {
        return MinigameEnvironment.ACTION_SPACE;
    }

    @Override
    public ObservationEncoder encoder() {
        return MinigameRecipes.features();
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

    @Override
    public Optional<ExpertSimulation> simulation() {
        return Optional.of(simulation);
    }

    /** Names of the action vector's values: each function's score, then each function's coordinates. */
    private static List<String> actionNames() {
        List<String> names = new ArrayList<>(MinigameAction.WIDTH);
        for (MinigameFunction f : MinigameFunction.values()) {
            names.add(f.pysc2Name() + ".score");
        }
        String[] coordinates = {"x", "y", "x2", "y2"};
        for (MinigameFunction f : MinigameFunction.values()) {
            for (int i = 0; i < f.arguments().width(); i++) {
                names.add(f.pysc2Name() + "." + coordinates[i]);
            }
        }
        return names;
    }
}
