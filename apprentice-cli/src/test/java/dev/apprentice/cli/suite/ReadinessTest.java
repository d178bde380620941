package dev.apprentice.cli.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.cli.suite.Readiness.ServedPolicy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    private static final List<SuiteService> SERVICES = SuiteService.defaults(Path.of("data"), Path.of("p"), Path.of("r"));

    static SuiteService service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aServiceServingItsPromotedVersionIsReadyWithModelVersionAndAlgorithm() {
        String body = """
                {"status":"UP","checks":[{"name":"policy","status":"UP","data":{"model":"lane-change","version":2,"algorithm":"rail"}},
                {"name":"ingestion","status":"UP","data":{"state":"running","since":"2026-12-03T12:57:39Z"}}]}""";

        Readiness r = Readiness.parse(body, service("lane-change"));

        assertTrue(r.up());
        assertTrue(r.servingAll());
        assertEquals(List.of(new ServedPolicy("lane-change", "lane-change", 2, "rail", 1)), r.policies());
        assertEquals("lane-change v2 (rail)", r.policies().get(0).describe());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void aServiceHostingSeveralDomainsIsReadByDomainAndIsNotServingUntilEveryDomainIs() {
        String body = """
                {"status":"DOWN","checks":[{"name":"policy-starcraft-defeat-roaches","status":"DOWN","data":{"servedModels":0}},
                {"name":"policy-starcraft","status":"UP","data":{"model":"starcraft","version":2,"algorithm":"bc"}},
                {"name":"policy-starcraft-move-to-beacon","status":"UP","data":{"model":"starcraft-move-to-beacon","version":1,"algorithm":"bc"}},
                {"name":"ingestion-starcraft","status":"UP","data":{"state":"running","since":"2026-12-03T12:57:38Z"}}]}""";

        Readiness r = Readiness.parse(body, service("starcraft"));

        assertFalse(r.up());
        assertFalse(r.servingAll());
        assertEquals(List.of("starcraft", "starcraft-move-to-beacon", "starcraft-collect-mineral-shards",
                "starcraft-defeat-roaches"), r.policies().stream().map(ServedPolicy::domain).toList());
        assertEquals(List.of(true, true, false, false), r.policies().stream().map(ServedPolicy::serving).toList());
        assertEquals("none yet", r.policies().get(3).describe());
        assertEquals(List.of(), r.problems(), "a domain still learning is not a problem");
    }

    @Test
    void aDomainWithoutASharedPolicyServesOnceItHasASubjectsModel() {
        String body = """
                {"status":"UP","checks":[{"name":"policy","status":"UP","data":{"sharedPolicy":false,"servedModels":41}}]}""";

        ServedPolicy p = Readiness.parse(body, service("phone-security")).policies().get(0);

        assertTrue(p.serving());
        assertEquals("41 models", p.describe());
    }

    @Test
    void aDownCheckOtherThanThePolicyIsAProblemWithItsCause() {
        String body = """
                {"status":"DOWN","checks":[{"name":"policy","status":"UP","data":{"model":"anesthesia","version":1,"algorithm":"bc"}},
                {"name":"ingestion","status":"DOWN","data":{"state":"store-failed","since":"x","cause":"segment 3 is torn"}}]}""";

        Readiness r = Readiness.parse(body, service("anesthesia"));

        assertEquals(List.of("ingestion: store-failed (segment 3 is torn)"), r.problems());
    }

    @Test
    void rejectsABodyThatIsNotAHealthDocumentNamingTheService() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Readiness.parse("<html>502 Bad Gateway</html>", service("anesthesia")));

        assertTrue(e.getMessage().startsWith("anesthesia readiness: expected a JSON health document, found '<html>"),
                e.getMessage());
    }
}
