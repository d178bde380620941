package dev.apprentice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteCommandTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void aCheckoutWithoutPackagedServicesIsRefusedNamingWhatToBuild() {
        int status = cli.run("suite", "--root", dir.toString(), "--state-dir", dir.resolve("state").toString());

        assertEquals(1, status);
        assertTrue(cli.stderr().startsWith("apprentice suite: the suite needs the packaged services, and these are missing:"
                + " lane-change: " + dir.toAbsolutePath().resolve("driving-lane-change/target/quarkus-app/quarkus-run.jar")),
                cli.stderr());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, cli.run("suite", "now"));
        assertTrue(cli.stderr().contains("suite takes no arguments, found [now]"), cli.stderr());
        assertEquals(2, cli.run("suite", "--port", "70000"));
        assertTrue(cli.stderr().contains("option --port: expected a port in [0, 65535], found 70000"), cli.stderr());
        assertEquals(2, cli.run("suite", "--ports", "8090"));
        assertTrue(cli.stderr().contains("unknown option --ports"), cli.stderr());
    }
}
