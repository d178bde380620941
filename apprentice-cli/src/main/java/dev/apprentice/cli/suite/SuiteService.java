package dev.apprentice.cli.suite;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the four services as the suite runs it, so that ports, domains, heap caps and the few
 * settings the suite adds live in one table rather than in the launcher's code.
 *
 * @param name the name the console, the page and {@code ./apprentice NAME} use
 * @param module the Maven module whose {@code target/quarkus-app/quarkus-run.jar} is run
 * @param port the HTTP port (the service's own {@code quarkus.http.port})
 * @param domains the domains it hosts, in the order the page lists them
 * @param heap the {@code -Xmx} cap
 * @param systemProperties what the suite adds on the command line (data directories, tuning)
 */
public record SuiteService(String name, String module, int port, List<String> domains, String heap,
        Map<String, String> systemProperties) {

    public SuiteService {
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("service " + name + ": expected at least one domain");
        }
        domains = List.copyOf(domains);
        systemProperties = Map.copyOf(systemProperties);
    }

    /** The jar the Quarkus build leaves under the module. */
    public Path jar(Path root) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The service's page. */
    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** Whether it hosts several domains (then storage keys are set per domain). */
    public boolean multiDomain() {
        return domains.size() > 1;
    }

    /**
     * The four services with the suite's settings. Each trains and evaluates on one thread
     * ({@code apprentice.training.threads=1}): four services on two cores gain nothing from more.
     *
     * @param data where the public data sets live ({@code ../shared/data} beside the repository)
     * @param sc2Protocols Blizzard's protocol tables
     * @param sc2Replays the reference replays
     */
    public static List<SuiteService> defaults(Path data, Path sc2Protocols, Path sc2Replays) {
        Map<String, String> oneThread = Map.of("apprentice.training.threads", "1");
        Map<String, String> starcraft = new LinkedHashMap<>(oneThread);
        starcraft.put("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        starcraft.put("apprentice.sc2.protocol.dir", sc2Protocols.toString());
        starcraft.put("apprentice.sc2.replays.dir", sc2Replays.toString());
        starcraft.put("apprentice.starcraft.protocol-directory", sc2Protocols.toString());
        starcraft.put("apprentice.starcraft.corpus-directory", sc2Replays.toString());
        Map<String, String> phone = new LinkedHashMap<>(oneThread);
        phone.put("apprentice.holdandtap.dir", data.resolve("holdandtap").toString());
        // Its start-up evaluation on Hold-and-Tap (about 3 min) would otherwise take both cores from the others.
        phone.put("apprentice.phone-security.evaluation.threads", "1");
        return List.of(
                new SuiteService("lane-change", "driving-lane-change", 8080, List.of("lane-change"), "640m", oneThread),
                new SuiteService("anesthesia", "anesthesia-ppf-rftn", 8081, List.of("anesthesia"), "640m", oneThread),
                new SuiteService("phone-security", "phone-security", 8082, List.of("phone-security"), "1g", phone),
                new SuiteService("starcraft", "starcraft-replay", 8083, List.of("starcraft", "starcraft-move-to-beacon",
                        "starcraft-collect-mineral-shards", "starcraft-defeat-roaches"), "3g", starcraft));
    }
}
