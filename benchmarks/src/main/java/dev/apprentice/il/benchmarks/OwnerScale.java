package dev.apprentice.il.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.apprentice.il.registry.LibraryVersion;
import dev.apprentice.il.registry.LoadedPolicy;
import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.il.registry.PolicyRegistry;
import dev.apprentice.phonesecurity.ContextEncoder;
import dev.apprentice.phonesecurity.behaviour.BehaviourSample;
import dev.apprentice.phonesecurity.behaviour.FeatureSample;
import dev.apprentice.phonesecurity.model.ImitationSettings;
import dev.apprentice.phonesecurity.model.OwnerEnrolment;
import dev.apprentice.phonesecurity.model.OwnerModel;
import dev.apprentice.phonesecurity.model.PopulationCalibration;
import dev.apprentice.phonesecurity.model.PopulationModel;
import dev.apprentice.phonesecurity.model.PopulationRef;
import dev.apprentice.phonesecurity.owners.OwnerModelNames;
import dev.apprentice.phonesecurity.sim.PopulationConfig;
import dev.apprentice.phonesecurity.sim.SyntheticPopulation;
import dev.apprentice.phonesecurity.sim.SyntheticUser;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The phone-security scale check on one JVM, one replica's worth: synthetic owners enrolled through
 * the service's path minus HTTP (learn the owner's model, register it, load and verify it back as
 * {@code PolicyServing.promote} does, promote it, serve it from a map), then memory and disk per
 * owner, sessions scored against random owners from several threads, and the registry cold load a
 * restart pays. Scoring is measured against a baseline in the same run: the same loop doing only
 * the model lookup and the population projection of the samples, which every verification method
 * pays, so the ratio is the cost of the owner's model itself.
 *
 * <p>Usage: {@code benchmarks/owner-scale [--users 10000] [--threads 2] [--seconds 20]
 * [--population 200] [--enrol-samples 15] [--seed 1] [--json benchmarks/target/owner-scale.json]}.
 */
public final class OwnerScale {

