package dev.apprentice.starcraft.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.service.testing.Await;
import dev.apprentice.service.testing.HeadlessChromium;
import dev.apprentice.service.testing.ServiceSteps;
import dev.apprentice.starcraft.MinigameDomain;
import dev.apprentice.starcraft.minigame.Minigame;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
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
 * The pages in a real browser (Debian's headless chromium): MoveToBeacon played live by a cloned policy
 * beside the scripted agent, with its evaluation table; the replay page's links to the minigames and a
 * held-out replay's production timeline beside the served policy's predictions.
 */
@QuarkusTest
@QuarkusTestResource(value = PagesBrowserTest.Broker.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesBrowserTest {

    /** A broker and directories of its own, so that the policies promoted here are version 1. */
    public static class Broker extends StarcraftServiceTest.Broker {
    }

    private static final String BEACON = "/api/v1/" + MinigameDomain.nameOf(Minigame.MOVE_TO_BEACON);
    private static final Supplier<RequestSpecification> ADMIN = () -> given()
            .header("Authorization", "Bearer test-admin-key-0123456789").contentType(ContentType.JSON);
    /** The marine's fill, #2a9d8f, and the beacon's, #f2c14e. */
    private static final String UNIT_COLOURS = "[[42, 157, 143], [242, 193, 78]]";

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium("starcraft-pages.png", 1400, 1200);
    static boolean trained;

    @TestHTTPResource("/minigame.html?game=move-to-beacon")
    URL beaconPage;

    @TestHTTPResource("/")
    URL replayPage;

    @Test
    @Order(1)
    void theMinigamePageAnimatesThePromotedPolicyBesideTheExpert() throws Exception {
        WebDriver browser = open(beaconPage);
        WebElement frames = browser.findElement(By.id("frames"));
        chromium.until("more than 30 live frames", d -> Integer.parseInt(frames.getDomAttribute("data-count")) > 30,
                () -> "data-count=" + frames.getDomAttribute("data-count"));
        WebElement label = browser.findElement(By.id("policy-label"));
        chromium.until("#policy-label to name policy v1 (bc)", d -> label.getText().contains("policy v1 (bc)"),
                () -> "#policy-label: " + label.getText());
        String script = """
                const c = document.getElementById(arguments[0]);
                const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                const wanted = JSON.parse(arguments[1]);
                const seen = wanted.map(() => 0);
                for (let i = 0; i < px.length; i += 4) {
                  wanted.forEach((w, k) => { if (w[0] === px[i] && w[1] === px[i + 1] && w[2] === px[i + 2]) seen[k]++; });
                }
                return seen;""";
        for (String canvas : List.of("policy-road", "expert-road")) {
            Function<WebDriver, List<?>> pixels = d -> (List<?>) ((JavascriptExecutor) d).executeScript(script, canvas,
                    UNIT_COLOURS);
            chromium.until("the marine and the beacon on #" + canvas,
                    d -> pixels.apply(d).stream().allMatch(n -> ((Number) n).longValue() > 0),
                    () -> "#" + canvas + " [marine, beacon] pixels = " + pixels.apply(chromium.driver()));
        }
        Function<WebDriver, List<String>> rows = d -> d.findElements(By.cssSelector("#evaluation tbody tr")).stream()
                .map(WebElement::getText).toList();
        chromium.until("expert, random and v1 bc rows", d -> rows.apply(d).size() >= 3
                && rows.apply(d).get(2).startsWith("v1 bc"), () -> "rows: " + rows.apply(chromium.driver()));
        assertTrue(rows.apply(browser).get(0).startsWith("expert (pysc2 scripted agent)"), () -> "rows: "
                + rows.apply(browser));
    }

    @Test
    @Order(2)
    void theReplayPageLinksTheMinigamesAndDrawsAHeldOutReplaysTimeline() throws Exception {
        WebDriver browser = open(replayPage);
        for (Minigame m : Minigame.values()) {
            String href = browser.findElement(By.id("link-" + m.id())).getDomAttribute("href");
            assertTrue(href.endsWith("game=" + m.id()), href);
        }
        Path heldOut = Path.of(System.getProperty("apprentice.sc2.replays.dir"),
                "b71663-2019-01-25_P_IIIIIIIIIIII_VS_Z_PrEaTure.SC2Replay");
        browser.findElement(By.id("timeline-file")).sendKeys(heldOut.toRealPath().toString());
        WebElement status = browser.findElement(By.id("timeline-status"));
        chromium.until("the timeline of the held-out replay", d -> status.getText().contains("held out")
                && d.findElements(By.cssSelector(".timeline span")).size() > 50,
                () -> "status: " + status.getText() + ", marks: "
                        + chromium.driver().findElements(By.cssSelector(".timeline span")).size());
        long hits = browser.findElements(By.cssSelector(".timeline span.hit")).size();
        assertTrue(hits > 10, "productions the policy predicted first: " + hits);
        Function<WebDriver, List<String>> rows = d -> d.findElements(By.cssSelector("#evaluation tbody tr")).stream()
                .map(WebElement::getText).toList();
        chromium.until("the Markov baseline and v1 bc rows", d -> rows.apply(d).stream().anyMatch(r -> r.startsWith("Markov"))
                && rows.apply(d).stream().anyMatch(r -> r.startsWith("v1 bc")), () -> "rows: " + rows.apply(chromium.driver()));
    }

    /** The browser on {@code page} (the kit's browser opens its first page only; this one visits two). */
    private static WebDriver open(URL page) throws Exception {
        trainOnce();
        WebDriver browser = chromium.open(page);
        if (!browser.getCurrentUrl().equals(page.toString())) {
            browser.get(page.toString());
        }
        return browser;
    }

    /** Clones MoveToBeacon's scripted agent and learns next productions from the reference replays' training share. */
    private static synchronized void trainOnce() throws Exception {
        if (trained) {
            return;
        }
        ServiceSteps.publishExpertEpisodes(ADMIN, BEACON, "scripted", 10);
        ServiceSteps.trainAndPromote(ADMIN, BEACON, "bc");
        int games = 0;
        for (String name : List.of("b64469-2018-12-01_P_Calm_VS_T_Aggression.SC2Replay", "automm.SC2Replay",
                "b65895-1.SC2Replay", "b75800-trophy_id_13.SC2Replay", "public.SC2Replay")) {
            games += (Integer) given().header("Authorization", "Bearer test-admin-key-0123456789")
                    .contentType("application/octet-stream")
                    .body(Files.readAllBytes(Path.of(System.getProperty("apprentice.sc2.replays.dir"), name)))
                    .post("/api/v1/starcraft/replays").then().statusCode(200).extract().path("games");
        }
        int stored = games;
        Await.until(stored + " games stored", Duration.ofSeconds(60),
                () -> ((Integer) ADMIN.get().get("/api/v1/starcraft/ingest").path("store.completeEpisodes")) >= stored);
        ServiceSteps.trainAndPromote(ADMIN, "/api/v1/starcraft", "bc");
        trained = true;
    }
}
