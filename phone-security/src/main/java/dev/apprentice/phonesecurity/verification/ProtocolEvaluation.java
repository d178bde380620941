package dev.apprentice.phonesecurity.verification;

import dev.apprentice.phonesecurity.behaviour.FeatureSample;

import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.data.HoldAndTapData;
import dev.apprentice.phonesecurity.data.RecordedSample;
import dev.apprentice.phonesecurity.verification.EvaluationResult.Cell;
import dev.apprentice.phonesecurity.verification.EvaluationResult.SeedRun;
import dev.apprentice.phonesecurity.verification.EvaluationResult.UserErrors;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the {@link Protocol} for methods × feature sets × seeds × test activities and measures
 * every enrolled user: each method is prepared on the seed's background pool, enrols each owner
 * once, and scores the owner's verification sequence and every impostor's samples of each test
 * activity. Per user it records the EER, FAR at FRR 1 % and 5 %, FRR at FAR 1 %, and the EER of
 * k-sample fusion ({@link ScoreFusion}) for k in {@link #FUSED_SAMPLES}; per cell, the averaged DET
 * curve (each owner's FRR at the FARs of {@link #DET_FARS}, averaged over owners).
 *
 * <p>Users are evaluated in parallel on a bounded pool; every user's result depends only on the
 * seed and the data, and results are gathered in the split's user order, so the result is the same
 * for any number of threads.
 *
 * <pre>{@code
 * EvaluationResult result = new ProtocolEvaluation(data, Protocol.standard(), 2)
 *         .run(VerificationMethods.baselines(), List.of(FeatureSet.BOTH), List.of(1L), List.of(Activity.SITTING));
 * }</pre>
 */
public final class ProtocolEvaluation {

    /** The fusion window sizes reported; 1 is the single-sample EER again. */
    public static final List<Integer> FUSED_SAMPLES = List.of(1, 3, 5, 10);

    /**
     * The false accept rates at which each owner's FRR is read for the averaged DET curve
     * ({@link Cell#averagedDet()}), closer together where the curve bends. Pooling every owner's
     * scores into one curve would mix scales that per-owner thresholds never compare.
     */
    public static final List<Double> DET_FARS = List.of(0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3,
            0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0);

    private final HoldAndTapData data;
    private final Protocol protocol;
    private final int threads;

    /**
     * An evaluation of {@code data} under {@code protocol} on at most {@code threads} threads.
     *
     * @throws IllegalArgumentException for fewer than one thread
     */
    public ProtocolEvaluation(HoldAndTapData data, Protocol protocol, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: expected at least 1, found " + threads);
        }
        this.data = data;
        this.protocol = protocol;
        this.threads = threads;
    }

    /**
     * Evaluates every combination.
     *
     * @throws IllegalArgumentException for an empty or repeating list, or two methods with one name
     */
    public EvaluationResult run(List<VerificationMethod> methods, List<FeatureSet> featureSets, List<Long> seeds,
            List<Activity> activities) {
        distinct(methods.stream().map(VerificationMethod::name).toList(), "methods");
        distinct(featureSets, "featureSets");
        distinct(seeds, "seeds");
        distinct(activities, "activities");
        Map<String, List<SeedRun>> runs = new LinkedHashMap<>();
        Map<String, double[]> detSums = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "protocol-evaluation");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (long seed : seeds) {
                Protocol.Split split = protocol.split(data, seed);
                for (FeatureSet features : featureSets) {
                    List<FeatureSample> background = select(split.backgroundSamples(), features);
                    Map<Activity, List<List<FeatureSample>>> attacks = new EnumMap<>(Activity.class);
                    for (Activity activity : activities) {
                        attacks.put(activity, split.impostors().stream()
                                .map(impostor -> select(split.attack(impostor, activity), features)).toList());
                    }
                    for (VerificationMethod method : methods) {
                        VerificationMethod.Enroller enroller = method.prepare(background, seed);
                        List<Callable<List<UserResult>>> tasks = new ArrayList<>();
                        for (String user : split.enrolled()) {
                            tasks.add(() -> evaluateUser(enroller, split, user, features, activities, attacks));
                        }
                        List<List<UserResult>> perUser = gather(pool.invokeAll(tasks));
                        for (int a = 0; a < activities.size(); a++) {
                            int activity = a;
                            String key = key(method.name(), features, activities.get(a));
                            runs.computeIfAbsent(key, k -> new ArrayList<>())
                                    .add(new SeedRun(seed, perUser.stream().map(u -> u.get(activity).errors()).toList()));
                            double[] sums = detSums.computeIfAbsent(key, k -> new double[DET_FARS.size()]);
                            for (List<UserResult> user : perUser) {
                                double[] frr = user.get(activity).frrAtDetFars();
                                for (int p = 0; p < sums.length; p++) {
                                    sums[p] += frr[p];
                                }
                            }
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        List<Cell> cells = new ArrayList<>();
        for (FeatureSet features : featureSets) {
            for (Activity activity : activities) {
                for (VerificationMethod method : methods) {
                    String key = key(method.name(), features, activity);
                    List<SeedRun> cellRuns = runs.get(key);
                    int owners = cellRuns.stream().mapToInt(r -> r.users().size()).sum();
                    double[] sums = detSums.get(key);
                    List<ErrorRates.DetPoint> det = new ArrayList<>(sums.length);
                    for (int p = 0; p < sums.length; p++) {
                        det.add(new ErrorRates.DetPoint(DET_FARS.get(p), sums[p] / owners));
                    }
                    cells.add(Cell.of(method.name(), features, activity, FUSED_SAMPLES.size(), cellRuns, det));
                }
            }
        }
        return new EvaluationResult(protocol, seeds, FUSED_SAMPLES, cells);
    }

    /** One owner's results in one test activity, with their FRR at each of {@link #DET_FARS}. */
    private record UserResult(UserErrors errors, double[] frrAtDetFars) {
    }

    private static List<UserResult> evaluateUser(VerificationMethod.Enroller enroller, Protocol.Split split, String user,
            FeatureSet features, List<Activity> activities, Map<Activity, List<List<FeatureSample>>> attacks) {
        VerificationMethod.OwnerScorer owner = enroller.enrol(select(split.enrolment(user), features), split.seed());
        List<UserResult> results = new ArrayList<>();
        for (Activity activity : activities) {
            double[] genuine = scores(owner, select(split.verification(user, activity), features));
            List<double[]> impostors = attacks.get(activity).stream().map(sequence -> scores(owner, sequence)).toList();
            ErrorRates rates = ErrorRates.of(genuine, concatenate(impostors));
            List<Double> fused = new ArrayList<>();
            for (int k : FUSED_SAMPLES) {
                double[] ownerWindows = ScoreFusion.slidingMeans(genuine, k);
                double[] impostorWindows = concatenate(impostors.stream().map(s -> ScoreFusion.slidingMeans(s, k)).toList());
                fused.add(ownerWindows.length == 0 || impostorWindows.length == 0 ? Double.NaN
                        : ErrorRates.of(ownerWindows, impostorWindows).equalErrorRate());
            }
            UserErrors errors = new UserErrors(user, genuine.length, impostors.stream().mapToInt(s -> s.length).sum(),
                    rates.equalErrorRate(), rates.farAtFrr(0.01), rates.farAtFrr(0.05), rates.frrAtFar(0.01), fused);
            results.add(new UserResult(errors, DET_FARS.stream().mapToDouble(rates::frrAtFar).toArray()));
        }
        return results;
    }

    private static List<FeatureSample> select(List<RecordedSample> samples, FeatureSet features) {
        return samples.stream()
                .map(s -> new FeatureSample(s.user(), s.activity(), features.select(s.features())))
                .toList();
    }

    private static double[] scores(VerificationMethod.OwnerScorer owner, List<FeatureSample> sequence) {
        double[] scores = new double[sequence.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = owner.score(sequence.get(i));
        }
        return scores;
    }

    private static double[] concatenate(List<double[]> parts) {
        double[] all = new double[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static <T> List<T> gather(List<Future<T>> futures) throws InterruptedException {
        List<T> results = new ArrayList<>(futures.size());
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return results;
    }

    private static String key(String method, FeatureSet features, Activity activity) {
        return method + '/' + features.id() + '/' + activity.id();
    }

    private static void distinct(List<?> values, String name) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException(name + ": expected at least one, found none");
        }
        if (new HashSet<>(values).size() != values.size()) {
            throw new IllegalArgumentException(name + ": expected no repeats, found " + values);
        }
    }
}
