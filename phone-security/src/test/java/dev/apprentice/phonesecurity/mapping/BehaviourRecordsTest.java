package dev.apprentice.phonesecurity.mapping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.store.DemonstrationStore;
import dev.apprentice.il.store.RecordOrigin;
import dev.apprentice.il.store.StoreQuery;
import dev.apprentice.il.store.StoredDemonstrations;
import dev.apprentice.phonesecurity.behaviour.BehaviourContext;
import dev.apprentice.phonesecurity.behaviour.BehaviourLayout;
import dev.apprentice.phonesecurity.behaviour.BehaviourSample;
import dev.apprentice.phonesecurity.behaviour.TestSamples;
import dev.apprentice.phonesecurity.privacy.BehaviourSealing;
import dev.apprentice.phonesecurity.privacy.RawSealing;
import dev.apprentice.phonesecurity.privacy.UserDataKeys;
import dev.apprentice.phonesecurity.schema.Activity;
import dev.apprentice.phonesecurity.schema.App;
import dev.apprentice.phonesecurity.schema.BehaviourPayload;
import dev.apprentice.phonesecurity.schema.BehaviourRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BehaviourRecordsTest {

    @TempDir
    Path dir;

    private UserDataKeys keys;
    private BehaviourRecords records;

    @BeforeEach
    void openRing() {
        keys = UserDataKeys.open(dir.resolve("keys"), UserDataKeys.generateMasterKey());
        records = new BehaviourRecords(new BehaviourSealing(keys));
    }

    @Test
    void aRecordIsAStepOfItsUsersSessionWithTheContextAsStateAndTheFeaturesAsAction() {
        // given
        BehaviourSample sample = TestSamples.sample("user-1", "s-9", 4);

        // when
        ExpertStep step = records.toStep(records.fromStep(BehaviourRecords.step(sample)));

        // then
        assertEquals(BehaviourRecords.DOMAIN, step.domain());
        assertEquals("user-1", step.source());
        assertEquals("s-9", step.episode());
        assertEquals(4, step.step());
        assertEquals(sample.capturedAt(), step.eventTime());
        assertArrayEquals(sample.context().toVector(), step.state());
        assertArrayEquals(TestSamples.features(), step.action());
        assertFalse(step.discreteAction());
        assertFalse(step.terminal());
        assertEquals(sample, BehaviourRecords.sample(step));
    }

    @Test
    void theSamplePhonesMarkAsTheSessionsLastIsATerminalTimeLimitedStep() {
        List<BehaviourSample> session = TestSamples.session("user-1", "s-1", 3);

        ExpertStep last = records.toStep(records.fromStep(BehaviourRecords.step(session.get(2))));

        assertTrue(last.terminal());
        assertTrue(last.timeLimited(), "the holder stopped; nothing absorbing happened");
    }

    @Test
    void theKafkaKeyIsTheUserId() {
        BehaviourRecord record = records.fromStep(BehaviourRecords.step(TestSamples.sample("user-1", "s-1", 0)));

        assertEquals("user-1", records.episodeKey(record));
    }

    @Test
    void sessionsBecomeEpisodesInTheStoreAndOnlyClosedOnesAreComplete() {
        // given a closed session of five samples and one whose closing sample never came
        List<BehaviourRecord> published = new ArrayList<>();
        for (BehaviourSample s : TestSamples.session("user-1", "closed", 5)) {
            published.add(records.fromStep(BehaviourRecords.step(s)));
        }
        for (BehaviourSample s : TestSamples.session("user-1", "open", 4).subList(0, 3)) {
            published.add(records.fromStep(BehaviourRecords.step(s)));
        }

        // when the ingester stores them and training reads the store
        StoredDemonstrations read;
        try (DemonstrationStore store = DemonstrationStore.open(dir.resolve("store"))) {
            for (int offset = 0; offset < published.size(); offset++) {
                store.append(records.toStep(published.get(offset)), new RecordOrigin(BehaviourRecords.TOPIC, 0, offset));
            }
            store.flush();
            read = store.read(BehaviourContext.space(), BehaviourLayout.space(),
                    StoreQuery.all().withDomain(BehaviourRecords.DOMAIN));
        }

        // then
        assertEquals(1, read.episodes());
        assertEquals(1, read.incompleteSkipped());
        Trajectory closed = read.trajectories().get(0);
        assertEquals(5, closed.length());
        assertFalse(closed.terminated());
        assertArrayEquals(TestSamples.features(), closed.action(4));
    }

    @Test
    void aPayloadWithTooFewTimingsIsRefusedNamingTouch() throws Exception {
        BehaviourRecord record = sealed(p -> p.setTouch(p.getTouch().subList(0, 29)));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> records.toStep(record));

        assertEquals("touch: expected 30 values, found 29", e.getMessage());
    }

    @Test
    void aPayloadWithTooManySensorStatisticsIsRefusedNamingSensor() throws Exception {
        BehaviourRecord record = sealed(p -> {
            List<Float> more = new ArrayList<>(p.getSensor());
            more.add(0.5f);
            p.setSensor(more);
        });

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> records.toStep(record));

        assertEquals("sensor: expected 112 values, found 113", e.getMessage());
    }

    @Test
    void aNanStatisticIsRefusedNamingItsIndexWithoutTheValue() throws Exception {
        BehaviourRecord record = sealed(p -> p.getSensor().set(5, Float.NaN));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> records.toStep(record));

        assertTrue(e.getMessage().startsWith("sensor[5]: expected a finite number"), e.getMessage());
        assertFalse(TestSamples.showsAFeatureValue(e.getMessage()), e.getMessage());
    }

    @Test
    void anOutOfRangeTimingIsRefusedNamingItsIndexWithoutTheValue() throws Exception {
        BehaviourRecord record = sealed(p -> p.getTouch().set(2, 7654321.5f));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> records.toStep(record));

        assertTrue(e.getMessage().startsWith("touch[2]: expected a timing in [-10000, 600000] ms"), e.getMessage());
        assertFalse(e.getMessage().contains("7654321") || e.getMessage().contains("7.654321"), e.getMessage());
        assertFalse(TestSamples.showsAFeatureValue(e.getMessage()), e.getMessage());
    }

    @Test
    void anOutOfRangeStatisticIsRefusedNamingItsIndex() throws Exception {
        BehaviourRecord record = sealed(p -> p.getSensor().set(111, -2e6f));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> records.toStep(record));

        assertTrue(e.getMessage().startsWith("sensor[111]: expected a statistic within ±1000000"), e.getMessage());
        assertFalse(e.getMessage().contains("2000000") || e.getMessage().contains("2.0E6"), e.getMessage());
    }

    @Test
    void anHourOutsideTheDayIsRefusedNamingLocalHour() throws Exception {
        BehaviourRecord record = sealed(p -> p.setLocalHour(24));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> records.toStep(record));

        assertTrue(e.getMessage().startsWith("localHour: "), e.getMessage());
    }

    /** A correctly sealed record of a valid payload changed by {@code change}. */
    private BehaviourRecord sealed(Consumer<BehaviourPayload> change) throws Exception {
        float[] f = TestSamples.features();
        List<Float> touch = new ArrayList<>();
        List<Float> sensor = new ArrayList<>();
        for (int i = 0; i < f.length; i++) {
            (i < BehaviourLayout.TOUCH ? touch : sensor).add(f[i]);
        }
        BehaviourPayload payload = BehaviourPayload.newBuilder().setActivity(Activity.STANDING).setApp(App.SOCIAL)
                .setLocalHour(8).setTouch(touch).setSensor(sensor).build();
        change.accept(payload);
        return RawSealing.seal(keys, "user-1", "s-1", 0, TestSamples.START, false, payload);
    }
}
