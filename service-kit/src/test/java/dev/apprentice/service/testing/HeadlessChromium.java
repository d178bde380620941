package dev.apprentice.service.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A real-browser test class's headless Chromium: how it is found, started, waited on and cleaned up, written once for every service's page tests. */
public final class HeadlessChromium implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    /*
     * Debian's chromium and chromium-driver, installed by scripts/install-browser. Selenium never
     * downloads a browser or a driver: the driver executable is given explicitly (which keeps
     * Selenium Manager out), and the browser is told to make no background network requests.
     */
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String MISSING_BROWSER = CHROMIUM + " or " + CHROMEDRIVER + " is missing: run scripts/install-browser"
            + " (installs Debian's chromium and chromium-driver)";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String screenshot;
    private final String windowSize;
    private WebDriver driver;
    private Path profile;

    /**
     * For a {@code @RegisterExtension} static field: the browser's window is {@code width} by
     * {@code height}, and after the class the page is saved as {@code screenshot} in java.io.tmpdir.
     */
    public HeadlessChromium(String screenshot, int width, int height) {
        this.screenshot = screenshot;
        this.windowSize = width + "," + height;
    }

    /** In CI a missing browser fails the class: CI must run scripts/install-browser first. */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (!installed() && "true".equals(System.getenv("CI"))) {
            fail(MISSING_BROWSER);
        }
    }

    /** Elsewhere each test is skipped, with the reason (Surefire does not report a class-level skip). */
    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeTrue(installed(), () -> MISSING_BROWSER + "; skipped outside CI");
    }

    private static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Saves the page as the last test left it, to look at after a run, then quits and deletes the profile. */
    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                Path shot = Path.of(System.getProperty("java.io.tmpdir"), screenshot);
                Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            }
        } finally {
            if (driver != null) {
                driver.quit();
                driver = null;
            }
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /**
     * The browser, started with a fresh profile and sent to {@code page} on the first call; later
     * calls return it as the earlier tests left it.
     */
    public WebDriver open(URL page) throws IOException {
        if (driver == null) {
            profile = Files.createTempDirectory("chromium-profile-");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=" + windowSize, "--user-data-dir=" + profile);
            driver = new ChromeDriver(service, options);
            driver.get(page.toString());
        }
        return driver;
    }

    /** The browser {@link #open} started, for page scripts and failure messages. */
    public WebDriver driver() {
        return driver;
    }

    /** Waits up to 30 s for {@code condition}, else fails naming {@code what} and the page's {@code state}. */
    public void until(String what, Function<WebDriver, Boolean> condition, Supplier<String> state) {
        try {
            // Pages re-render their tables as data arrives: an element read mid-render is stale, not absent.
            new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition::apply);
        } catch (TimeoutException e) {
            String seen;
            try {
                seen = state.get();
            } catch (StaleElementReferenceException rerendered) {
                seen = "(the page re-rendered while its state was read)";
            }
            throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what + "; " + seen, e);
        }
    }
}
