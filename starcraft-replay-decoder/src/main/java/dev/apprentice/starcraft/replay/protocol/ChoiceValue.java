package dev.apprentice.starcraft.replay.protocol;

/**
 * A decoded choice: which member the data chose (for example {@code TargetPoint} of a command's data) and
 * its value.
 *
 * @param name  the chosen member's name
 * @param value its value (see {@link StructValue} for the value types)
 */
public record ChoiceValue(String name, Object value) {
}
