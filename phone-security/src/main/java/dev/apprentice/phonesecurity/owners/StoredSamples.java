package dev.apprentice.phonesecurity.owners;

import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.store.EpisodeId;
import dev.apprentice.il.store.StoredDemonstrations;
import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.behaviour.BehaviourContext;
import dev.apprentice.phonesecurity.behaviour.FeatureSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns stored sessions back into samples the models learn from: the person is the step's source. */
final class StoredSamples {

    private StoredSamples() {
    }

    /** Every stored sample, person by person, at most {@code perPerson} each (the latest sessions first). */
    static List<FeatureSample> perPerson(StoredDemonstrations stored, int perPerson) {
        Map<String, List<FeatureSample>> byPerson = new LinkedHashMap<>();
        List<Trajectory> sessions = stored.trajectories();
        for (int i = sessions.size() - 1; i >= 0; i--) {
            EpisodeId id = stored.episodeIds().get(i);
            List<FeatureSample> mine = byPerson.computeIfAbsent(id.source(), k -> new ArrayList<>());
            Trajectory t = sessions.get(i);
            for (int step = 0; step < t.length() && mine.size() < perPerson; step++) {
                mine.add(sample(id.source(), t.state(step), t.action(step)));
            }
        }
        List<FeatureSample> all = new ArrayList<>();
        byPerson.values().forEach(all::addAll);
        return all;
    }

    private static FeatureSample sample(String person, float[] context, float[] features) {
        Activity activity = Activity.values()[(int) context[BehaviourContext.ACTIVITY]];
        return new FeatureSample(person, activity, features);
    }
}
