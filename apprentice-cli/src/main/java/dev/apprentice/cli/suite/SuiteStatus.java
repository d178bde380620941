package dev.apprentice.cli.suite;

import java.util.List;

/**
 * Everything the index page and {@code GET /status} show at one moment: the broker, every service,
 * the launcher's own memory and the total against the budget.
 *
 * @param address the index page's address
 * @param bootstrapServers the shared broker
 * @param uptimeSeconds seconds since the suite started
 * @param launcherPid the launcher's process (index page and broker)
 * @param launcherRssBytes its resident memory now
 * @param launcherPeakRssBytes its highest resident memory seen
 * @param services the four services
 * @param totalRssBytes every process's resident memory now, summed
 * @param peakTotalRssBytes the highest such sum seen (one sample, all processes)
 * @param budgetBytes the memory budget the total is held to
 */
public record SuiteStatus(String address, String bootstrapServers, double uptimeSeconds, long launcherPid,
        long launcherRssBytes, long launcherPeakRssBytes, List<ServiceStatus> services, long totalRssBytes,
        long peakTotalRssBytes, long budgetBytes) {

    public SuiteStatus {
        services = List.copyOf(services);
    }
}
