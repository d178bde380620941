package dev.apprentice.cli.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.cli.suite.Readiness.ServedPolicy;
import dev.apprentice.cli.suite.ServiceStatus.Phase;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexPageTest {

    static SuiteStatus status(long peakTotal) {
        List<ServiceStatus> services = List.of(
                new ServiceStatus("lane-change", "http://127.0.0.1:8080/", 101, Phase.SERVING, null, "/s/lane-change.log",
                        List.of(new ServedPolicy("lane-change", "lane-change", 2, "rail", 1)), List.of(), 34.2,
                        300L << 20, 310L << 20, "640m"),
                new ServiceStatus("anesthesia", "http://127.0.0.1:8081/", 102, Phase.EXITED, 3, "/s/anesthesia.log",
                        List.of(), List.of(), null, 0, 320L << 20, "640m"),
                new ServiceStatus("phone-security", "http://127.0.0.1:8082/", 103, Phase.DEGRADED, null,
                        "/s/phone-security.log", List.of(new ServedPolicy("phone-security", null, 0, null, 41)),
                        List.of("ingestion: store-failed (<segment> & \"3\")"), 90.8, 550L << 20, 560L << 20, "1g"),
                new ServiceStatus("starcraft", "http://127.0.0.1:8083/", 104, Phase.LEARNING, null, "/s/starcraft.log",
                        List.of(new ServedPolicy("starcraft", "starcraft", 1, "bc", 1),
                                new ServedPolicy("starcraft-defeat-roaches", null, 0, null, 0)),
                        List.of(), null, 1500L << 20, 1600L << 20, "2g"));
        return new SuiteStatus("http://127.0.0.1:8090/", "127.0.0.1:34775", 125, 100, 400L << 20, 450L << 20, services,
                2750L << 20, peakTotal, 6L << 30);
    }

    @Test
    void linksEveryServicesPageAndShowsItsStateServedVersionsAndLog() {
        String html = IndexPage.render(status(3L << 30));

        for (int port = 8080; port <= 8083; port++) {
            assertTrue(html.contains("<a href=\"http://127.0.0.1:" + port + "/\">"), "link to :" + port);
        }
        assertTrue(html.contains("lane-change v2 (rail)"), html);
        assertTrue(html.contains("41 models"), html);
        assertTrue(html.contains("starcraft-defeat-roaches: <span class=\"note\">none yet</span>"), html);
        assertTrue(html.contains("<span class=\"phase exited\">exited</span><br>status 3"), html);
        assertTrue(html.contains("<code>/s/anesthesia.log</code>"), html);
        assertTrue(html.contains("first policies after 34 s"), html);
    }

    @Test
    void showsMemoryPerProcessAndTheTotalAgainstTheBudget() {
        String within = IndexPage.render(status(3L << 30));
        String over = IndexPage.render(status(7L << 30));

        assertTrue(within.contains("300 MiB / 310 MiB"), within);
        assertTrue(within.contains("400 MiB / 450 MiB"), "the launcher's own line: " + within);
        assertTrue(within.contains("budget 6.00 GiB"), within);
        assertTrue(within.contains("2.69 GiB / 3.00 GiB"), within);
        assertFalse(within.contains("exceeded"));
        assertTrue(over.contains("the peak exceeded it"), over);
    }

    @Test
    void escapesWhatServicesReportAndReloadsItself() {
        String html = IndexPage.render(status(3L << 30));

        assertTrue(html.contains("ingestion: store-failed (&lt;segment&gt; &amp; &quot;3&quot;)"), html);
        assertFalse(html.contains("<segment>"));
        assertTrue(html.contains("<meta http-equiv=\"refresh\" content=\"" + IndexPage.REFRESH_SECONDS + "\">"));
        assertFalse(html.contains("<script"), "the page needs no script");
    }

    @Test
    void writesDurationsAndSizesForPeople() {
        assertEquals("42 s", IndexPage.duration(41.6));
        assertEquals("3 min 05 s", IndexPage.duration(185));
        assertEquals("345 MiB", IndexPage.mebibytes(345L << 20));
        assertEquals("1.50 GiB", IndexPage.mebibytes(1536L << 20));
    }
}
