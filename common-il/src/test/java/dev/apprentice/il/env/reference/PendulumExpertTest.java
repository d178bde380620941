package dev.apprentice.il.env.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.policy.Actor;
import dev.apprentice.il.policy.UniformRandomActor;
import org.junit.jupiter.api.Test;

class PendulumExpertTest {

    private static double meanReturnOverTwentySeeds(Actor actor) {
        try (RolloutCollector collector = new RolloutCollector(1, PendulumEnvironment.MAX_STEPS)) {
            return collector.collect(PendulumEnvironment::new, actor, RolloutCollector.seeds(0, 20)).stream()
                    .mapToDouble(Trajectory::totalReward).average().orElseThrow();
        }
    }

    @Test
    void expertSwingsUpAndHoldsWithMeanReturnAboveMinusThreeHundred() {
        double expert = meanReturnOverTwentySeeds(new PendulumExpert());

        assertTrue(expert > -300, "expert mean return " + expert);
    }

    @Test
    void uniformRandomActorScoresBelowMinusNineHundred() {
        double random = meanReturnOverTwentySeeds(new UniformRandomActor(new PendulumEnvironment().actionSpace()));

        assertTrue(random < -900, "random mean return " + random);
    }

    @Test
    void expertTorqueStaysWithinTheLimits() {
        PendulumExpert expert = new PendulumExpert();
        PendulumEnvironment env = new PendulumEnvironment();

        for (int i = 0; i < 360; i++) {
            double theta = Math.toRadians(i);
            for (float speed : new float[] {-8, -1, 0, 1, 8}) {
                float[] action = expert.act(new float[] {(float) Math.cos(theta), (float) Math.sin(theta), speed}, null);
                assertTrue(env.actionSpace().contains(action), "torque " + action[0] + " at " + i + " degrees");
            }
        }
    }
}
