package dev.apprentice.cli.suite;

import java.nio.file.Path;

/**
 * How one suite run is laid out on this machine: where the jars and data are, where state and logs
 * go, the index page's port and the memory budget. The launcher reads nothing else from its
 * environment, so tests build one directly.
 *
 * @param root the repository checkout holding the four modules' built jars
 * @param stateDir the suite's directory: one sub-directory and one log per service
 * @param indexPort the index page's port on loopback
 * @param fresh whether to delete the services' stores, registries, state and logs before starting
 * @param java the {@code java} executable the services run on
 * @param javacppCache where ND4J's native libraries are unpacked (shared by every service)
 * @param data the public data sets (Hold-and-Tap)
 * @param sc2Protocols Blizzard's protocol tables
 * @param sc2Replays the reference replays
 * @param budgetBytes the resident memory the whole suite is meant to stay within
 */
public record SuiteSettings(Path root, Path stateDir, int indexPort, boolean fresh, Path java, Path javacppCache,
        Path data, Path sc2Protocols, Path sc2Replays, long budgetBytes) {

    /** The index page's default port. */
    public static final int DEFAULT_INDEX_PORT = 8090;
    /** The suite's memory budget: resident memory of the launcher and the four services together. */
    public static final long DEFAULT_BUDGET_BYTES = 7L << 30;

    public SuiteSettings {
        if (indexPort < 0 || indexPort > 65535) {
            throw new IllegalArgumentException("option --port: expected a port in [0, 65535], found " + indexPort);
        }
        if (budgetBytes <= 0) {
            throw new IllegalArgumentException("memory budget: expected a positive number of bytes, found " + budgetBytes);
        }
        root = root.toAbsolutePath().normalize();
        stateDir = stateDir.toAbsolutePath().normalize();
        javacppCache = javacppCache.toAbsolutePath().normalize();
        data = data.toAbsolutePath().normalize();
        sc2Protocols = sc2Protocols.toAbsolutePath().normalize();
        sc2Replays = sc2Replays.toAbsolutePath().normalize();
    }
}
