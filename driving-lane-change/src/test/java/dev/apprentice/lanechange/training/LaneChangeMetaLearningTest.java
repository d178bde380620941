package dev.apprentice.lanechange.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.algorithms.ImitationLoss;
import dev.apprentice.il.algorithms.meta.MetaConfig;
import dev.apprentice.lanechange.LaneChangeDomain;
import dev.apprentice.service.domain.MetaLearningRecipe;
import org.junit.jupiter.api.Test;

class LaneChangeMetaLearningTest {

    @Test
    void theDomainMetaLearnsOverDriversWithTheLikelihoodOfTheirMetaActions() {
        // given / when
        MetaLearningRecipe recipe = new LaneChangeDomain().metaLearning().orElseThrow();
        MetaConfig config = recipe.config(7, 2, 0);

        // then
        assertEquals("driver", recipe.subject());
        assertEquals(ImitationLoss.LIKELIHOOD, config.loss());
        assertEquals(LaneChangeMetaLearning.ITERATIONS, config.iterations());
        assertEquals(7, config.seed());
        assertEquals(2, config.threads());
    }

    @Test
    void aDriverIsATaskOnceTheyHaveASupportAndAQueryEpisode() {
        // given
        MetaLearningRecipe recipe = new LaneChangeMetaLearning();

        // when
        MetaConfig config = recipe.config(1, 1, 50);

        // then
        assertEquals(50, config.iterations());
        assertEquals(config.supportShots() + config.queryShots(), recipe.minimumSamplesPerSubject());
        assertTrue(config.supportShots() <= new LaneChangeImitation().road().episodeDecisions(),
                "adapting must need no more than one episode");
    }
}
