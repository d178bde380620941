package dev.apprentice.il;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Asserts that bad input is refused with a message that names the problem. */
public final class Rejections {

    private Rejections() {
    }

    /**
     * Runs {@code call}, expects an {@link IllegalArgumentException} and checks that its message
     * contains every fragment.
     */
    public static IllegalArgumentException assertRejected(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(fragment),
                    () -> "expected the message to contain '" + fragment + "' but it was: " + e.getMessage());
        }
        return e;
    }
}
