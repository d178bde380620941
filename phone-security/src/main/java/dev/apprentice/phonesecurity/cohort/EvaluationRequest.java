package dev.apprentice.phonesecurity.cohort;

import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.verification.FeatureSet;
import dev.apprentice.phonesecurity.verification.MethodChoice;
import java.util.List;

/**
 * What one protocol evaluation covers: the split seeds, the feature sets, the activities verified
 * in and the methods compared (each list non-empty, without repeats).
 *
 * @param seeds the split seeds, one protocol split each
 * @param featureSets the feature sets
 * @param activities the activities verified in
 * @param methods the methods compared
 */
public record EvaluationRequest(List<Long> seeds, List<FeatureSet> featureSets, List<Activity> activities,
        List<MethodChoice> methods) {

    public EvaluationRequest {
        seeds = distinct("seeds", seeds);
        featureSets = distinct("featureSets", featureSets);
        activities = distinct("activities", activities);
        methods = distinct("methods", methods);
    }

    private static <T> List<T> distinct(String field, List<T> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(field + ": expected at least one value");
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException(field + ": expected each value once");
        }
        return List.copyOf(values);
    }
}
