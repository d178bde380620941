package dev.apprentice.il.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting a model (a user's models erased): every version and the promotion record go, crash-safely. */
class PolicyRegistryDeletionTest {

    @TempDir
    Path root;

    @Test
    void givenAPromotedModelBesideAnother_whenDeleted_thenItsVersionsAndPromotionsAreGoneAndTheOtherIsUntouched() {
        // given
        PolicyRegistry registry = new PolicyRegistry(root);
        for (int i = 0; i < 3; i++) {
            registry.register(PolicyRegistryTest.policy(i), RegistryWriterProcess.card("user-17", "test-" + i));
        }
        registry.promote("user-17", 1);
        registry.promote("user-17", 3);
        registry.register(PolicyRegistryTest.policy(9), RegistryWriterProcess.card("user-18", "test"));
        registry.promote("user-18", 1);

        // when
        int removed = registry.delete("user-17");

        // then
        assertEquals(3, removed);
        assertEquals(List.of("user-18"), registry.models());
        assertEquals(List.of(), registry.list("user-17"));
        assertEquals(List.of(), registry.promotionStack("user-17"));
        assertFalse(registry.exists("user-17", 1));
        assertEquals(List.of("user-18"), entries(root), "nothing of user-17 is left, not even aside");
        assertEquals(List.of(1), registry.promotionStack("user-18"));
        assertEquals(1, registry.load("user-18", 1).card().version());
    }

    @Test
    void givenADeletedModel_whenRegisteredAgain_thenItStartsAfreshAtVersionOneWithNothingPromoted() {
        PolicyRegistry registry = new PolicyRegistry(root);
        registry.register(PolicyRegistryTest.policy(1), RegistryWriterProcess.card("user-17", "before"));
        registry.promote("user-17", 1);
        registry.delete("user-17");

        ModelCard again = registry.register(PolicyRegistryTest.policy(2), RegistryWriterProcess.card("user-17", "after"));

        assertEquals(1, again.version());
        assertEquals(List.of(), registry.promotionStack("user-17"));
        assertTrue(registry.health("user-17").intact());
    }

    @Test
    void givenAModelTheRegistryDoesNotHold_whenDeleted_thenZeroIsReturnedAndNothingIsCreated() {
        PolicyRegistry registry = new PolicyRegistry(root);

        assertEquals(0, registry.delete("nobody"));
        assertEquals(0, registry.delete("nobody"));

        assertEquals(List.of(), entries(root));
    }

    @Test
    void givenATreeADeletionCrashLeftAside_whenTheRegistryIsOpened_thenTheTreeIsRemovedAndNeverListed()
            throws IOException {
        // given: the rename happened, and the crash came while the tree was half deleted
        PolicyRegistry before = new PolicyRegistry(root);
        before.register(PolicyRegistryTest.policy(1), RegistryWriterProcess.card("user-17", "test"));
        before.register(PolicyRegistryTest.policy(2), RegistryWriterProcess.card("user-17", "test"));
        before.promote("user-17", 2);
        Path aside = root.resolve(PolicyRegistry.DELETED_PREFIX + UUID.randomUUID());
        Files.move(root.resolve("user-17"), aside);
        Files.delete(aside.resolve("v1").resolve(PolicyRegistry.WEIGHTS));

        // when
        PolicyRegistry reopened = new PolicyRegistry(root);

        // then
        assertEquals(List.of(), entries(root));
        assertEquals(List.of(), reopened.models());
    }

    @Test
    void givenATreeLeftAsideWhileTheRegistryIsOpen_whenModelsAreListed_thenItIsNotAModelAndIsRemoved()
            throws IOException {
        PolicyRegistry registry = new PolicyRegistry(root);
        registry.register(PolicyRegistryTest.policy(1), RegistryWriterProcess.card("user-18", "test"));
        Path aside = Files.createDirectories(root.resolve(PolicyRegistry.DELETED_PREFIX + UUID.randomUUID()).resolve("v1"));
        Files.writeString(aside.resolve(PolicyRegistry.CARD), "{}");

        List<String> models = registry.models();

        assertEquals(List.of("user-18"), models);
        assertEquals(List.of("user-18"), entries(root));
    }

    @Test
    void givenAVersionDeletedMeanwhile_whenPromoted_thenTheRefusalSaysItIsGoneAndNoRecordIsWritten() {
        PolicyRegistry registry = new PolicyRegistry(root);
        registry.register(PolicyRegistryTest.policy(1), RegistryWriterProcess.card("user-17", "test"));
        registry.delete("user-17");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> registry.promote("user-17", 1));

        assertTrue(refused.getMessage().contains("model user-17 has no version 1"), refused.getMessage());
        assertEquals(List.of(), registry.promotionStack("user-17"));
    }

    /** The names in a directory, sorted. */
    static List<String> entries(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
