package dev.apprentice.lanechange;

import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import dev.apprentice.il.stream.DemonstrationValidator;
import dev.apprentice.lanechange.sim.HighwayConfig;
import dev.apprentice.lanechange.sim.MetaAction;

/**
 * The lane-change domain's fixed names and spaces, in one place: what the topic is called, what
 * the store and the model cards call the domain, and which observations and actions are valid.
 */
public final class LaneChangeDomain {

    /** Domain name in stored steps and model cards. */
    public static final String NAME = "lane-change";
    /** The demonstrations topic. */
    public static final String TOPIC = "lane-change.demonstrations";
    /** Raw observations: the reference highway's 5 × 5 kinematics rows, each feature in [−1, 1]. */
    public static final Box OBSERVATION_SPACE = Box.uniform(HighwayConfig.defaults().observationDimension(), -1f, 1f);
    /** The five meta-actions. */
    public static final Discrete ACTION_SPACE = new Discrete(MetaAction.values().length);

    private LaneChangeDomain() {
    }

    /** The check every ingested step passes before it is stored. */
    public static DemonstrationValidator validator() {
        return new DemonstrationValidator(NAME, OBSERVATION_SPACE, ACTION_SPACE);
    }
}
