package dev.apprentice.il.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("reliability")
class PolicyRegistryConcurrencyTest {

    private static final String MODEL = "m";
    private static final long PROBE_NANOS = TimeUnit.SECONDS.toNanos(6);
    private static final long DELETION_PROBE_NANOS = TimeUnit.SECONDS.toNanos(4);

    @TempDir
    Path root;

    @Test
    void fourThreadsPromotingAndRollingBackWhileFourRegisterLeaveUniqueContiguousVersionsAndAReadableRegistry()
            throws Exception {
        PolicyRegistry registry = new PolicyRegistry(root);
        register(registry, "seed-1");
        register(registry, "seed-2");
        registry.promote(MODEL, 1);
        registry.promote(MODEL, 2);
        AtomicInteger registrations = new AtomicInteger(2);
        AtomicInteger promotions = new AtomicInteger();
        AtomicInteger rollbacks = new AtomicInteger();
        AtomicInteger nothingToRollBackTo = new AtomicInteger();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + PROBE_NANOS;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String writer = "registrar-" + t;
            workers.add(pool.submit(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    try {
                        register(registry, writer + "-" + i);
                        registrations.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            }));
            workers.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    try {
                        if (random.nextBoolean()) {
                            registry.promote(MODEL, 1 + random.nextInt(registrations.get()));
                            promotions.incrementAndGet();
                        } else {
                            registry.rollback(MODEL);
                            rollbacks.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        if (nothingToRollBackTo(e)) {
                            nothingToRollBackTo.incrementAndGet();
                        } else {
                            failures.add(e);
                        }
                    }
                }
            }));
        }
        for (Future<?> w : workers) {
            w.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        System.out.printf("in-JVM probe: %.1f s, %d registrations, %d promotions, %d rollbacks, %d refused rollbacks%n",
                PROBE_NANOS / 1e9, registrations.get(), promotions.get(), rollbacks.get(), nothingToRollBackTo.get());

        assertTrue(failures.isEmpty(), () -> failures.size() + " operations failed, first: " + failures.peek());
        assertUniqueContiguousVersionsWrittenOnceEach(registry, registrations.get());
        List<Integer> stack = registry.promotionStack(MODEL);
        assertEquals(stack.size(), new HashSet<>(stack).size(), "no version twice in the promotion stack " + stack);
        assertTrue(registry.health(MODEL).intact(), registry.health(MODEL).damage()::toString);
        assertEquals(registry.promotedVersion(MODEL).orElseThrow(),
                registry.loadPromoted(MODEL).orElseThrow().card().version());
    }

    @Test
    void aSecondProcessRegisteringAndPromotingAtTheSameTimeNeitherLosesNorDuplicatesAVersion() throws Exception {
        PolicyRegistry registry = new PolicyRegistry(root);
        int childVersions = 40;
        Path childOutput = root.resolveSibling(root.getFileName() + "-child.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RegistryWriterProcess.class.getName(), root.toString(),
                MODEL, Integer.toString(childVersions), "child")
                .redirectErrorStream(true).redirectOutput(childOutput.toFile()).start();
        AtomicInteger parentVersions = new AtomicInteger();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> registrar = pool.submit(() -> {
            for (int i = 0; child.isAlive() || i < 10; i++) {
                try {
                    int version = register(registry, "parent-" + i).version();
                    parentVersions.incrementAndGet();
                    registry.promote(MODEL, version);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        });
        Future<?> rollbacks = pool.submit(() -> {
            while (child.isAlive()) {
                try {
                    registry.rollback(MODEL);
                } catch (RuntimeException e) {
                    if (!nothingToRollBackTo(e)) {
                        failures.add(e);
                    }
                }
            }
        });
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child process finished within 60 s");
        registrar.get(60, TimeUnit.SECONDS);
        rollbacks.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        String output = Files.readString(childOutput);
        System.out.printf("cross-process probe: child registered %d, parent %d%n", childVersions, parentVersions.get());

        assertEquals(0, child.exitValue(), () -> "the child failed: " + output);
        assertTrue(failures.isEmpty(), () -> failures.size() + " operations failed, first: " + failures.peek());
        assertUniqueContiguousVersionsWrittenOnceEach(registry, childVersions + parentVersions.get());
        assertTrue(registry.health(MODEL).intact(), registry.health(MODEL).damage()::toString);
    }

    @Test
    void givenThreadsRegisteringAndPromoting_whenAnotherDeletesTheModelAgainAndAgain_thenEveryVersionIsEitherRemovedOnceOrStillWhole()
            throws Exception {
        // given
        PolicyRegistry registry = new PolicyRegistry(root);
        AtomicInteger registrations = new AtomicInteger();
        AtomicLong removed = new AtomicLong();
        AtomicInteger deletions = new AtomicInteger();
        AtomicInteger refusedPromotions = new AtomicInteger();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + DELETION_PROBE_NANOS;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            String writer = "registrar-" + t;
            workers.add(pool.submit(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    try {
                        register(registry, writer + "-" + i);
                        registrations.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            }));
        }
        for (int t = 0; t < 2; t++) {
            workers.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    try {
                        if (random.nextBoolean()) {
                            registry.promote(MODEL, 1 + random.nextInt(8));
                        } else {
                            registry.rollback(MODEL);
                        }
                    } catch (RuntimeException e) {
                        if (nothingToRollBackTo(e) || goneMeanwhile(e)) {
                            refusedPromotions.incrementAndGet();
                        } else {
                            failures.add(e);
                        }
                    }
                }
            }));
        }

        // when
        workers.add(pool.submit(() -> {
            while (System.nanoTime() < end) {
                try {
                    removed.addAndGet(registry.delete(MODEL));
                    deletions.incrementAndGet();
                    Thread.sleep(2);
                } catch (RuntimeException e) {
                    failures.add(e);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }));
        for (Future<?> w : workers) {
            w.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        System.out.printf("deletion probe: %d registrations, %d deletions removing %d versions, %d refused promotions%n",
                registrations.get(), deletions.get(), removed.get(), refusedPromotions.get());

        // then
        assertTrue(failures.isEmpty(), () -> failures.size() + " operations failed, first: " + failures.peek());
        assertTrue(removed.get() > 0 && deletions.get() > 10, "the probe deleted versions many times");
        assertWholeAfterDeletions(registry, registrations.get() - removed.get());
    }

    @Test
    void givenAProcessRegistering_whenASecondProcessDeletesTheModelAgainAndAgain_thenEveryVersionIsEitherRemovedOnceOrStillWhole()
            throws Exception {
        // given
        PolicyRegistry registry = new PolicyRegistry(root);
        Path childOutput = root.resolveSibling(root.getFileName() + "-deleter.txt");
        Process deleter = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RegistryDeleterProcess.class.getName(), root.toString(),
                MODEL, Long.toString(TimeUnit.NANOSECONDS.toMillis(DELETION_PROBE_NANOS)))
                .redirectErrorStream(true).redirectOutput(childOutput.toFile()).start();
        AtomicInteger registrations = new AtomicInteger();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> registrars = new ArrayList<>();

        // when
        for (int t = 0; t < 2; t++) {
            String writer = "parent-" + t;
            registrars.add(pool.submit(() -> {
                for (int i = 0; deleter.isAlive(); i++) {
                    try {
                        int version = register(registry, writer + "-" + i).version();
                        registrations.incrementAndGet();
                        registry.promote(MODEL, version);
                    } catch (RuntimeException e) {
                        if (!goneMeanwhile(e)) {
                            failures.add(e);
                        }
                    }
                }
            }));
        }
        assertTrue(deleter.waitFor(60, TimeUnit.SECONDS), "the deleting process finished within 60 s");
        for (Future<?> r : registrars) {
            r.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        String output = Files.readString(childOutput);
        assertEquals(0, deleter.exitValue(), () -> "the deleter failed: " + output);
        long removed = Long.parseLong(output.lines().filter(l -> l.startsWith("removed ")).findFirst()
                .orElseThrow(() -> new AssertionError("the deleter printed no count: " + output)).substring(8));
        System.out.printf("cross-process deletion probe: %d registrations, %s, %d removed%n", registrations.get(),
                output.lines().filter(l -> l.startsWith("deletions ")).findFirst().orElse("?"), removed);

        // then
        assertTrue(failures.isEmpty(), () -> failures.size() + " operations failed, first: " + failures.peek());
        assertTrue(removed > 0, "the other process removed versions: " + output);
        assertWholeAfterDeletions(registry, registrations.get() - removed);
    }

    /**
     * A promotion refused because a deletion removed the version first, or removed it and a new
     * registration took its number while it was being read.
     */
    static boolean goneMeanwhile(RuntimeException e) {
        return e instanceof IllegalArgumentException && e.getMessage().contains("has no version")
                || e instanceof CorruptArtefactException;
    }

    /**
     * What the deletions left: versions 1..remaining, each verifying and each a different
     * registration, a promotion stack of those versions only, an intact record, and nothing aside.
     */
    private void assertWholeAfterDeletions(PolicyRegistry registry, long remaining) throws IOException {
        assertUniqueContiguousVersionsWrittenOnceEach(registry, (int) remaining);
        List<Integer> stack = registry.promotionStack(MODEL);
        assertTrue(stack.stream().allMatch(v -> v >= 1 && v <= remaining), "promotion stack " + stack + " of "
                + remaining + " versions");
        assertTrue(registry.health(MODEL).intact(), registry.health(MODEL).damage()::toString);
        try (Stream<Path> entries = Files.list(root)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(n -> n.startsWith(PolicyRegistry.DELETED_PREFIX)), names::toString);
        }
        if (remaining > 0) {
            try (Stream<Path> entries = Files.list(root.resolve(MODEL))) {
                List<String> names = entries.map(p -> p.getFileName().toString()).toList();
                assertTrue(names.stream().noneMatch(n -> n.startsWith(".tmp-")), names::toString);
            }
        }
    }

    /** The one refusal the probes expect: a rollback with no earlier promotion (an {@code OverlappingFileLockException} is an IllegalStateException too). */
    static boolean nothingToRollBackTo(RuntimeException e) {
        return e.getClass() == IllegalStateException.class
                && e.getMessage().contains("no earlier promoted version to roll back to");
    }

    private static ModelCard register(PolicyRegistry registry, String writer) {
        return registry.register(PolicyRegistryTest.policy(writer.hashCode() % 7), RegistryWriterProcess.card(MODEL, writer));
    }

    /** Versions are 1..expected, each verifies, and each names a different writer. */
    private static void assertUniqueContiguousVersionsWrittenOnceEach(PolicyRegistry registry, int expected) {
        List<RegistryEntry> entries = registry.list(MODEL);
        assertEquals(IntStream.rangeClosed(1, expected).boxed().toList(),
                entries.stream().map(RegistryEntry::version).toList(), "versions 1.." + expected);
        Set<Object> writers = new HashSet<>();
        for (RegistryEntry e : entries) {
            assertTrue(e.problem().isEmpty(), () -> "v" + e.version() + ": " + e.problem().orElseThrow());
            assertTrue(writers.add(e.card().orElseThrow().data().get("writer")),
                    "v" + e.version() + " repeats the registration of " + e.card().orElseThrow().data().get("writer"));
        }
    }
}
