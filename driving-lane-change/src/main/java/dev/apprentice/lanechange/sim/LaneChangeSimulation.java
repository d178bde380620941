package dev.apprentice.lanechange.sim;

import dev.apprentice.il.env.ExpertRecorder;
import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.policy.Actor;
import dev.apprentice.lanechange.LaneChangeDomain;
import dev.apprentice.lanechange.mapping.LaneChangeRecords;
import dev.apprentice.service.domain.ExpertSimulation;
import dev.apprentice.service.domain.LiveEpisode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The highway as the service kit sees it: the three scripted driver styles and the
 * {@link DriverPopulation}'s drivers as experts (source {@code sim-<name>}, e.g. {@code sim-normal},
 * {@code sim-driver-17}), and live episodes that hand the page every physics frame of a decision.
 */
public final class LaneChangeSimulation implements ExpertSimulation {

    /** Metres drawn behind the ego. */
    static final double BEHIND = 60;
    /** Metres drawn ahead of the ego. */
    static final double AHEAD = 140;

    private final HighwayConfig road;

    public LaneChangeSimulation(HighwayConfig road) {
        this.road = road;
    }

    @Override
    public List<String> experts() {
        return Stream.concat(Arrays.stream(DriverStyle.builtIn()).map(DriverStyle::name), DriverPopulation.names().stream())
                .toList();
    }

    @Override
    public String defaultExpert() {
        return DriverStyle.NORMAL.name();
    }

    @Override
    public ExpertEpisode record(String expert, long seed, Instant start, Duration decisionInterval) {
        DriverStyle style = DriverStyle.byName(expert);
        HighwaySimulator sim = new HighwaySimulator(road);
        return new ExpertEpisode(ExpertRecorder.record(LaneChangeDomain.NAME, "sim-" + style.name(), "seed-" + seed, sim,
                new LaneChangeExpert(road, style), seed, road.episodeDecisions(), start, decisionInterval,
                Map.of(LaneChangeRecords.STYLE, style.name())), sim.tally().crashed());
    }

    @Override
    public Actor expert(String name) {
        return new LaneChangeExpert(road, DriverStyle.byName(name));
    }

    @Override
    public LiveEpisode live(long seed, Actor driver) {
        HighwaySimulator sim = new HighwaySimulator(road);
        float[][] observation = {sim.reset(seed)};
        return new LiveEpisode() {
            @Override
            public Object scene() {
                return sim.scene(BEHIND, AHEAD);
            }

            @Override
            public Step step() {
                float[] action = driver.act(observation[0], null);
                List<Object> frames = new ArrayList<>();
                StepResult r = sim.step(action, s -> frames.add(s.scene(BEHIND, AHEAD)));
                observation[0] = r.observation();
                return new Step(MetaAction.ofIndex((int) action[0]).name(), r.reward(), r.done(), frames);
            }
        };
    }

    @Override
    public int liveFramesPerSecond() {
        return road.simulationHz();
    }
}
