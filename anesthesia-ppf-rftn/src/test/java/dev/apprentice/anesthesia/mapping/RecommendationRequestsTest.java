package dev.apprentice.anesthesia.mapping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apprentice.anesthesia.clinical.CasePhase;
import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.sim.Sex;
import dev.apprentice.service.error.InvalidRequestException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RecommendationRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RecommendationRequests requests = new RecommendationRequests();

    /** A valid request at 1,000 s with samples every 10 s from 900 s, BIS 100 − t/10 (so each sample is told apart). */
    private static ObjectNode request() {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("patient").put("age", 45).put("sex", "female").put("weightKg", 65).put("heightCm", 165);
        body.put("elapsedSeconds", 1000);
        ArrayNode samples = body.putArray("observations");
        for (int t = 900; t <= 1000; t += 10) {
            samples.addObject().put("t", t).put("bis", 100 - t / 20.0).put("map", 80 + t / 100.0);
        }
        body.putObject("running").put("propofol", 8).put("remifentanil", 0.2);
        body.putObject("effectSite").put("propofol", 3.1).put("remifentanil", 4.2);
        return body;
    }

    private static ObjectNode withSamples(double elapsed, double[] t, double[] bis) {
        ObjectNode body = request();
        body.put("elapsedSeconds", elapsed);
        ArrayNode samples = body.putArray("observations");
        for (int i = 0; i < t.length; i++) {
            samples.addObject().put("t", t[i]).put("bis", bis[i]).put("map", 80);
        }
        return body;
    }

    @Test
    void aValidRequestBecomesTheRawObservationWithTheNewestSampleFirst() {
        ClinicalObservation o = ClinicalObservation.fromVector(requests.observation(request(), ""));

        assertEquals(Sex.FEMALE, o.patient().sex());
        assertEquals(65, o.patient().weightKg());
        assertEquals(1000, o.elapsedSeconds());
        assertEquals(CasePhase.MAINTENANCE, o.phase());
        assertArrayEquals(new double[] {50, 50.5, 51, 51.5, 52, 52.5}, o.bis());
        assertEquals(90, o.map());
        assertEquals(8, o.running().propofol());
        assertEquals(0.2, o.running().remifentanil(), 1e-7);
        assertEquals(3.1, o.propofolCe(), 1e-6);
        assertEquals(4.2, o.remifentanilCe(), 1e-6);
    }

    @Test
    void theHistoryTakesTheLatestSampleAtOrBeforeEachTenSecondStepFromIrregularSamples() {
        // Given samples at irregular times, the newest at 100 s
        double[] t = {52, 61, 69, 75, 83, 90, 98.5, 100};
        double[] bis = {52, 61, 69, 75, 83, 90, 98.5, 100};

        // When the request is read
        ClinicalObservation o = ClinicalObservation.fromVector(requests.observation(withSamples(110, t, bis), ""));

        // Then each of 100, 90, 80, 70, 60, 50 s reads the latest sample at or before it; 50 s reads the earliest
        assertArrayEquals(new double[] {100, 90, 75, 69, 52, 52}, o.bis());
    }

    @Test
    void aSingleSampleFillsTheWholeHistory() {
        ClinicalObservation o = ClinicalObservation.fromVector(
                requests.observation(withSamples(20, new double[] {15}, new double[] {88}), ""));

        assertArrayEquals(new double[] {88, 88, 88, 88, 88, 88}, o.bis());
        assertEquals(CasePhase.INDUCTION, o.phase());
    }

    @Test
    void onlyTheNewestSampleMustCarryAMap() {
        ObjectNode body = request();
        ((ObjectNode) body.get("observations").get(3)).remove("map");

        ClinicalObservation o = ClinicalObservation.fromVector(requests.observation(body, ""));

        assertEquals(90, o.map());
        assertInvalid(b -> ((ObjectNode) b.get("observations").get(10)).remove("map"), "observations[10].map");
    }

    @Test
    void staleBackwardsDuplicateAndFutureSampleTimesAreRefusedNamingTheSample() {
        assertInvalid(b -> b.put("elapsedSeconds", 1030.5), "observations");
        assertInvalid(b -> ((ObjectNode) b.get("observations").get(4)).put("t", 920), "observations[4].t");
        assertInvalid(b -> ((ObjectNode) b.get("observations").get(4)).put("t", 930), "observations[4].t");
        assertInvalid(b -> b.put("elapsedSeconds", 999), "observations[10].t");
    }

    @Test
    void aMonitorSampleThirtySecondsOldIsStillAccepted() {
        ObjectNode body = request();
        body.put("elapsedSeconds", 1030);

        assertEquals(1030, requests.observation(body, "")[ClinicalObservation.ELAPSED]);
    }

    @Test
    void physiologicallyImpossibleValuesAreRefusedNamingTheField() {
        assertInvalid(b -> ((ObjectNode) b.get("observations").get(2)).put("bis", 100.5), "observations[2].bis");
        assertInvalid(b -> ((ObjectNode) b.get("observations").get(2)).put("bis", -1), "observations[2].bis");
        assertInvalid(b -> ((ObjectNode) b.get("observations").get(2)).put("map", 0), "observations[2].map");
        assertInvalid(b -> ((ObjectNode) b.get("observations").get(10)).put("map", -5), "observations[10].map");
        assertInvalid(b -> ((ObjectNode) b.get("observations").get(10)).put("map", "high"), "observations[10].map");
        assertInvalid(b -> ((ObjectNode) b.get("observations").get(10)).putNull("bis"), "observations[10].bis");
        assertInvalid(b -> ((ObjectNode) b.get("running")).put("propofol", -1), "running.propofol");
        assertInvalid(b -> ((ObjectNode) b.get("effectSite")).put("remifentanil", 2001), "effectSite.remifentanil");
    }

    @Test
    void unknownFieldsBadSexAndAnInvalidLeanBodyMassAreRefusedNamingTheField() {
        assertInvalid(b -> b.put("bolus", 1), "bolus");
        assertInvalid(b -> ((ObjectNode) b.get("patient")).put("bmi", 24), "patient.bmi");
        assertInvalid(b -> ((ObjectNode) b.get("observations").get(0)).put("hr", 70), "observations[0].hr");
        assertInvalid(b -> ((ObjectNode) b.get("patient")).put("sex", "F"), "patient.sex");
        assertInvalid(b -> ((ObjectNode) b.get("patient")).put("sex", 1), "patient.sex");
        // 200 kg at 150 cm: James' formula gives a negative lean body mass for a woman
        assertInvalid(b -> ((ObjectNode) b.get("patient")).put("weightKg", 200).put("heightCm", 150), "patient.weightKg");
        assertInvalid(b -> b.remove("effectSite"), "effectSite");
    }

    @Test
    void noSamplesOrMoreThanAnHourOfThemAreRefused() {
        assertInvalid(b -> b.putArray("observations"), "observations");
        assertInvalid(b -> b.put("observations", "none"), "observations");
        assertInvalid(b -> {
            ArrayNode samples = b.putArray("observations");
            for (int i = 0; i <= RecommendationRequests.MAX_OBSERVATIONS; i++) {
                samples.addObject().put("t", 1000 - RecommendationRequests.MAX_OBSERVATIONS + i).put("bis", 50).put("map", 80);
            }
        }, "observations");
    }

    @Test
    void exactlyTheMostSamplesAreAccepted() {
        ObjectNode body = request();
        ArrayNode samples = body.putArray("observations");
        for (int i = 0; i < RecommendationRequests.MAX_OBSERVATIONS; i++) {
            samples.addObject().put("t", 1000 - RecommendationRequests.MAX_OBSERVATIONS + 1 + i).put("bis", 50).put("map", 80);
        }

        assertEquals(50, requests.observation(body, "")[ClinicalObservation.BIS]);
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefusedAsTheBodyOrTheBatchEntry() {
        InvalidRequestException alone = assertThrows(InvalidRequestException.class,
                () -> requests.observation(JSON.createArrayNode(), ""));
        InvalidRequestException inBatch = assertThrows(InvalidRequestException.class,
                () -> requests.observation(JSON.getNodeFactory().textNode("x"), "requests[3]"));

        assertTrue(alone.getMessage().startsWith("body:"), alone.getMessage());
        assertTrue(inBatch.getMessage().startsWith("requests[3]:"), inBatch.getMessage());
    }

    @Test
    void insideABatchEveryErrorNamesTheEntry() {
        assertInvalidIn("requests[3]", b -> ((ObjectNode) b.get("observations").get(2)).put("bis", 101),
                "requests[3].observations[2].bis");
        assertInvalidIn("requests[3]", b -> b.put("elapsedSeconds", 1031), "requests[3].observations");
        assertInvalidIn("requests[3]", b -> ((ObjectNode) b.get("patient")).put("sex", "x"), "requests[3].patient.sex");
        assertInvalidIn("requests[3]", b -> b.put("extra", true), "requests[3].extra");
        assertInvalidIn("requests[3]", b -> ((ObjectNode) b.get("patient")).put("weightKg", 200).put("heightCm", 150),
                "requests[3].patient.weightKg");
    }

    private void assertInvalid(Consumer<ObjectNode> change, String field) {
        assertInvalidIn("", change, field);
    }

    private void assertInvalidIn(String path, Consumer<ObjectNode> change, String field) {
        // Given a valid request with one change
        ObjectNode body = request();
        change.accept(body);

        // When it is read
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> requests.observation(body, path),
                field);

        // Then the 400 names the field
        assertEquals(400, e.status());
        assertEquals(field, e.field());
        assertTrue(e.getMessage().startsWith(field + ": "), field + " expected, found: " + e.getMessage());
    }
}
