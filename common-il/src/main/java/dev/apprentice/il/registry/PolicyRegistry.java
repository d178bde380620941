package dev.apprentice.il.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned policy artefacts on local disk. Each version is a directory holding the weights
 * ({@code policy.bin}), the model card ({@code model-card.json}) and their checksums
 * ({@code SHA256SUMS}, readable by {@code sha256sum -c}). A version appears atomically (written
 * in a temporary directory, fsynced, renamed), is verified on every load, and is never modified;
 * promotion and rollback change only the promotion record.
 *
 * <pre>
 * root/
 *   cartpole-bc/
 *     v1/  policy.bin  model-card.json  SHA256SUMS
 *     v2/  ...
 *     promotions.json     which version is served, and the promotion history
 *     promotions.log      one checksummed line per promotion or rollback, with the stack after it
 *     .lock               held while a version is allocated, the promotion record changes or the model is deleted
 *   .deleted-&lt;uuid&gt;/    a deleted model's tree, moved aside before it is removed
 * </pre>
 *
 * <p><b>Promotion record recovery.</b> Every promotion and rollback first appends a line to
 * {@code promotions.log} ({@code <SHA-256 of the JSON> <JSON>}, the JSON holding the action, the
 * version, the time and the whole promotion stack after the change), forces it to disk, and only
 * then atomically replaces {@code promotions.json}. Readers use {@code promotions.json}; when it is
 * missing, empty, truncated or not a promotion record, they take the stack from the last log line
 * whose checksum verifies (a torn or damaged line is skipped) and say so in {@link #health}. When
 * no line verifies either, nothing is promoted until a version is promoted again. A read never
 * writes: the next promotion or rollback starts from the recovered stack, records the recovery as
 * an event, and replaces the damaged file.
 *
 * <p><b>Concurrency.</b> Version allocation and changes of the promotion record hold a lock per
 * model: an in-process lock per canonical model directory (so threads of one JVM queue instead of
 * colliding on the file lock) and then the {@code .lock} file lock (so other processes queue too).
 * Version numbers are therefore unique and contiguous across processes sharing the directory.
 *
 * <p><b>Deletion.</b> {@link #delete} removes a model under the same locks: it moves the model's
 * directory aside to {@code .deleted-<uuid>} in one atomic rename, forces the registry directory to
 * disk, and only then deletes the tree. A process that was waiting for the lock meanwhile holds the
 * lock of a file that is no longer the model's: it sees that the file at the lock's path is another
 * (by file key, without opening it, since closing any descriptor of a locked file would release
 * the lock) and starts over on the model's new directory. A tree a crash left aside is removed when
 * the registry is next opened or its models are listed, and is never listed as a model.
 */
public final class PolicyRegistry {

    static final String WEIGHTS = "policy.bin";
    static final String CARD = "model-card.json";
    static final String CHECKSUMS = "SHA256SUMS";
    static final String PROMOTIONS = "promotions.json";
    static final String PROMOTION_LOG = "promotions.log";
    static final String LOCK = ".lock";
    /** The name a deleted model's directory is moved to before its tree is removed, followed by a UUID. */
    static final String DELETED_PREFIX = ".deleted-";
    private static final Pattern MODEL_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern VERSION_DIR = Pattern.compile("v([1-9][0-9]{0,8})");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectMapper LOG_LINE = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(PolicyRegistry.class);
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final Path root;

    /**
     * Opens a registry, removing what deletions a crash interrupted left aside.
     *
     * @param root the registry directory (created if missing)
     */
    public PolicyRegistry(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the registry directory " + root, e);
        }
        models();
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

    /**
     * Loads the newest version of the promotion stack that verifies: the promoted one, or, when its
     * artefact is corrupt or missing, the one a rollback would return to, and so on. Each version
     * passed over is logged as a warning; the promotion record is not changed, so
     * {@link #promotedVersion} still names the damaged version until someone promotes or rolls back.
     */
    public Optional<LoadedPolicy> loadPromoted(String model) {
        List<Integer> stack = promotionStack(model);
        for (int i = stack.size() - 1; i >= 0; i--) {
            try {
                return Optional.of(load(model, stack.get(i)));
            } catch (CorruptArtefactException | IllegalArgumentException e) {
                LOG.warn("{}: promoted version {} cannot be loaded ({}); trying the one before it", model, stack.get(i),
                        e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Model names in the registry, sorted; trees of deletions a crash interrupted are removed on the way. */
    public List<String> models() {
        List<Path> dirs;
        try (Stream<Path> entries = Files.list(root)) {
            dirs = entries.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> models = new ArrayList<>();
        for (Path dir : dirs) {
            String name = dir.getFileName().toString();
            if (name.startsWith(DELETED_PREFIX)) {
                LOG.info("registry {}: removing {}, left by a deletion that was interrupted", root, name);
                deleteTree(dir);
            } else if (MODEL_NAME.matcher(name).matches()) {
                models.add(name);
            }
        }
        return models.stream().sorted().toList();
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

    /** The version currently promoted, if any. */
    public Optional<Integer> promotedVersion(String model) {
        List<Integer> stack = promotionStack(model);
        return stack.isEmpty() ? Optional.empty() : Optional.of(stack.get(stack.size() - 1));
    }

    /**
     * What was found damaged in a model's promotion record and how the promotion stack was
     * recovered; intact when {@code promotions.json} reads cleanly.
     */
    public RegistryHealth health(String model) {
        return new RegistryHealth(model, readPromotions(root.resolve(requireModelName(model))).damage());
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
            if (!Files.isDirectory(modelDir.resolve("v" + version))) {
                throw new IllegalArgumentException("model " + model + " has no version " + version
                        + " (it was deleted meanwhile)");
            }
            Promotions p = promotionsToChange(modelDir);
            p.stack.remove(Integer.valueOf(version));
            p.stack.add(version);
            record(modelDir, p, event("promote", version));
            return null;
        });
    }

    /** The promoted versions a rollback can return through, oldest first; the last is promoted. */
    public List<Integer> promotionStack(String model) {
        return List.copyOf(readPromotions(root.resolve(requireModelName(model))).promotions().stack);
    }

    /** The version {@link #rollback} would return to, if there is one. */
    public Optional<Integer> rollbackTarget(String model) {
        List<Integer> stack = promotionStack(model);
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
            Promotions p = promotionsToChange(modelDir);
            if (p.stack.size() < 2) {
                throw new IllegalStateException("model " + model + " has no earlier promoted version to roll back to"
                        + " (promotion stack " + p.stack + ")");
            }
            int from = p.stack.remove(p.stack.size() - 1);
            int to = p.stack.get(p.stack.size() - 1);
            load(model, to);
            Map<String, Object> e = event("rollback", to);
            e.put("from", from);
            record(modelDir, p, e);
            return to;
        });
    }

    /**
     * Removes every version of a model and its promotion record, durably: under the model's locks,
     * so that a registration, promotion or rollback happens wholly before or wholly after it, the
     * model's directory is moved aside in one atomic rename, the registry directory is forced to
     * disk, and then the tree is deleted. A registration that was waiting starts the model afresh at
     * version 1. After a crash the model is either still whole or gone (see the class notes).
     *
     * @return how many versions were removed; 0 for a model the registry does not hold
     */
    public int delete(String model) {
        Path modelDir = root.resolve(requireModelName(model));
        if (!Files.isDirectory(modelDir)) {
            return 0;
        }
        Path aside = root.resolve(DELETED_PREFIX + UUID.randomUUID());
        int removed = withLock(modelDir, () -> {
            int versions = versions(modelDir).size();
            Files.move(modelDir, aside, StandardCopyOption.ATOMIC_MOVE);
            DurableFiles.fsyncDirectory(root);
            return versions;
        });
        deleteTree(aside);
        return removed;
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

    /**
     * A promotion record as read: the state, and what was damaged on the way (empty when
     * {@code promotions.json} read cleanly or does not exist yet).
     */
    private record ReadPromotions(Promotions promotions, List<String> damage) {
    }

    private static ReadPromotions readPromotions(Path modelDir) {
        Path file = modelDir.resolve(PROMOTIONS);
        String problem;
        try {
            Promotions p = JSON.readValue(Files.readAllBytes(file), Promotions.class);
            problem = p == null ? "holds JSON null, expected a promotion record" : stackProblem(p.stack);
            if (problem == null) {
                if (p.events == null) {
                    p.events = new ArrayList<>();
                }
                return new ReadPromotions(p, List.of());
            }
        } catch (NoSuchFileException e) {
            if (!Files.exists(modelDir.resolve(PROMOTION_LOG))) {
                return new ReadPromotions(new Promotions(), List.of());
            }
            problem = "is missing";
        } catch (IOException e) {
            problem = "is not a promotion record (" + firstLine(e.getMessage()) + ")";
        }
        List<String> damage = new ArrayList<>();
        damage.add(PROMOTIONS + " " + problem);
        Promotions recovered = new Promotions();
        recovered.stack = recoverFromLog(modelDir.resolve(PROMOTION_LOG), damage);
        return new ReadPromotions(recovered, List.copyOf(damage));
    }

    /** Why a stack read from disk cannot be a promotion stack, or null when it can. */
    private static String stackProblem(List<Integer> stack) {
        if (stack == null) {
            return "has no promotion stack";
        }
        for (Integer v : stack) {
            if (v == null || v < 1) {
                return "has a promotion stack with " + v + " in it, expected version numbers from 1";
            }
        }
        return null;
    }

    /** The stack of the last intact log line; every damaged line and the outcome are added to {@code damage}. */
    private static List<Integer> recoverFromLog(Path log, List<String> damage) {
        List<String> lines;
        try {
            // Decoded leniently: a line with bytes that are not UTF-8 fails its checksum instead of hiding the others.
            lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        } catch (NoSuchFileException e) {
            lines = List.of();
        } catch (IOException e) {
            damage.add(PROMOTION_LOG + " cannot be read (" + e.getMessage() + ")");
            lines = List.of();
        }
        List<Integer> stack = null;
        int from = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int space = line.indexOf(' ');
            String json = space < 0 ? "" : line.substring(space + 1);
            if (space != 64 || !sha256(json.getBytes(StandardCharsets.UTF_8)).equals(line.substring(0, space))) {
                damage.add(PROMOTION_LOG + " line " + (i + 1) + " fails its checksum (torn or modified); skipped");
                continue;
            }
            try {
                LogLine parsed = LOG_LINE.readValue(json, LogLine.class);
                String problem = parsed == null ? "holds JSON null" : stackProblem(parsed.stack());
                if (problem != null) {
                    damage.add(PROMOTION_LOG + " line " + (i + 1) + " " + problem + "; skipped");
                    continue;
                }
                stack = new ArrayList<>(parsed.stack());
                from = i + 1;
            } catch (IOException e) {
                damage.add(PROMOTION_LOG + " line " + (i + 1) + " is not a log entry (" + firstLine(e.getMessage())
                        + "); skipped");
            }
        }
        if (stack == null) {
            damage.add("no intact " + PROMOTION_LOG + " entry to recover from: nothing is promoted until a version is"
                    + " promoted again");
            return new ArrayList<>();
        }
        damage.add("recovered the promotion stack " + stack + " from " + PROMOTION_LOG + " line " + from);
        return stack;
    }

    /** The part of a {@code promotions.log} line a recovery needs; other fields are for people. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record LogLine(List<Integer> stack) {
    }

    private static String firstLine(String message) {
        return message == null ? "no detail" : message.lines().findFirst().orElse("no detail");
    }

    /** The record to change under the lock: as read, with any recovery noted as an event of its own. */
    private static Promotions promotionsToChange(Path modelDir) {
        ReadPromotions read = readPromotions(modelDir);
        if (!read.damage().isEmpty()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("action", "recover");
            e.put("damage", read.damage());
            e.put("at", Instant.now().toString());
            read.promotions().events.add(e);
        }
        return read.promotions();
    }

    /** Logs a change with the stack it leaves (forced to disk first), then replaces {@code promotions.json}. */
    private static void record(Path modelDir, Promotions p, Map<String, Object> event) throws IOException {
        p.events.add(event);
        Map<String, Object> line = new LinkedHashMap<>(event);
        line.put("stack", p.stack);
        String json = LOG_LINE.writeValueAsString(line);
        DurableFiles.appendLine(modelDir.resolve(PROMOTION_LOG),
                (sha256(json.getBytes(StandardCharsets.UTF_8)) + " " + json).getBytes(StandardCharsets.UTF_8));
        DurableFiles.replace(modelDir.resolve(PROMOTIONS), JSON.writeValueAsBytes(p));
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
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("model " + dir.getParent().getFileName() + " has no version "
                        + dir.getFileName().toString().substring(1) + " (it was deleted meanwhile)");
            }
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
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: every reader ignores a leftover .tmp-* or .deleted-* directory, and the next
            // opening or listing removes the latter (another thread may be removing it at the same time)
        }
    }

    /** Work done while holding the model's locks, so that threads and processes can share a registry. */
    @FunctionalInterface
    private interface LockedWork<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code work} holding first this JVM's lock for the canonical model directory, then the
     * model's lock file: a file lock is held per JVM, and a second thread asking for it would get
     * an {@link java.nio.channels.OverlappingFileLockException} instead of waiting. When the locked
     * file turns out not to be the model's lock file any more (a deletion in another process moved
     * the directory away while this one waited), it starts over on the model's new directory.
     */
    private static <T> T withLock(Path modelDir, LockedWork<T> work) {
        Path lockFile = modelDir.resolve(LOCK);
        try {
            // Keyed by the parent's real path, since the model's own directory may come and go.
            Path key = modelDir.getParent().toRealPath().resolve(modelDir.getFileName());
            ReentrantLock inProcess = IN_PROCESS_LOCKS.computeIfAbsent(key, d -> new ReentrantLock());
            inProcess.lock();
            try {
                while (true) {
                    if (!createModelDirectory(modelDir)) {
                        continue;
                    }
                    Optional<Object> opened = fileKey(lockFile);
                    if (opened.isEmpty()) {
                        createLockFile(lockFile);
                        continue;
                    }
                    FileChannel ch;
                    try {
                        ch = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                    } catch (NoSuchFileException movedAway) {
                        continue;
                    }
                    try (ch; FileLock lock = ch.lock()) {
                        // The path named this file just before the channel opened and still names it with the
                        // lock held: the channel holds it, and no deletion has moved it away.
                        if (opened.equals(fileKey(lockFile))) {
                            return work.run();
                        }
                    }
                }
            } finally {
                inProcess.unlock();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The identity of the file at {@code path} (device and inode where the platform has them), read
     * without opening the file; empty when there is none. A platform without file keys gives every
     * file the same one, which makes the check in {@link #withLock} always pass, as it did before deletion.
     */
    private static Optional<Object> fileKey(Path path) throws IOException {
        try {
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            return Optional.of(key == null ? Boolean.TRUE : key);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Creates the model's directory unless it exists; false when another process's deletion moved it
     * away at that moment, so that the caller looks again.
     */
    private static boolean createModelDirectory(Path modelDir) throws IOException {
        try {
            Files.createDirectories(modelDir);
            return true;
        } catch (FileAlreadyExistsException movedAway) {
            if (Files.exists(modelDir) && !Files.isDirectory(modelDir)) {
                throw movedAway;
            }
            return false;
        }
    }

    private static void createLockFile(Path lockFile) throws IOException {
        try {
            Files.createFile(lockFile);
        } catch (FileAlreadyExistsException | NoSuchFileException raced) {
            // another process created it, or moved its directory away: the caller looks again
        }
    }
}
