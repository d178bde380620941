package dev.apprentice.service.adaptation;

import java.util.Map;

/**
 * An adapted model, as the adaptation endpoint answers it.
 *
 * @param subject the person it was adapted to
 * @param model its registry name, served at once
 * @param version its version
 * @param metaModel the meta-model it started from
 * @param metaModelVersion that meta-model's version
 * @param episodesUsed the person's stored episodes it adapted on
 * @param samplesUsed the decisions in them
 * @param metrics fit on those samples before and after adapting: {@code agreement_before}/{@code
 *     agreement_after} for discrete actions, {@code action_mse_before}/{@code action_mse_after} for continuous ones
 */
public record Adaptation(String subject, String model, int version, String metaModel, int metaModelVersion,
        int episodesUsed, int samplesUsed, Map<String, Double> metrics) {
}
