package dev.apprentice.lanechange;

import dev.apprentice.il.env.ObservationEncoder;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import dev.apprentice.il.spaces.Space;
import dev.apprentice.il.stream.IngestLimits;
import dev.apprentice.lanechange.mapping.DecisionRequests;
import dev.apprentice.lanechange.mapping.LaneChangeRecords;
import dev.apprentice.lanechange.sim.HighwayConfig;
import dev.apprentice.lanechange.sim.LaneChangeSimulation;
import dev.apprentice.lanechange.sim.MetaAction;
import dev.apprentice.lanechange.training.LaneChangeEvaluation;
import dev.apprentice.lanechange.training.LaneChangeImitation;
import dev.apprentice.lanechange.training.LaneChangeMetaLearning;
import dev.apprentice.service.domain.ActionLabels;
import dev.apprentice.service.domain.DecisionCodec;
import dev.apprentice.service.domain.DemonstrationRecords;
import dev.apprentice.service.domain.DomainLimits;
import dev.apprentice.service.domain.DomainEvaluation;
import dev.apprentice.service.domain.ExpertSimulation;
import dev.apprentice.service.domain.ImitationDomain;
import dev.apprentice.service.domain.MetaLearningRecipe;
import dev.apprentice.service.domain.TrainingRecipes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;

/**
 * The lane-change domain as the service kit needs it: the reference highway's 5 × 5 kinematics
 * observations, five meta-actions, lane features for the policies, the Avro record, the decision
 * request format, BC/GAIL/RAIL recipes, per-driver meta-learning, evaluation against the IDM + MOBIL
 * experts, and the highway simulator for the demo and the live view.
 */
@ApplicationScoped
public class LaneChangeDomain implements ImitationDomain {

    /** The longest episode ingested, in decisions. */
    static final int MAX_EPISODE_DECISIONS = 10_000;

    /** Domain name in topics, stored steps and model cards. */
    public static final String NAME = "lane-change";
    /** The demonstrations topic. */
    public static final String TOPIC = NAME + ".demonstrations";
    /** Raw observations: the reference highway's 5 × 5 kinematics rows, each feature in [−1, 1]. */
    public static final Box OBSERVATION_SPACE = Box.uniform(HighwayConfig.defaults().observationDimension(), -1f, 1f);
    /** The five meta-actions. */
    public static final Discrete ACTION_SPACE = new Discrete(MetaAction.values().length);

    private final LaneChangeImitation imitation = new LaneChangeImitation();
    private final LaneChangeEvaluation evaluation = new LaneChangeEvaluation(imitation);
    private final LaneChangeMetaLearning metaLearning = new LaneChangeMetaLearning();
    private final LaneChangeSimulation simulation = new LaneChangeSimulation(imitation.road());
    private final LaneChangeRecords records = new LaneChangeRecords();
    private final DecisionRequests decisions = new DecisionRequests();
    private final ActionLabels labels = ActionLabels.discrete(Arrays.stream(MetaAction.values()).map(Enum::name).toList());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "lane-change decisions";
    }

    @Override
    public Box observationSpace() {
        return OBSERVATION_SPACE;
    }

    @Override
    public Space actionSpace() {
        return ACTION_SPACE;
    }

    @Override
    public ObservationEncoder encoder() {
        return imitation.features();
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
        return Optional.of(imitation);
    }

    @Override
    public Optional<DomainEvaluation> evaluation() {
        return Optional.of(evaluation);
    }

    /** Drivers are the tasks: a starting policy that adapts to one driver from one of their episodes. */
    @Override
    public Optional<MetaLearningRecipe> metaLearning() {
        return Optional.of(metaLearning);
    }

    @Override
    public Optional<ExpertSimulation> simulation() {
        return Optional.of(simulation);
    }

    /**
     * A recorded drive is one decision per second at most, so 10,000 decisions (close to three
     * hours) bound an episode; the other ingest bounds are the core's defaults.
     */
    @Override
    public DomainLimits limits() {
        IngestLimits core = IngestLimits.defaults();
        return new DomainLimits(DomainLimits.DEFAULT.maxBatch(), new IngestLimits(MAX_EPISODE_DECISIONS,
                core.maxIdLength(), core.earliestEventTime(), core.maxClockSkew()));
    }
}
