package dev.apprentice.cli.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLauncherTest {

    @TempDir
    Path dir;

    private SuiteSettings settings() {
        return new SuiteSettings(dir.resolve("repo"), dir.resolve("state"), 0, false, Path.of("/opt/jdk/bin/java"),
                dir.resolve("javacpp"), dir.resolve("data"), dir.resolve("data/sc2/protocol"),
                dir.resolve("data/sc2/replays"), 6L << 30);
    }

    private List<SuiteService> services() {
        SuiteSettings s = settings();
        return SuiteService.defaults(s.data(), s.sc2Protocols(), s.sc2Replays());
    }

    private static SuiteService on(int port) {
        return new SuiteService("lane-change", "driving-lane-change", port, List.of("lane-change"), "640m", Map.of());
    }

    @Test
    void aTakenServicePortIsNamedWithTheServiceThatWantedIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> SuiteLauncher.requirePortsFree(List.of(on(port)), 0));

            assertTrue(e.getMessage().startsWith("port " + port + " (lane-change) is already in use on 127.0.0.1: is a"
                    + " single service (./apprentice lane-change, ...) or another suite still running?"), e.getMessage());
        }
    }

    @Test
    void aTakenIndexPortSaysHowToMoveThePage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> SuiteLauncher.requirePortsFree(List.of(), port));

            assertTrue(e.getMessage().startsWith("port " + port + " (the index page) is already in use"), e.getMessage());
            assertTrue(e.getMessage().endsWith("(the index page can move with --port)"), e.getMessage());
        }
    }

    @Test
    void anIndexPortThatIsAServicesPortIsRefusedBeforeAnythingStarts() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SuiteLauncher.requirePortsFree(services(), 8082));

        assertEquals("port 8082 is phone-security's; choose another for the index page with --port", e.getMessage());
    }

    @Test
    void missingJarsAreNamedWithTheCommandThatBuildsThem() throws Exception {
        SuiteSettings s = settings();
        Path laneJar = services().get(0).jar(s.root());
        Files.createDirectories(laneJar.getParent());
        Files.writeString(laneJar, "built");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SuiteLauncher.requireJars(s.root(), services()));

        assertFalse(e.getMessage().contains("lane-change:"), "the built one is not listed: " + e.getMessage());
        assertTrue(e.getMessage().contains("anesthesia: " + s.root().resolve("anesthesia-ppf-rftn/target/quarkus-app/"
                + "quarkus-run.jar") + " (./mvnw -pl anesthesia-ppf-rftn -am package -DskipTests)"), e.getMessage());
        assertTrue(e.getMessage().contains("starcraft: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("./apprentice builds them for you."), e.getMessage());
    }

    @Test
    void eachServiceRunsItsJarOnTheDemoProfileWithItsHeapCapAndItsOwnDirectories() {
        SuiteSettings s = settings();
        SuiteService lane = services().get(0);

        List<String> command = SuiteLauncher.command(s, lane);

        assertEquals("/opt/jdk/bin/java", command.get(0));
        assertTrue(command.contains("-Xmx640m"));
        assertTrue(command.contains("-Dquarkus.profile=demo"));
        assertTrue(command.contains("-Dorg.bytedeco.javacpp.maxPhysicalBytes=0"));
        assertTrue(command.contains("-Dorg.bytedeco.javacpp.cachedir=" + s.javacppCache()));
        assertTrue(command.contains("-Dapprentice.storage.store-directory=" + s.stateDir().resolve("lane-change/store")));
        assertTrue(command.contains("-Dapprentice.storage.registry-directory=" + s.stateDir().resolve("lane-change/registry")));
        assertEquals(List.of("-jar", lane.jar(s.root()).toString()), command.subList(command.size() - 2, command.size()));
    }

    @Test
    void aServiceHostingSeveralDomainsGetsDirectoriesPerDomainAndItsDataSets() {
        SuiteSettings s = settings();
        SuiteService starcraft = services().get(3);

        List<String> command = SuiteLauncher.command(s, starcraft);

        for (String domain : starcraft.domains()) {
            assertTrue(command.contains("-Dapprentice.domains.\"" + domain + "\".storage.state-directory="
                    + s.stateDir().resolve("starcraft").resolve(domain).resolve("state")), domain + " in " + command);
        }
        assertFalse(command.stream().anyMatch(a -> a.startsWith("-Dapprentice.storage.")),
                "global storage keys stop a multi-domain service");
        assertTrue(command.contains("-Dapprentice.starcraft.protocol-directory=" + s.sc2Protocols()));
        assertTrue(command.contains("-Dapprentice.starcraft.corpus-directory=" + s.sc2Replays()));
        assertTrue(SuiteLauncher.command(s, services().get(2))
                .contains("-Dapprentice.holdandtap.dir=" + s.data().resolve("holdandtap")));
    }

    @Test
    void theKeysAndTheSharedBrokerTravelInTheEnvironmentNeverOnTheCommandLine() {
        DevelopmentKeys keys = DevelopmentKeys.generate();

        Map<String, String> env = SuiteLauncher.environment("127.0.0.1:39092", keys, Map.of());

        assertEquals("false", env.get("APPRENTICE_KAFKA_EMBEDDED"));
        assertEquals("127.0.0.1:39092", env.get("APPRENTICE_KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals(keys.admin(), env.get("APPRENTICE_SECURITY_ADMIN_KEYS"));
        assertEquals(keys.decision(), env.get("APPRENTICE_SECURITY_DECISION_KEYS"));
        assertEquals("1", env.get("OMP_NUM_THREADS"));
        assertEquals("4", SuiteLauncher.environment("b", keys, Map.of("OMP_NUM_THREADS", "4")).get("OMP_NUM_THREADS"));
        for (SuiteService service : services()) {
            assertFalse(String.join(" ", SuiteLauncher.command(settings(), service)).contains("dev-"),
                    "no key on " + service.name() + "'s command line");
        }
    }

    @Test
    void developmentKeysAreLongEnoughDifferentAndNeverPrintedByAccident() {
        DevelopmentKeys keys = DevelopmentKeys.generate();

        assertTrue(keys.admin().startsWith("dev-admin-") && keys.admin().length() >= DevelopmentKeys.MIN_LENGTH);
        assertTrue(keys.decision().startsWith("dev-decision-"));
        assertFalse(keys.admin().equals(DevelopmentKeys.generate().admin()));
        assertFalse(keys.toString().contains(keys.admin()));
        assertThrows(IllegalArgumentException.class, () -> new DevelopmentKeys("short", "dev-decision-0123456789"));
    }
}
