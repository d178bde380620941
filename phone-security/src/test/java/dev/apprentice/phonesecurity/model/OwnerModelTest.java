package dev.apprentice.phonesecurity.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.registry.CorruptArtefactException;
import dev.apprentice.il.registry.PolicyCodec;
import dev.apprentice.phonesecurity.behaviour.FeatureSample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OwnerModelTest {

    private static PopulationModel population;
    private static OwnerEnrolment enrolment;
    private static List<FeatureSample> owner;
    private static List<FeatureSample> others;

    @BeforeAll
    static void learnAPopulationAndOneOwner() {
        population = PopulationModel.fit(TwoCovariancePeople.draw(40, 10, 6, 1, "background-"), 0.1);
        enrolment = new OwnerEnrolment(population, new PopulationRef("population", 3, "ab12"), ImitationSettings.defaults());
        owner = TwoCovariancePeople.draw(1, 20, 6, 5, "owner-");
        others = TwoCovariancePeople.draw(20, 20, 6, 6, "other-");
    }

    private static List<double[]> projected(List<FeatureSample> samples) {
        List<double[]> out = new ArrayList<>();
        for (FeatureSample s : samples) {
            out.add(population.project(s.activity(), s.features()));
        }
        return out;
    }

    @Test
    void theOwnersNewSamplesScoreAboveOtherPeoplesAndSessionsAreJudgedAccordingly() {
        // given an owner enrolled on 10 of their samples
        OwnerModel model = enrolment.enrol(owner.subList(0, 10), 7);
        // when their other samples and other people's are scored
        List<double[]> mine = projected(owner.subList(10, owner.size()));
        double ownerMean = mine.stream().mapToDouble(y -> model.fused().score(y)).average().orElseThrow();
        double othersMean = projected(others).stream().mapToDouble(y -> model.fused().score(y)).average().orElseThrow();
        // then the owner scores clearly higher and a session of the owner's samples is accepted
        assertTrue(ownerMean > othersMean + 2, ownerMean + " vs " + othersMean);
        SessionScore session = model.judge(mine.subList(0, 5));
        assertEquals(SessionVerdict.ACCEPT, session.verdict(), session.toString());
        assertEquals(5, session.samplesUsed());
        // and a session of someone else's samples on the owner's phone is locked or challenged
        int challenged = 0;
        for (int p = 0; p < 20; p++) {
            List<double[]> theirs = projected(others.subList(p * 60, p * 60 + 5));
            if (model.judge(theirs).verdict() != SessionVerdict.ACCEPT) {
                challenged++;
            }
        }
        assertTrue(challenged >= 18, "impostor sessions challenged or locked: " + challenged + " of 20");
    }

    @Test
    void thresholdsHoldTheTargetFalseAcceptRateOnGeneratedPeopleAndTightenWithMoreSamples() {
        OwnerModel model = enrolment.enrol(owner.subList(0, 10), 7);
        double[] accept = model.acceptThresholds();
        double[] lock = model.lockThresholds();
        assertEquals(10, accept.length);
        for (int k = 0; k < accept.length; k++) {
            assertTrue(lock[k] <= accept[k]);
        }
        // averaging more of other people's samples narrows their spread, so the 1 % point moves down
        assertTrue(accept[9] < accept[0], "10 samples " + accept[9] + " vs 1 sample " + accept[0]);
        assertThrows(IllegalArgumentException.class, () -> model.judge(List.of()));
    }

    @Test
    void theSameSeedGivesTheSameModel() {
        OwnerModel a = enrolment.enrol(owner.subList(0, 10), 11);
        OwnerModel b = enrolment.enrol(owner.subList(0, 10), 11);
        assertArrayEquals(a.acceptThresholds(), b.acceptThresholds());
        assertArrayEquals(PolicyCodec.encode(a), PolicyCodec.encode(b));
    }

    @Test
    void bothModelsSurviveThePolicyFileFormatAndScoreIdentically() {
        // given a population and an owner written as policy files
        OwnerModel model = enrolment.enrol(owner.subList(0, 10), 7);
        PopulationModel populationBack = (PopulationModel) PolicyCodec.decode(PolicyCodec.encode(population));
        OwnerModel modelBack = (OwnerModel) PolicyCodec.decode(PolicyCodec.encode(model));
        // then projections, scores, thresholds and the population reference are unchanged
        for (FeatureSample s : owner) {
            double[] y = population.project(s.activity(), s.features());
            assertArrayEquals(y, populationBack.project(s.activity(), s.features()));
            assertEquals(model.fused().score(y), modelBack.fused().score(y));
        }
        assertArrayEquals(model.acceptThresholds(), modelBack.acceptThresholds());
        assertEquals(new PopulationRef("population", 3, "ab12"), modelBack.population());
    }

    @Test
    void aDamagedOwnerFileIsReportedNotServed() {
        byte[] bytes = PolicyCodec.encode(enrolment.enrol(owner.subList(0, 10), 7));
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 9);
        assertThrows(CorruptArtefactException.class, () -> PolicyCodec.decode(truncated));
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertThrows(CorruptArtefactException.class, () -> PolicyCodec.decode(longer));
    }
}
