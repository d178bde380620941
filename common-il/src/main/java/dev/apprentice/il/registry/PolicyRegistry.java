package dev.apprentice.il.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.apprentice.il.io.DurableFiles;
import dev.apprentice.il.policy.Policy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Versioned policy artefacts on local disk. Each version is a directory holding the weights
 * ({@code policy.bin}), the model card ({@code model-card.json}) and their checksums
 * ({@code SHA256SUMS}, readable by {@code sha256sum -c}). A version appears atomically (written
 * in a temporary directory, fsynced, renamed), is verified on every load, and is never modified;
 * promotion and rollback change only a small, atomically replaced state file.
 *
 * <pre>
 * root/
 *   cartpole-bc/
 *     v1/  policy.bin  model-card.json  SHA256SUMS
 *     v2/  ...
 *     promotions.json     which version is served, and the promotion history
 * </pre>
 */
public final class PolicyRegistry {

    static final String WEIGHTS = "policy.bin";
    static final String CARD = "model-card.json";
    static final String CHECKSUMS = "SHA256SUMS";
    static final String PROMOTIONS = "promotions.json";
    private static final Pattern MODEL_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern VERSION_DIR = Pattern.compile("v([1-9][0-9]{0,8})");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final Path root;

    /** @param root the registry directory (created if missing) */
    public PolicyRegistry(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the registry directory " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    /**
     * Stores a new version of {@code card.model()}.
     *
     * @param policy the policy to store
     * @param draft its card (from {@link ModelCard#draft}); version, time and checksum are filled here
     * @return the card as stored
     */
    public ModelCard register(Policy policy, ModelCard draft) {
        String model = requireModelName(draft.model());
        byte[] weights = PolicyCodec.encode(policy);
        String weightsSha = sha256(weights);
        Path modelDir = root.resolve(model);
        return withLock(modelDir, () -> {
            for (int attempt = 0; attempt < 100; attempt++) {
                int version = latestVersion(modelDir) + 1;
                ModelCard card = draft.registered(version, Instant.now().toString(), weightsSha);
                byte[] cardBytes = toJson(card);
                String sums = weightsSha + "  " + WEIGHTS + "\n" + sha256(cardBytes) + "  " + CARD + "\n";
                Path tmp = modelDir.resolve(".tmp-" + UUID.randomUUID());
                Files.createDirectories(tmp);
                try {
                    DurableFiles.writeNew(tmp.resolve(WEIGHTS), weights);
                    DurableFiles.writeNew(tmp.resolve(CARD), cardBytes);
                    DurableFiles.writeNew(tmp.resolve(CHECKSUMS), sums.getBytes(StandardCharsets.UTF_8));
                    DurableFiles.fsyncDirectory(tmp);
                    Files.move(tmp, modelDir.resolve("v" + version), StandardCopyOption.ATOMIC_MOVE);
                    DurableFiles.fsyncDirectory(modelDir);
                    return card;
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
                    deleteTree(tmp);
                } catch (IOException | RuntimeException e) {
                    deleteTree(tmp);
                    throw e;
                }
            }
            throw new IllegalStateException("could not allocate a new version of " + model + " after 100 attempts");
        });
    }

    /**
     * Loads and verifies one version.
     *
     * @throws IllegalArgumentException when the model or version does not exist
     * @throws CorruptArtefactException when the artefact fails verification
     */
    public LoadedPolicy load(String model, int version) {
        Path dir = root.resolve(requireModelName(model)).resolve("v" + version);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("model " + model + " has no version " + version);
        }
        try {
            byte[] weights = readArtefactFile(dir, WEIGHTS);
            byte[] cardBytes = readArtefactFile(dir, CARD);
            Map<String, String> sums = parseChecksums(new String(readArtefactFile(dir, CHECKSUMS), StandardCharsets.UTF_8));
            String weightsSha = sha256(weights);
            verify(WEIGHTS, weightsSha, sums, model, version);
            verify(CARD, sha256(cardBytes), sums, model, version);
            ModelCard card;
            try {
                card = parseCard(cardBytes);
            } catch (IOException e) {
                throw new CorruptArtefactException(model + " v" + version + ": model card is not valid JSON: "
                        + e.getMessage(), e);
            }
            if (!weightsSha.equals(card.weightsSha256())) {
                throw new CorruptArtefactException(model + " v" + version
                        + ": the weights' SHA-256 does not match the one in the model card");
            }
            if (card.version() != version || !model.equals(card.model())) {
                throw new CorruptArtefactException(model + " v" + version + ": the model card names " + card.model()
                        + " v" + card.version());
            }
            return new LoadedPolicy(PolicyCodec.decode(weights), card);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One version as a self-verifying {@link PolicyArtefact} (its card and weights exactly as
     * stored), for shipping to replicas without a shared disk.
     *
     * @throws CorruptArtefactException when the stored version fails verification
     */
    public byte[] artefact(String model, int version) {
        load(model, version);
        Path dir = root.resolve(model).resolve("v" + version);
        try {
            return PolicyArtefact.encode(readArtefactFile(dir, CARD), readArtefactFile(dir, WEIGHTS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a stored model card. */
    static ModelCard parseCard(byte[] cardBytes) throws IOException {
        return JSON.readValue(cardBytes, ModelCard.class);
    }

    /** Loads the promoted version. */
    public Optional<LoadedPolicy> loadPromoted(String model) {
        return promotedVersion(model).map(v -> load(model, v));
    }

    /** Model names in the registry, sorted. */
    public List<String> models() {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> MODEL_NAME.matcher(n).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every version of a model, oldest first, each verified. */
    public List<RegistryEntry> list(String model) {
        Path modelDir = root.resolve(requireModelName(model));
        Optional<Integer> promoted = promotedVersion(model);
        List<RegistryEntry> entries = new ArrayList<>();
        for (int v : versions(modelDir)) {
            boolean isPromoted = promoted.isPresent() && promoted.get() == v;
            try {
                entries.add(new RegistryEntry(v, Optional.of(load(model, v).card()), Optional.empty(), isPromoted));
            } catch (CorruptArtefactException e) {
                entries.add(new RegistryEntry(v, Optional.empty(), Optional.of(e.getMessage()), isPromoted));
            }
        }
        return entries;
    }

    /** The version currently served, if any. */
    public Optional<Integer> promotedVersion(String model) {
        List<Integer> stack = readPromotions(root.resolve(requireModelName(model))).stack;
        return stack.isEmpty() ? Optional.empty() : Optional.of(stack.get(stack.size() - 1));
    }

    /**
     * Makes {@code version} the served one, after verifying it. Promoting an older version is how
     * to roll back to a chosen version.
     *
     * @throws CorruptArtefactException when the version fails verification
     */
    public void promote(String model, int version) {
        load(model, version);
        Path modelDir = root.resolve(model);
        withLock(modelDir, () -> {
            Promotions p = readPromotions(modelDir);
            p.stack.remove(Integer.valueOf(version));
            p.stack.add(version);
            p.events.add(event("promote", version));
            writePromotions(modelDir, p);
            return null;
        });
    }

    /** The promoted versions a rollback can return through, oldest first; the last is served. */
    public List<Integer> promotionStack(String model) {
        return List.copyOf(readPromotions(root.resolve(requireModelName(model))).stack);
    }

    /** The version {@link #rollback} would return to, if there is one. */
    public Optional<Integer> rollbackTarget(String model) {
        List<Integer> stack = readPromotions(root.resolve(requireModelName(model))).stack;
        return stack.size() < 2 ? Optional.empty() : Optional.of(stack.get(stack.size() - 2));
    }

    /** Whether a model has a version directory with this number (verified or not). */
    public boolean exists(String model, int version) {
        return versions(root.resolve(requireModelName(model))).contains(version);
    }

    /**
     * Returns to the version that was served before the current one.
     *
     * @return the version now served
     * @throws IllegalStateException when there is no earlier promotion to return to
     */
    public int rollback(String model) {
        Path modelDir = root.resolve(requireModelName(model));
        return withLock(modelDir, () -> {
            Promotions p = readPromotions(modelDir);
            if (p.stack.size() < 2) {
                throw new IllegalStateException("model " + model + " has no earlier promoted version to roll back to");
            }
            int from = p.stack.remove(p.stack.size() - 1);
            int to = p.stack.get(p.stack.size() - 1);
            load(model, to);
            Map<String, Object> e = event("rollback", to);
            e.put("from", from);
            p.events.add(e);
            writePromotions(modelDir, p);
            return to;
        });
    }

    private static Map<String, Object> event(String action, int version) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("action", action);
        e.put("version", version);
        e.put("at", Instant.now().toString());
        return e;
    }

    /** The promotion state file's content. */
    static final class Promotions {
        public List<Integer> stack = new ArrayList<>();
        public List<Map<String, Object>> events = new ArrayList<>();
    }

    private static Promotions readPromotions(Path modelDir) {
        Path file = modelDir.resolve(PROMOTIONS);
        if (!Files.exists(file)) {
            return new Promotions();
        }
        try {
            return JSON.readValue(Files.readAllBytes(file), Promotions.class);
        } catch (IOException e) {
            throw new CorruptArtefactException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void writePromotions(Path modelDir, Promotions p) throws IOException {
        Path tmp = modelDir.resolve(PROMOTIONS + ".tmp-" + UUID.randomUUID());
        DurableFiles.writeNew(tmp, JSON.writeValueAsBytes(p));
        try {
            Files.move(tmp, modelDir.resolve(PROMOTIONS), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        DurableFiles.fsyncDirectory(modelDir);
    }

    private static List<Integer> versions(Path modelDir) {
        if (!Files.isDirectory(modelDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(modelDir)) {
            return dirs.map(p -> VERSION_DIR.matcher(p.getFileName().toString()))
                    .filter(java.util.regex.Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int latestVersion(Path modelDir) {
        List<Integer> v = versions(modelDir);
        return v.isEmpty() ? 0 : v.get(v.size() - 1);
    }

    private static byte[] readArtefactFile(Path dir, String name) throws IOException {
        try {
            return Files.readAllBytes(dir.resolve(name));
        } catch (NoSuchFileException e) {
            throw new CorruptArtefactException(dir.getParent().getFileName() + " " + dir.getFileName() + ": " + name
                    + " is missing");
        }
    }

    private static Map<String, String> parseChecksums(String text) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split("\\s+", 2);
            if (parts.length != 2 || parts[0].length() != 64) {
                throw new CorruptArtefactException(CHECKSUMS + " has a malformed line: '" + line + "'");
            }
            sums.put(parts[1].replaceFirst("^\\*", ""), parts[0]);
        }
        return sums;
    }

    private static void verify(String name, String actualSha, Map<String, String> sums, String model, int version) {
        String expected = sums.get(name);
        if (expected == null) {
            throw new CorruptArtefactException(model + " v" + version + ": " + CHECKSUMS + " has no entry for " + name);
        }
        if (!expected.equalsIgnoreCase(actualSha)) {
            throw new CorruptArtefactException(model + " v" + version + ": " + name
                    + " does not match its SHA-256 (truncated or modified)");
        }
    }

    private static String requireModelName(String model) {
        if (model == null || !MODEL_NAME.matcher(model).matches()) {
            throw new IllegalArgumentException("model name: expected 1-64 characters of a-z, 0-9, '.', '_', '-' "
                    + "starting with a letter or digit, found '" + model + "'");
        }
        return model;
    }

    private static byte[] toJson(ModelCard card) {
        try {
            return JSON.writeValueAsBytes(card);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("model card cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover .tmp-* directory is ignored by every reader
        }
    }

    /** Work done while holding the model's lock file, so that several processes can share a registry. */
    @FunctionalInterface
    private interface LockedWork<T> {
        T run() throws IOException;
    }

    private static <T> T withLock(Path modelDir, LockedWork<T> work) {
        try {
            Files.createDirectories(modelDir);
            try (FileChannel ch = FileChannel.open(modelDir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
                return work.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
