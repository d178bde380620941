package dev.apprentice.il.env.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.env.RolloutCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

class CartPoleExpertTest {

    @Test
    void keepsThePoleUpForFiveHundredStepsOnTwentySeeds() {
        List<Trajectory> episodes;

        try (RolloutCollector collector = new RolloutCollector(1, CartPoleEnvironment.MAX_STEPS)) {
            episodes = collector.collect(CartPoleEnvironment::new, new CartPoleExpert(), RolloutCollector.seeds(0, 20));
        }

        for (int i = 0; i < episodes.size(); i++) {
            assertEquals(500, episodes.get(i).length(), "seed " + i);
            assertFalse(episodes.get(i).terminated(), "seed " + i);
        }
    }
}
