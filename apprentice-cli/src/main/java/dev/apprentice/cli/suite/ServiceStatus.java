package dev.apprentice.cli.suite;

import dev.apprentice.cli.suite.Readiness.ServedPolicy;
import java.util.List;

/**
 * One service as the launcher last saw it, immutable, so that the page and {@code GET /status}
 * render a consistent picture while the watcher goes on polling.
 *
 * @param name the service's name
 * @param url its page
 * @param pid its process id, 0 before it started
 * @param phase where it is
 * @param exitCode its exit status once it exited, else null
 * @param log the file its output goes to
 * @param policies what each domain serves (empty until its readiness answered)
 * @param problems readiness checks that are down, other than "no policy yet"
 * @param firstPolicySeconds seconds from the suite's start until every domain served a learned policy, or null
 * @param rssBytes resident memory now (0 once exited)
 * @param peakRssBytes the highest resident memory seen
 * @param heap its {@code -Xmx}
 */
public record ServiceStatus(String name, String url, long pid, Phase phase, Integer exitCode, String log,
        List<ServedPolicy> policies, List<String> problems, Double firstPolicySeconds, long rssBytes, long peakRssBytes,
        String heap) {

    public ServiceStatus {
        policies = List.copyOf(policies);
        problems = List.copyOf(problems);
    }

    /** Where a service is, as the page words it. */
    public enum Phase {
        /** The process runs but its HTTP port does not answer yet. */
        STARTING("starting"),
        /** It answers; not every domain serves a learned policy yet (demonstrations arriving, training). */
        LEARNING("learning"),
        /** Every domain serves a learned policy and readiness is up. */
        SERVING("serving"),
        /** A readiness check other than the policy is down (ingestion stopped, store failed). */
        DEGRADED("degraded"),
        /** The process has exited while the suite runs. */
        EXITED("exited"),
        /** The suite is stopping it. */
        STOPPING("stopping");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        /** The word the page and the JSON show. */
        public String label() {
            return label;
        }
    }
}
