package dev.apprentice.lanechange;

import static dev.apprentice.lanechange.LaneChangeServiceTest.API;
import static dev.apprentice.lanechange.LaneChangeServiceTest.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.service.testing.EmbeddedServiceResource;
import dev.apprentice.service.testing.ServiceSteps;
import dev.apprentice.service.testing.HeadlessChromium;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The web page in a real browser (Debian's headless chromium, installed by
 * {@code scripts/install-browser}): after a BC policy is trained and promoted, the page animates
 * the live server-sent frames, names the served version, draws the policy's road, plots the
 * training curve and fills the evaluation table.
 *
 * <p>Its own test profile gives it a fresh service (broker, store and registry), so the promoted
 * policy is version 1 whatever other test classes did before. The browser is the kit's
 * {@link HeadlessChromium}, which downloads nothing.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServiceResource.class)
@TestProfile(LiveDashboardBrowserTest.FreshService.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveDashboardBrowserTest {

    /** A profile of its own: the service restarts with an empty store and registry. */
    public static class FreshService implements QuarkusTestProfile {
    }

    /** The ego vehicle's fill on the road canvases: #2a9d8f, or #d62828 after a collision. */
    static final String EGO_COLOURS = "[[42, 157, 143], [214, 40, 40]]";

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium("live-dashboard.png", 1400, 1000);
    static boolean policyPromoted;

    @TestHTTPResource("/")
    URL page;

    @Test
    @Order(1)
    void aBcPolicyTrainedOnTenPublishedEpisodesIsPromoted() throws InterruptedException {
        promoteABcPolicy();
        admin().get(API + "/policies").then().statusCode(200)
                .body("version", equalTo(List.of(1)))
                .body("promoted", equalTo(List.of(true)));
    }

    @Test
    @Order(2)
    void thePageAnimatesMoreThanThirtyLiveFrames() throws Exception {
        WebElement frames = openThePage().findElement(By.id("frames"));
        chromium.until("more than 30 live frames (data-count of #frames)",
                d -> Integer.parseInt(frames.getDomAttribute("data-count")) > 30,
                () -> "data-count=" + frames.getDomAttribute("data-count"));
    }

    @Test
    @Order(3)
    void thePolicyLabelNamesThePromotedVersion() throws Exception {
        WebElement label = openThePage().findElement(By.id("policy-label"));
        chromium.until("#policy-label to name policy v1", d -> label.getText().contains("policy v1"),
                () -> "#policy-label: " + label.getText());
        assertTrue(label.getText().contains("(bc)"), () -> "#policy-label: " + label.getText());
    }

    @Test
    @Order(4)
    void thePolicyRoadShowsTheEgoVehicleOnTheRoad() throws Exception {
        openThePage();
        String script = """
                const c = document.getElementById(arguments[0]);
                const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                const ego = JSON.parse(arguments[1]);
                const colours = new Set();
                let egoPixels = 0;
                for (let i = 0; i < px.length; i += 4) {
                  colours.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
                  if (ego.some(e => e[0] === px[i] && e[1] === px[i + 1] && e[2] === px[i + 2])) egoPixels++;
                }
                return [colours.size, egoPixels];""";
        Function<WebDriver, List<?>> pixels = d -> (List<?>) ((JavascriptExecutor) d)
                .executeScript(script, "policy-road", EGO_COLOURS);
        chromium.until("the ego vehicle's colour on #policy-road",
                d -> ((Number) pixels.apply(d).get(1)).longValue() > 0,
                () -> "#policy-road [distinct colours, ego pixels] = " + pixels.apply(chromium.driver()));
        List<?> seen = pixels.apply(chromium.driver());
        assertTrue(((Number) seen.get(0)).longValue() > 1, () -> "#policy-road is one flat colour: " + seen);
    }

    @Test
    @Order(5)
    void theTrainingChartPlotsTheJobsProgress() throws Exception {
        WebElement chart = openThePage().findElement(By.id("chart"));
        chromium.until("plotted points on #chart (data-points)",
                d -> Integer.parseInt(chart.getDomAttribute("data-points")) > 0,
                () -> "data-points=" + chart.getDomAttribute("data-points"));
    }

    @Test
    @Order(6)
    void theEvaluationTableListsTheExpertTheRandomPolicyAndTheBcVersion() throws Exception {
        openThePage();
        Function<WebDriver, List<String>> rows = d -> d.findElements(By.cssSelector("#evaluation tbody tr"))
                .stream().map(WebElement::getText).toList();
        AtomicReference<List<String>> read = new AtomicReference<>(List.of());
        chromium.until("at least 3 evaluation rows, one of them for bc", d -> {
            read.set(rows.apply(d)); // one reading, so that a re-render cannot mix two tables
            return read.get().size() >= 3 && read.get().stream().anyMatch(r -> r.contains("bc"));
        }, () -> "rows: " + read.get());
        List<String> table = read.get();
        assertTrue(table.get(0).startsWith("expert"), () -> "rows: " + table);
        assertTrue(table.get(1).startsWith("random"), () -> "rows: " + table);
        assertTrue(table.get(2).startsWith("v1 bc"), () -> "rows: " + table);
    }

    /** Publishes 10 normal expert episodes and trains a BC job until it succeeds (and is promoted), once. */
    static synchronized void promoteABcPolicy() throws InterruptedException {
        if (policyPromoted) {
            return;
        }
        ServiceSteps.publishExpertEpisodes(LaneChangeServiceTest::admin, API, "normal", 10);
        ServiceSteps.trainAndPromote(LaneChangeServiceTest::admin, API, "bc");
        policyPromoted = true;
    }

    /** The page in headless chromium, opened once after a policy is promoted. */
    WebDriver openThePage() throws Exception {
        promoteABcPolicy();
        return chromium.open(page);
    }
}