    private static final int POPULATION_SAMPLES_PER_PERSON = 30;
    private static final int SESSION_POOL = 4096;
    private static final int LONG_SESSION = 5;
    private static final int SCORING_ROUNDS = 2;
    private static final double WARM_UP_SECONDS = 3;
    /** CPU time of the calling thread: on a shared machine it does not count the time others had the core. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private OwnerScale() {
    }

    /** The command line, with the defaults of the issue. */
    record Options(int users, int threads, double seconds, int populationPeople, int enrolSamples, long seed, Path json) {

        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i += 2) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("arguments: expected --name value pairs, found '" + args[i] + "'");
                }
                given.put(args[i].substring(2), args[i + 1]);
            }
            Options o = new Options(Integer.parseInt(given.getOrDefault("users", "10000")),
                    Integer.parseInt(given.getOrDefault("threads", "2")),
                    Double.parseDouble(given.getOrDefault("seconds", "20")),
                    Integer.parseInt(given.getOrDefault("population", "200")),
                    Integer.parseInt(given.getOrDefault("enrol-samples", "15")),
                    Long.parseLong(given.getOrDefault("seed", "1")),
                    Path.of(given.getOrDefault("json", "benchmarks/target/owner-scale.json")));
            given.keySet().removeAll(List.of("users", "threads", "seconds", "population", "enrol-samples", "seed", "json"));
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("arguments: unknown " + given.keySet() + "; expected --users, --threads,"
                        + " --seconds, --population, --enrol-samples, --seed, --json");
            }
            if (o.users < 1 || o.threads < 1 || !(o.seconds > 0) || o.populationPeople < 6 || o.enrolSamples < 5) {
                throw new IllegalArgumentException("arguments: expected users >= 1, threads >= 1, seconds > 0,"
                        + " population >= 6, enrol-samples >= 5, found " + o);
            }
            return o;
        }
    }

    /** Latency percentiles in microseconds, throughput and CPU time per operation of one measured loop. */
    record Rate(double p50Micros, double p99Micros, double perSecond, double cpuMicros, long operations) {

        static Rate of(Measured measured, double seconds) {
            long[] sorted = concat(measured.nanos());
            Arrays.sort(sorted);
            return new Rate(percentile(sorted, 0.50) / 1e3, percentile(sorted, 0.99) / 1e3, sorted.length / seconds,
                    measured.cpuNanos() / 1e3 / sorted.length, sorted.length);
        }
    }

    /** Each thread's latencies and the CPU time all threads used. */
    record Measured(List<long[]> nanos, long cpuNanos) {

        Measured plus(Measured other) {
            List<long[]> all = new ArrayList<>(nanos);
            all.addAll(other.nanos);
            return new Measured(all, cpuNanos + other.cpuNanos);
        }
    }

    /** A session to score: whose phone it is and its samples, oldest first. */
    record Session(String userId, List<FeatureSample> samples) {
    }

    /** The population as served: the model and the reference owners carry. */
    record Served(PopulationModel model, PopulationRef reference) {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("options", Map.of("users", options.users(), "threads", options.threads(), "seconds", options.seconds(),
                "populationPeople", options.populationPeople(), "enrolSamples", options.enrolSamples(),
                "seed", options.seed()));
        report.put("jvm", Map.of("java", System.getProperty("java.version"), "maxHeapMiB",
                Runtime.getRuntime().maxMemory() >> 20, "availableProcessors", Runtime.getRuntime().availableProcessors()));
        Path work = Files.createTempDirectory("owner-scale-");
        System.out.println("registry in " + work.resolve("registry"));
        try {
            run(options, new PolicyRegistry(work.resolve("registry")), report);
        } finally {
            deleteTree(work);
        }
        Files.createDirectories(options.json().toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(options.json().toFile(), report);
        System.out.println();
        System.out.println("JSON: " + options.json());
    }

    private static void run(Options options, PolicyRegistry registry, Map<String, Object> report) throws Exception {
        SyntheticPopulation people = SyntheticPopulation.create(options.seed(), PopulationConfig.defaults());
        ImitationSettings settings = ImitationSettings.defaults();

        long start = System.nanoTime();
        Served population = learnPopulation(people, settings, options, registry);
        double populationSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "population: %d people, %d samples, learned, calibrated and registered in %.1f s%n",
                population.model().people(), population.model().samples(), populationSeconds);

        Map<String, LoadedPolicy> served = new ConcurrentHashMap<>();
        Map<String, Object> enrolment = enrol(people, settings, options, registry, population, served);
        report.put("population", Map.of("people", population.model().people(), "samples", population.model().samples(),
                "seconds", populationSeconds));
        report.put("enrolment", enrolment);

        long heapServed = heapAfterGc();
        served.clear();
        long heapEmpty = heapAfterGc();
        Map<String, Object> restart = coldLoad(registry, served, options.users());
        long heapReloaded = heapAfterGc();
        Map<String, OwnerModel> models = new ConcurrentHashMap<>();
        served.forEach((name, loaded) -> models.put(name, (OwnerModel) loaded.policy()));
        served.clear();
        long heapModels = heapAfterGc();
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("heapServedAfterEnrolmentMiB", heapServed / 1048576.0);
        memory.put("heapWithoutOwnersMiB", heapEmpty / 1048576.0);
        memory.put("heapServedAfterColdLoadMiB", heapReloaded / 1048576.0);
        memory.put("heapModelsOnlyMiB", heapModels / 1048576.0);
        memory.put("bytesPerServedOwner", (heapReloaded - heapEmpty) / (double) options.users());
        memory.put("bytesPerServedOwnerAfterEnrolment", (heapServed - heapEmpty) / (double) options.users());
        memory.put("bytesPerOwnerModelAlone", (heapModels - heapEmpty) / (double) options.users());
        report.put("memory", memory);
        report.put("disk", disk(registry, options.users()));
        report.put("restart", restart);

        Map<String, Object> scoring = new LinkedHashMap<>();
        List<Session> pool = sessionPool(people, options);
        for (int length : new int[] {1, LONG_SESSION}) {
            scoring.put(length + (length == 1 ? " sample" : " samples"), score(pool, length, models, population, options));
        }
        report.put("scoring", scoring);
        printSummary(report);
    }

    /** Learns the population from people who are never enrolled, as an administrator would, and serves it. */
    private static Served learnPopulation(SyntheticPopulation people, ImitationSettings settings, Options options,
            PolicyRegistry registry) {
        List<FeatureSample> background = new ArrayList<>();
        for (int i = 0; i < options.populationPeople(); i++) {
            background.addAll(firstSamples(people, people.impostor(i), 0, POPULATION_SAMPLES_PER_PERSON));
        }
        PopulationModel model = PopulationModel.fit(background, settings.shrinkage())
                .withLevels(PopulationCalibration.measure(background, settings, options.seed()));
        ModelCard draft = new ModelCard(OwnerModelNames.POPULATION, 0, "population-two-covariance",
                PopulationModel.class.getSimpleName(), model.observationSpace().describe(), model.actionSpace().describe(),
                Map.of("shrinkage", settings.shrinkage(), "seed", options.seed()),
                Map.of("people", model.people(), "samplesUsed", model.samples(), "observationEncoder", ContextEncoder.ID),
                Map.of(), Map.of(), null, LibraryVersion.get(), null, null);
        ModelCard card = registry.register(model, draft);
        LoadedPolicy loaded = registry.load(card.model(), card.version());
        registry.promote(card.model(), card.version());
        return new Served((PopulationModel) loaded.policy(), new PopulationRef(card.model(), card.version(),
                card.weightsSha256()));
    }

    /**
     * Enrols every user as {@code Enrolments.enrol} does, from their first sessions' samples: the
     * compute part (model and card) and the registry part (write, load and verify back, promote)
     * are timed apart; generating the samples is not timed.
     */
    private static Map<String, Object> enrol(SyntheticPopulation people, ImitationSettings settings, Options options,
            PolicyRegistry registry, Served population, Map<String, LoadedPolicy> served) throws InterruptedException {
        int n = options.users();
        long[] compute = new long[n];
        long[] write = new long[n];
        long[] computeCpu = new long[n];
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < options.threads(); t++) {
            Thread worker = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    SyntheticUser user = people.user(i);
                    List<FeatureSample> samples = firstSamples(people, user, 0, options.enrolSamples());
                    long c0 = CPU.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    String name = OwnerModelNames.owner(user.id());
                    long seed = name.hashCode() * 31L + samples.size();
                    OwnerModel model = new OwnerEnrolment(population.model(), population.reference(), settings)
                            .enrol(samples, seed);
                    ModelCard draft = ownerCard(name, user.id(), samples.size(), model, population, settings,
                            (System.nanoTime() - t0) / 1e9, seed);
                    long t1 = System.nanoTime();
                    computeCpu[i] = CPU.getCurrentThreadCpuTime() - c0;
                    ModelCard card = registry.register(model, draft);
                    LoadedPolicy checked = registry.load(card.model(), card.version());
                    registry.promote(card.model(), card.version());
                    served.put(name, checked);
                    long t2 = System.nanoTime();
                    compute[i] = t1 - t0;
                    write[i] = t2 - t1;
                    if ((i + 1) % 1000 == 0) {
                        System.out.printf(Locale.ROOT, "  enrolled %,d of %,d (%.0f s)%n", i + 1, n,
                                (System.nanoTime() - start) / 1e9);
                    }
                }
            }, "enrol-" + t);
            worker.setUncaughtExceptionHandler((thread, e) -> {
                synchronized (failures) {
                    failures.add(e);
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("enrolment failed", failures.get(0));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        if (served.size() != n) {
            throw new IllegalStateException("served " + served.size() + " owners, expected " + n);
        }
        Arrays.sort(compute);
        Arrays.sort(write);
        Arrays.sort(computeCpu);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("users", n);
        m.put("threads", options.threads());
        m.put("wallSeconds", wall);
        m.put("usersPerSecond", n / wall);
        m.put("computeP50Millis", percentile(compute, 0.50) / 1e6);
        m.put("computeP99Millis", percentile(compute, 0.99) / 1e6);
        m.put("computeMeanMillis", Arrays.stream(compute).average().orElse(0) / 1e6);
        m.put("computeCpuP50Millis", percentile(computeCpu, 0.50) / 1e6);
        m.put("computeCpuP99Millis", percentile(computeCpu, 0.99) / 1e6);
        m.put("computeCpuMeanMillis", Arrays.stream(computeCpu).average().orElse(0) / 1e6);
        m.put("registryP50Millis", percentile(write, 0.50) / 1e6);
        m.put("registryP99Millis", percentile(write, 0.99) / 1e6);
        m.put("registryMeanMillis", Arrays.stream(write).average().orElse(0) / 1e6);
        return m;
    }

    /** The card {@code Enrolments} registers with an owner's model. */
    private static ModelCard ownerCard(String name, String userId, int samples, OwnerModel model, Served population,
            ImitationSettings settings, double wallSeconds, long seed) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("userId", userId);
        data.put("origin", "request");
        data.put("samples", samples);
        data.put("population", Map.of("model", population.reference().model(), "version", population.reference().version(),
                "weightsSha256", population.reference().weightsSha256()));
        data.put("observationEncoder", ContextEncoder.ID);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("targetFar", model.targetFar());
        metrics.put("lockFar", model.lockFar());
        metrics.put("acceptThresholds", model.acceptThresholds());
        metrics.put("lockThresholds", model.lockThresholds());
        return new ModelCard(name, 0, "imitation-owner", OwnerModel.class.getSimpleName(),
                model.observationSpace().describe(), model.actionSpace().describe(), settings.toMap(), data,
                Map.of("wallSeconds", wallSeconds, "seed", seed), metrics, null, LibraryVersion.get(), null, null);
    }

    /** A restart: every owner's promoted version read, verified and decoded, one after another as at start-up. */
    private static Map<String, Object> coldLoad(PolicyRegistry registry, Map<String, LoadedPolicy> served, int users) {
        long start = System.nanoTime();
        List<String> names = registry.models();
        double listSeconds = (System.nanoTime() - start) / 1e9;
        long[] each = new long[names.size()];
        int count = 0;
        for (String name : names) {
            if (!OwnerModelNames.isOwner(name)) {
                continue;
            }
            long t0 = System.nanoTime();
            LoadedPolicy loaded = registry.loadPromoted(name).orElseThrow(
                    () -> new IllegalStateException(name + " has no promoted version"));
            served.put(name, loaded);
            each[count++] = System.nanoTime() - t0;
        }
        double wall = (System.nanoTime() - start) / 1e9;
        if (count != users) {
            throw new IllegalStateException("loaded " + count + " owners, expected " + users);
        }
        long[] sorted = Arrays.copyOf(each, count);
        Arrays.sort(sorted);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("owners", count);
        m.put("wallSeconds", wall);
        m.put("listSeconds", listSeconds);
        m.put("loadP50Millis", percentile(sorted, 0.50) / 1e6);
        m.put("loadP99Millis", percentile(sorted, 0.99) / 1e6);
        return m;
    }

    /** Bytes the owners take in the registry: apparent sizes, allocated blocks ({@code du}) and the files. */
    private static Map<String, Object> disk(PolicyRegistry registry, int users) throws IOException, InterruptedException {
        long apparent = 0;
        long files = 0;
        long allocated = 0;
        List<Long> weights = new ArrayList<>();
        List<Long> cards = new ArrayList<>();
        for (String name : registry.models()) {
            if (!OwnerModelNames.isOwner(name)) {
                continue;
            }
            Path dir = registry.root().resolve(name);
            allocated += du(dir);
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    long size = Files.size(p);
                    apparent += size;
                    files++;
                    if (p.getFileName().toString().equals("policy.bin")) {
                        weights.add(size);
                    } else if (p.getFileName().toString().equals("model-card.json")) {
                        cards.add(size);
                    }
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apparentBytesPerOwner", apparent / (double) users);
        m.put("allocatedBytesPerOwner", allocated / (double) users);
        m.put("filesPerOwner", files / (double) users);
        m.put("policyFileBytesMin", weights.stream().mapToLong(Long::longValue).min().orElse(0));
        m.put("policyFileBytesMax", weights.stream().mapToLong(Long::longValue).max().orElse(0));
        m.put("modelCardBytesMean", cards.stream().mapToLong(Long::longValue).average().orElse(0));
        return m;
    }

    /** Disk blocks a directory tree occupies, as {@code du} counts them (directories included). */
    private static long du(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("du", "-s", "-B1", dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("du " + dir + " failed: " + out);
        }
        return Long.parseLong(out.trim().split("\\s+")[0]);
    }

    /** Genuine sessions of random enrolled users, some days after enrolment, generated before any timing. */
    private static List<Session> sessionPool(SyntheticPopulation people, Options options) {
        SplittableRandom rng = new SplittableRandom(options.seed() * 31 + 7);
        List<Session> pool = new ArrayList<>(SESSION_POOL);
        for (int i = 0; i < SESSION_POOL; i++) {
            SyntheticUser user = people.user(rng.nextInt(options.users()));
            pool.add(new Session(user.id(), firstSamples(people, user, 30 + rng.nextInt(30), LONG_SESSION)));
        }
        return pool;
    }

    /**
     * Scores sessions of {@code length} samples (the latest of each pooled session) against their
     * owners from {@code threads} threads, alternating rounds of the baseline and the full judgement
     * after an uncounted warm-up of each.
     */
    private static Map<String, Object> score(List<Session> pool, int length, Map<String, OwnerModel> models,
            Served population, Options options) throws InterruptedException {
        ScoringLoop baseline = session -> {
            OwnerModel owner = models.get(OwnerModelNames.owner(session.userId()));
            double acc = owner.targetFar();
            for (double[] y : project(session, length, population)) {
                acc += y[0];
            }
            return acc;
        };
        ScoringLoop judge = session -> {
            OwnerModel owner = models.get(OwnerModelNames.owner(session.userId()));
            if (!owner.population().equals(population.reference())) {
                throw new IllegalStateException("owner enrolled against another population");
            }
            return owner.judge(project(session, length, population)).score();
        };
        measure(pool, baseline, options.threads(), WARM_UP_SECONDS);
        measure(pool, judge, options.threads(), WARM_UP_SECONDS);
        Measured baseMeasured = new Measured(List.of(), 0);
        Measured judgeMeasured = new Measured(List.of(), 0);
        double baseSeconds = 0;
        double judgeSeconds = 0;
        double roundSeconds = options.seconds() / SCORING_ROUNDS;
        for (int r = 0; r < SCORING_ROUNDS; r++) {
            long t0 = System.nanoTime();
            baseMeasured = baseMeasured.plus(measure(pool, baseline, options.threads(), roundSeconds));
            long t1 = System.nanoTime();
            judgeMeasured = judgeMeasured.plus(measure(pool, judge, options.threads(), roundSeconds));
            baseSeconds += (t1 - t0) / 1e9;
            judgeSeconds += (System.nanoTime() - t1) / 1e9;
        }
        Rate base = Rate.of(baseMeasured, baseSeconds);
        Rate full = Rate.of(judgeMeasured, judgeSeconds);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("baseline", base);
        m.put("judge", full);
        m.put("p50Ratio", full.p50Micros() / base.p50Micros());
        m.put("p99Ratio", full.p99Micros() / base.p99Micros());
        m.put("throughputRatio", full.perSecond() / base.perSecond());
        m.put("cpuRatio", full.cpuMicros() / base.cpuMicros());
        return m;
    }

    private static List<double[]> project(Session session, int length, Served population) {
        List<FeatureSample> samples = session.samples();
        List<double[]> projected = new ArrayList<>(length);
        for (FeatureSample s : samples.subList(samples.size() - length, samples.size())) {
            projected.add(population.model().project(s.activity(), s.features()));
        }
        return projected;
    }

    /** One scoring operation on a session; returns a value that depends on all of the work. */
    @FunctionalInterface
    interface ScoringLoop {
        double run(Session session);
    }

    /** Runs {@code loop} on random pooled sessions from {@code threads} threads; returns their latencies and CPU time. */
    private static Measured measure(List<Session> pool, ScoringLoop loop, int threads, double seconds)
            throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<long[]> results = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        double[] sink = new double[threads];
        long[] cpu = new long[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            results.add(null);
            Thread worker = new Thread(() -> {
                SplittableRandom rng = new SplittableRandom(1000 + id);
                long cpuStart = CPU.getCurrentThreadCpuTime();
                long[] nanos = new long[1 << 16];
                int count = 0;
                double acc = 0;
                long now = System.nanoTime();
                while (now < end) {
                    Session session = pool.get(rng.nextInt(pool.size()));
                    acc += loop.run(session);
                    long after = System.nanoTime();
                    if (count == nanos.length) {
                        nanos = Arrays.copyOf(nanos, count * 2);
                    }
                    nanos[count++] = after - now;
                    now = after;
                }
                sink[id] = acc;
                cpu[id] = CPU.getCurrentThreadCpuTime() - cpuStart;
                synchronized (results) {
                    results.set(id, Arrays.copyOf(nanos, count));
                }
            }, "score-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (Double.isNaN(Arrays.stream(sink).sum())) {
            throw new IllegalStateException("a score was not a number");
        }
        return new Measured(results, Arrays.stream(cpu).sum());
    }

    private static long[] concat(List<long[]> parts) {
        long[] all = new long[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** The first {@code count} samples of a user's sessions from {@code firstDay} on, oldest first. */
    private static List<FeatureSample> firstSamples(SyntheticPopulation people, SyntheticUser user, int firstDay, int count) {
        List<FeatureSample> samples = new ArrayList<>(count);
        Random random = new Random(user.id().hashCode() * 31L + firstDay);
        for (int day = firstDay; samples.size() < count; day++) {
            for (BehaviourSample s : people.session(user, day, "d" + day + "-s0", random)) {
                if (samples.size() < count) {
                    samples.add(new FeatureSample(user.id(), s.activity(), s.features()));
                }
            }
        }
        return samples;
    }

    /** Heap in use after two full collections and a pause for the collector to settle. */
    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    @SuppressWarnings("unchecked")
    private static void printSummary(Map<String, Object> report) {
        Map<String, Object> enrolment = (Map<String, Object>) report.get("enrolment");
        Map<String, Object> memory = (Map<String, Object>) report.get("memory");
        Map<String, Object> disk = (Map<String, Object>) report.get("disk");
        Map<String, Object> restart = (Map<String, Object>) report.get("restart");
        Map<String, Object> jvm = (Map<String, Object>) report.get("jvm");
        System.out.println();
        System.out.printf(Locale.ROOT, "## %,d owners on one replica (%s threads, Java %s, -Xmx %s MiB, %s processors)%n%n",
                enrolment.get("users"), enrolment.get("threads"), jvm.get("java"), jvm.get("maxHeapMiB"),
                jvm.get("availableProcessors"));
        System.out.println("| enrolment, per user | p50 | p99 | mean |");
        System.out.println("|---|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| compute (owner model and card) | %.1f ms | %.1f ms | %.1f ms |%n",
                enrolment.get("computeP50Millis"), enrolment.get("computeP99Millis"), enrolment.get("computeMeanMillis"));
        System.out.printf(Locale.ROOT, "| compute, CPU time of the thread | %.1f ms | %.1f ms | %.1f ms |%n",
                enrolment.get("computeCpuP50Millis"), enrolment.get("computeCpuP99Millis"),
                enrolment.get("computeCpuMeanMillis"));
        System.out.printf(Locale.ROOT, "| registry (fsync'd write, load and verify back, promote) | %.1f ms | %.1f ms | %.1f ms |%n",
                enrolment.get("registryP50Millis"), enrolment.get("registryP99Millis"), enrolment.get("registryMeanMillis"));
        System.out.printf(Locale.ROOT, "%nAll %,d enrolled in %.0f s wall (%.1f users/s, sample generation included).%n%n",
                enrolment.get("users"), enrolment.get("wallSeconds"), enrolment.get("usersPerSecond"));
        System.out.println("| per owner | value |");
        System.out.println("|---|---:|");
        System.out.printf(Locale.ROOT, "| heap, served (model and card) | %,.0f B |%n", memory.get("bytesPerServedOwner"));
        System.out.printf(Locale.ROOT, "| heap, model alone | %,.0f B |%n", memory.get("bytesPerOwnerModelAlone"));
        System.out.printf(Locale.ROOT, "| disk, allocated (du) | %,.0f B |%n", disk.get("allocatedBytesPerOwner"));
        System.out.printf(Locale.ROOT, "| disk, file contents | %,.0f B in %.0f files |%n", disk.get("apparentBytesPerOwner"),
                disk.get("filesPerOwner"));
        System.out.printf(Locale.ROOT, "| policy.bin | %s B |%n", disk.get("policyFileBytesMax"));
        System.out.printf(Locale.ROOT, "| model-card.json (mean) | %,.0f B |%n", disk.get("modelCardBytesMean"));
        System.out.printf(Locale.ROOT, "%nRestart: %,d owners listed, read, verified and decoded in %.1f s (one thread;"
                + " per owner p50 %.2f ms, p99 %.2f ms).%n%n", restart.get("owners"), restart.get("wallSeconds"),
                restart.get("loadP50Millis"), restart.get("loadP99Millis"));
        System.out.println("| scoring | p50 µs | p99 µs | scores/s | CPU µs/score | p50 ratio | p99 ratio | throughput ratio"
                + " | CPU ratio |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        ((Map<String, Object>) report.get("scoring")).forEach((length, value) -> {
            Map<String, Object> m = (Map<String, Object>) value;
            Rate base = (Rate) m.get("baseline");
            Rate full = (Rate) m.get("judge");
            System.out.printf(Locale.ROOT, "| %s, baseline (lookup + projection) | %.1f | %.1f | %,.0f | %.1f | 1.00 | 1.00"
                    + " | 1.00 | 1.00 |%n", length, base.p50Micros(), base.p99Micros(), base.perSecond(), base.cpuMicros());
            System.out.printf(Locale.ROOT, "| %s, judged (as SessionScoring.judge) | %.1f | %.1f | %,.0f | %.1f | %.2f | %.2f"
                    + " | %.2f | %.2f |%n", length, full.p50Micros(), full.p99Micros(), full.perSecond(), full.cpuMicros(),
                    m.get("p50Ratio"), m.get("p99Ratio"), m.get("throughputRatio"), m.get("cpuRatio"));
        });
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
