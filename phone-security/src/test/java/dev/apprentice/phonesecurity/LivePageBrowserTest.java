package dev.apprentice.phonesecurity;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.service.testing.Await;
import dev.apprentice.service.testing.EmbeddedServiceResource;
import dev.apprentice.service.testing.HeadlessChromium;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The phone-security page in a real browser (Debian's headless chromium): with a demo cohort of 12
 * synthetic users seeded at start-up and a small Hold-and-Tap evaluation, the page draws the demo
 * owner's live session with both the owner's and an impostor's points and a decision, and the DET
 * curves of imitation and logistic regression beside the EER table, without a key (the public
 * dashboard setting is "summary").
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServiceResource.class)
@TestProfile(LivePageBrowserTest.DemoCohortAndSmallEvaluation.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LivePageBrowserTest {

    /** A service of its own: 12 demo users, a fast live ticker, and the evaluation on 8 owners, sitting, two methods. */
    public static class DemoCohortAndSmallEvaluation implements QuarkusTestProfile {
        /** The demo and evaluation settings; the data directory is the one surefire names. */
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(Map.entry("apprentice.phone-security.demo.users", "12"),
                    Map.entry("apprentice.phone-security.demo.live-interval-millis", "300"),
                    Map.entry("apprentice.phone-security.evaluation.enabled", "true"),
                    Map.entry("apprentice.phone-security.evaluation.enrolled-users", "8"),
                    Map.entry("apprentice.phone-security.evaluation.background-users", "6"),
                    Map.entry("apprentice.phone-security.evaluation.impostor-users", "4"),
                    Map.entry("apprentice.phone-security.evaluation.feature-sets", "both"),
                    Map.entry("apprentice.phone-security.evaluation.activities", "sitting"),
                    Map.entry("apprentice.phone-security.evaluation.methods", "logistic-regression,imitation"));
        }
    }

    static final String API = "/api/v1/phone-security";

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium("phone-security-page.png", 1400, 1300);

    @TestHTTPResource("/")
    URL page;

    @Test
    @Order(1)
    void givenTheDemoCohortWhenSeededThenTheLiveSessionHasOwnerAndImpostorPointsForAnonymousCallers()
            throws InterruptedException {
        Await.until("the demo cohort enrolled and both holders scored", Duration.ofSeconds(120), () -> {
            JsonPath live = given().get(API + "/live-session").then().statusCode(200).extract().jsonPath();
            List<String> holders = live.getList("points.holder");
            return "ready".equals(live.getString("demo.stage")) && holders.contains("owner") && holders.contains("impostor");
        });
        JsonPath live = given().get(API + "/live-session").then().statusCode(200).extract().jsonPath();
        assertEquals(12, live.getInt("demo.enrolled"));
        assertEquals(Set.of("index", "atMillis", "holder", "session", "samplesUsed", "score", "acceptThreshold",
                "lockThreshold", "decision"), live.getMap("points[0]").keySet(), "a point holds no user id or feature value");
    }

    @Test
    @Order(2)
    void whenThePageIsOpenedThenTheLiveChartShowsOwnerAndImpostorPointsAndADecision() throws Exception {
        WebDriver browser = chromium.open(page);
        WebElement chart = browser.findElement(By.id("live-chart"));
        chromium.until("#live-chart to draw owner and impostor points",
                d -> Integer.parseInt(chart.getDomAttribute("data-owner")) > 0
                        && Integer.parseInt(chart.getDomAttribute("data-impostor")) > 0,
                () -> "#live-chart owner " + chart.getDomAttribute("data-owner") + ", impostor "
                        + chart.getDomAttribute("data-impostor"));
        chromium.until("#live-decision to say accept, step-up or lock",
                d -> !d.findElements(By.id("live-decision")).isEmpty() && List.of("accept", "step-up", "lock")
                        .contains(d.findElement(By.id("live-decision")).getText()),
                () -> "#live-status: " + browser.findElement(By.id("live-status")).getText());
        String status = browser.findElement(By.id("live-status")).getText();
        assertTrue(status.startsWith("owner") || status.startsWith("impostor"), () -> "#live-status: " + status);
    }

    @Test
    @Order(3)
    void whenTheEvaluationIsDoneThenThePageDrawsTheDetCurvesBesideTheEerTable() throws Exception {
        WebDriver browser = chromium.open(page);
        WebElement det = browser.findElement(By.id("det-chart"));
        Await.until("the evaluation done", Duration.ofSeconds(90),
                () -> "done".equals(given().get(API + "/evaluation").then().statusCode(200).extract().path("state")));
        chromium.until("#det-chart to draw the imitation and logistic-regression curves",
                d -> List.of(det.getDomAttribute("data-curves").split(",")).containsAll(List.of("imitation",
                        "logistic-regression")),
                () -> "#det-chart curves: " + det.getDomAttribute("data-curves") + "; #det-state: "
                        + browser.findElement(By.id("det-state")).getText());
        List<String> rows = browser.findElements(By.cssSelector("#eer-table tbody tr")).stream().map(WebElement::getText)
                .toList();
        assertTrue(rows.size() == 2 && rows.get(0).startsWith("logistic-regression") && rows.get(1).startsWith("imitation"),
                () -> "#eer-table rows: " + rows);
        rows.forEach(row -> assertTrue(row.matches("(?s).*\\d %.*\\d %.*"), () -> "row without EERs: " + row));
    }
}
