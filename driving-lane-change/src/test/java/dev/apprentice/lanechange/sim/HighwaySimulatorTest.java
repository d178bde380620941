package dev.apprentice.lanechange.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.env.EnvironmentChecker;
import dev.apprentice.il.env.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HighwaySimulatorTest {

    private static final HighwayConfig ONE_CAR = HighwayConfig.defaults().withOtherVehicles(1);

    @Test
    void theSameSeedAndActionsGiveTheSameEpisode() {
        HighwaySimulator a = new HighwaySimulator();
        HighwaySimulator b = new HighwaySimulator();
        SplittableRandom actions = new SplittableRandom(3);
        assertArrayEquals(a.reset(42), b.reset(42));
        for (int t = 0; t < 40; t++) {
            float[] action = {actions.nextInt(5)};
            StepResult ra = a.step(action);
            StepResult rb = b.step(action);
            assertArrayEquals(ra.observation(), rb.observation());
            assertEquals(ra.reward(), rb.reward());
            assertEquals(ra.terminated(), rb.terminated());
            if (ra.done()) {
                break;
            }
        }
        assertEquals(a.tally(), b.tally());
        assertFalse(java.util.Arrays.equals(new HighwaySimulator().reset(42), new HighwaySimulator().reset(43)));
    }

    @Test
    void passesTheEnvironmentChecker() {
        new EnvironmentChecker(40, 5).requireValid(HighwaySimulator::new);
    }

    @Test
    void anEpisodeWithoutCollisionIsTruncatedAfterFortyDecisions() {
        HighwaySimulator sim = new HighwaySimulator(HighwayConfig.defaults().withOtherVehicles(0));
        sim.reset(1);
        StepResult last = null;
        for (int t = 0; t < 40; t++) {
            assertTrue(sim.isRunning());
            last = sim.step(MetaAction.IDLE.vector());
        }
        assertTrue(last.truncated());
        assertFalse(last.terminated());
        assertEquals(40.0, sim.tally().seconds(), 1e-9);
        assertThrows(IllegalStateException.class, () -> sim.step(MetaAction.IDLE.vector()));
    }

    @Test
    void drivingIntoASlowerLeaderIsACollisionThatEndsTheEpisode() {
        HighwaySimulator sim = new HighwaySimulator(ONE_CAR);
        sim.resetScenario(1, new KinematicsObservation.Vehicle(0, 4, 30, 0),
                List.of(new KinematicsObservation.Vehicle(40, 4, 10, 0)));

        StepResult result = sim.step(MetaAction.IDLE.vector());
        for (int t = 0; t < 3 && !result.done(); t++) {
            result = sim.step(MetaAction.IDLE.vector());
        }

        assertTrue(result.terminated());
        assertTrue(sim.tally().crashed());
        // lmap(−1 + 0.1·1/3 + 0.4·speedTerm, [−1, 0.5] → [0, 1]) stays well below an uncrashed step's reward.
        assertTrue(result.reward() < 0.35, "reward after a crash: " + result.reward());
    }

    @Test
    void passingAVehicleInTheNextLaneIsNoCollision() {
        HighwaySimulator sim = new HighwaySimulator(ONE_CAR);
        sim.resetScenario(1, new KinematicsObservation.Vehicle(0, 4, 30, 0),
                List.of(new KinematicsObservation.Vehicle(20, 8, 20, 0)));
        for (int t = 0; t < 5; t++) {
            assertFalse(sim.step(MetaAction.IDLE.vector()).terminated());
        }
    }

    @Test
    void aLaneChangeBringsTheEgoToTheNextLaneCentreWithinThreeSeconds() {
        HighwaySimulator sim = new HighwaySimulator(HighwayConfig.defaults().withOtherVehicles(0));
        sim.resetScenario(1, new KinematicsObservation.Vehicle(0, 8, 25, 0), List.of());

        sim.step(MetaAction.LANE_LEFT.vector());
        sim.step(MetaAction.IDLE.vector());
        float[] obs = sim.step(MetaAction.IDLE.vector()).observation();

        assertEquals(1, sim.egoTargetLane());
        assertEquals(4.0, obs[2] * 16.0, 0.2, "lateral position after 3 s");
        assertEquals(1, sim.tally().laneChanges());
        sim.step(MetaAction.LANE_LEFT.vector());
        sim.step(MetaAction.LANE_LEFT.vector());
        assertEquals(0, sim.egoTargetLane(), "there is no lane left of lane 0");
        assertEquals(2, sim.tally().laneChanges());
    }

    @Test
    void fasterAndSlowerMoveTheTargetSpeedOneStepWithinTheReachableSpeeds() {
        HighwaySimulator sim = new HighwaySimulator(HighwayConfig.defaults().withOtherVehicles(0));
        sim.reset(5);
        assertEquals(25, sim.egoTargetSpeed());
        sim.step(MetaAction.FASTER.vector());
        sim.step(MetaAction.FASTER.vector());
        assertEquals(30, sim.egoTargetSpeed());
        float[] obs = sim.step(MetaAction.SLOWER.vector()).observation();
        assertEquals(25, sim.egoTargetSpeed());
        assertEquals(25, obs[3] * 80.0, 1.0, "the speed controller has nearly reached the target after 1 s");
    }

    @Test
    void theObservationIsTheKinematicsEncodingOfTheScene() {
        HighwaySimulator sim = new HighwaySimulator();
        float[] obs = sim.reset(9);
        for (int t = 0; t < 10; t++) {
            obs = sim.step(MetaAction.IDLE.vector()).observation();
        }
        HighwayScene scene = sim.scene(10_000, 10_000);
        KinematicsObservation.Vehicle ego = null;
        List<KinematicsObservation.Vehicle> others = new ArrayList<>();
        for (int i = 0; i < scene.x().length; i++) {
            KinematicsObservation.Vehicle v = new KinematicsObservation.Vehicle(scene.x()[i], scene.y()[i],
                    scene.speed()[i] * Math.cos(scene.heading()[i]), scene.speed()[i] * Math.sin(scene.heading()[i]));
            if (i == scene.ego()) {
                ego = v;
            } else {
                others.add(v);
            }
        }

        float[] encoded = KinematicsObservation.encode(HighwayConfig.defaults(), ego, others);

        assertArrayEquals(obs, encoded, 1e-6f);
        assertEquals(1f, obs[5], "the nearest vehicle is present");
    }

    @Test
    void rejectsAnActionOutsideTheFiveMetaActionsNamingTheField() {
        HighwaySimulator sim = new HighwaySimulator();
        sim.reset(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sim.step(new float[] {5}));
        assertTrue(e.getMessage().startsWith("action"), e.getMessage());
    }
}
