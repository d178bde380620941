package dev.apprentice.lanechange.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.lanechange.sim.DriverStyle;
import dev.apprentice.lanechange.sim.HighwayConfig;
import dev.apprentice.lanechange.sim.LaneChangeExpert;
import org.junit.jupiter.api.Test;

class DrivingMetricsTest {

    @Test
    void aDriverKeepingALongerHeadwayFollowsFartherBehind() {
        // given: the cautious style keeps 2 s, the assertive one 1 s, on the same roads
        long[] seeds = RolloutCollector.seeds(0, 10);

        // when
        DrivingMetrics cautious = DrivingMetrics.measure(HighwayConfig.defaults(), new LaneChangeExpert(DriverStyle.CAUTIOUS),
                seeds, 1);
        DrivingMetrics assertive = DrivingMetrics.measure(HighwayConfig.defaults(), new LaneChangeExpert(DriverStyle.ASSERTIVE),
                seeds, 1);

        // then
        assertTrue(cautious.meanTimeHeadway() > assertive.meanTimeHeadway() + 0.3,
                "cautious " + cautious.meanTimeHeadway() + " s, assertive " + assertive.meanTimeHeadway() + " s");
    }
}
