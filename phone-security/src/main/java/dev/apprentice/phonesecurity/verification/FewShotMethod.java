package dev.apprentice.phonesecurity.verification;

import dev.apprentice.phonesecurity.behaviour.FeatureSample;
import dev.apprentice.phonesecurity.model.FewShotOwnerPolicy;
import dev.apprentice.phonesecurity.model.FewShotSettings;
import dev.apprentice.phonesecurity.model.ImitationSettings;
import dev.apprentice.phonesecurity.model.OwnerPolicyStart;
import dev.apprentice.phonesecurity.model.PolicyInitialisation;
import dev.apprentice.phonesecurity.model.PopulationModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The neural owner policy on the verification protocol with one {@link PolicyInitialisation}: the
 * population model and the start (pooled, MAML, Reptile, or none) learned from the background
 * people only, one task per person, then each enrolled owner's policy adapted from their own
 * samples. The start depends only on the split, so it is learned once per seed and background and
 * reused for every enrolment size.
 */
public final class FewShotMethod implements VerificationMethod {

    private final PolicyInitialisation initialisation;
    private final FewShotSettings settings;
    private final Map<Long, Prepared> prepared = new LinkedHashMap<>();

    /** The method with this start and these settings. */
    public FewShotMethod(PolicyInitialisation initialisation, FewShotSettings settings) {
        this.initialisation = initialisation;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "few-shot-" + initialisation.id();
    }

    @Override
    public Enroller prepare(List<FeatureSample> background, long seed) {
        Prepared ready = learned(background, seed);
        return (owner, enrolSeed) -> {
            List<double[]> projected = owner.stream()
                    .map(s -> ready.population().project(s.activity(), s.features())).toList();
            FewShotOwnerPolicy policy = ready.start().adapt(ready.population(), projected);
            return sample -> policy.score(ready.population().project(sample.activity(), sample.features()));
        };
    }

    private synchronized Prepared learned(List<FeatureSample> background, long seed) {
        Prepared known = prepared.get(seed);
        if (known != null && sameSamples(known.background(), background)) {
            return known;
        }
        PopulationModel population = PopulationModel.fit(background, ImitationSettings.defaults().shrinkage());
        Map<String, List<double[]>> byPerson = new LinkedHashMap<>();
        for (FeatureSample s : background) {
            byPerson.computeIfAbsent(s.user(), u -> new ArrayList<>()).add(population.project(s.activity(), s.features()));
        }
        Prepared fresh = new Prepared(background, population,
                OwnerPolicyStart.learn(initialisation, population, byPerson, settings, seed));
        prepared.put(seed, fresh);
        return fresh;
    }

    /** Compared by value: a feature set other than both copies the features, so equal samples are new arrays. */
    private static boolean sameSamples(List<FeatureSample> a, List<FeatureSample> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            FeatureSample x = a.get(i);
            FeatureSample y = b.get(i);
            if (!x.user().equals(y.user()) || x.activity() != y.activity() || !Arrays.equals(x.features(), y.features())) {
                return false;
            }
        }
        return true;
    }

    private record Prepared(List<FeatureSample> background, PopulationModel population, OwnerPolicyStart start) {
    }
}
