package dev.apprentice.starcraft.training;

import dev.apprentice.starcraft.demonstration.PlayerDemonstrations;
import dev.apprentice.starcraft.demonstration.ProductionCatalog;
import dev.apprentice.starcraft.demonstration.ProductionFeatures;
import dev.apprentice.starcraft.demonstration.ProductionStep;
import dev.apprentice.starcraft.demonstration.Race;
import java.util.List;

/**
 * The baselines a learned next-production policy must beat, fitted on the same training replays: the most
 * frequent productions of the player's race, and a first-order Markov model of the race's productions
 * (what follows the previous production), backed off to the race's frequencies.
 */
public final class ProductionBaselines {
    private ProductionBaselines() {
    }

    /** @return a predictor that ranks the race's productions by how often the training players made them */
    public static ProductionPredictor mostFrequent(List<PlayerDemonstrations> training) {
        double[][] counts = raceCounts(training);
        return new ProductionPredictor() {
            @Override
            public String name() {
                return "most frequent per race";
            }

            @Override
            public double[] scores(ProductionStep step, int previous) {
                return counts[raceOf(step).ordinal()].clone();
            }
        };
    }

    /**
     * @return a predictor that ranks productions by how often they followed the previous one in training,
     *         breaking ties (and covering unseen predecessors) with the race's frequencies
     */
    public static ProductionPredictor markov(List<PlayerDemonstrations> training) {
        int size = ProductionCatalog.size();
        double[][] raceCounts = raceCounts(training);
        double[][] transitions = new double[size + 1][size];
        for (PlayerDemonstrations player : training) {
            int previous = -1;
            for (ProductionStep step : player.steps()) {
                transitions[previous + 1][step.production()]++;
                previous = step.production();
            }
        }
        return new ProductionPredictor() {
            @Override
            public String name() {
                return "Markov on the previous production";
            }

            @Override
            public double[] scores(ProductionStep step, int previous) {
                double[] race = raceCounts[raceOf(step).ordinal()];
                double raceTotal = 0;
                for (double count : race) {
                    raceTotal += count;
                }
                double[] scores = new double[size];
                double[] row = transitions[previous + 1];
                for (int i = 0; i < size; i++) {
                    // The race's frequency only breaks ties and ranks what never followed this production.
                    scores[i] = row[i] + (raceTotal > 0 ? race[i] / raceTotal : 0) * 0.5;
                }
                return scores;
            }
        };
    }

    private static double[][] raceCounts(List<PlayerDemonstrations> training) {
        double[][] counts = new double[Race.values().length][ProductionCatalog.size()];
        for (PlayerDemonstrations player : training) {
            for (ProductionStep step : player.steps()) {
                counts[player.race().ordinal()][step.production()]++;
            }
        }
        return counts;
    }

    static Race raceOf(ProductionStep step) {
        return ProductionFeatures.race(step.state());
    }
}
