package dev.apprentice.starcraft.training;

import dev.apprentice.starcraft.demonstration.ProductionStep;

/**
 * Something that ranks the productions a player may start next, given the state and what came before: the
 * learned policy and the baselines it is compared with answer the same question.
 */
public interface ProductionPredictor {

    /** @return the predictor's name in reports */
    String name();

    /**
     * @param step     the decision (its state; its production is what is being predicted)
     * @param previous the player's previous production index, or -1 at the first
     * @return a score per production in {@link dev.apprentice.starcraft.demonstration.ProductionCatalog}
     *         order; higher ranks first (only the player's race's productions are ranked)
     */
    double[] scores(ProductionStep step, int previous);
}
