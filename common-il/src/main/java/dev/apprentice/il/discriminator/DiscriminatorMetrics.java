package dev.apprentice.il.discriminator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How well the discriminator tells expert from generated data: the first thing to look at when
 * adversarial training goes wrong (accuracies near 1 mean the policy gets no useful signal; near
 * 0.5 from the start, that the discriminator is not learning).
 *
 * @param loss the minimised loss (including any gradient penalty)
 * @param expertAccuracy share of expert pairs classified as expert (D > ½)
 * @param generatedAccuracy share of generated pairs classified as generated (D ≤ ½)
 */
public record DiscriminatorMetrics(double loss, double expertAccuracy, double generatedAccuracy) {

    /** The metrics as {@code disc_loss}, {@code disc_expert_accuracy}, {@code disc_generated_accuracy}. */
    public Map<String, Double> toMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("disc_loss", loss);
        m.put("disc_expert_accuracy", expertAccuracy);
        m.put("disc_generated_accuracy", generatedAccuracy);
        return m;
    }

    /** Mean of both accuracies, the balanced accuracy. */
    public double accuracy() {
        return (expertAccuracy + generatedAccuracy) / 2;
    }
}
