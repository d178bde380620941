package dev.apprentice.cli.suite;

import dev.apprentice.cli.suite.Readiness.ServedPolicy;
import java.util.Locale;

/**
 * The suite's index page, rendered from one {@link SuiteStatus}: a link to each service's page with
 * its phase, what each domain serves and its memory. It reloads itself every few seconds, holds no
 * script and no key (the launcher's keys stay on its console).
 */
public final class IndexPage {

    /** Seconds between two reloads of the page. */
    static final int REFRESH_SECONDS = 5;

    private IndexPage() {
    }

    /** The page for {@code status}. */
    public static String render(SuiteStatus status) {
        StringBuilder html = new StringBuilder(4096);
        html.append("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta http-equiv="refresh" content="%d">
                <title>Apprentice suite</title>
                <style>
                body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 64em; color: #222; }
                table { border-collapse: collapse; width: 100%%; }
                th, td { text-align: left; padding: .45em .7em; border-bottom: 1px solid #ddd; vertical-align: top; }
                td.num { text-align: right; white-space: nowrap; }
                .phase { font-weight: 600; }
                .serving { color: #17702c; } .learning, .starting, .stopping { color: #8a6100; }
                .degraded, .exited { color: #b3261e; }
                .note { color: #666; font-size: 90%%; }
                code { font-size: 90%%; }
                </style></head><body>
                <h1>Apprentice suite</h1>
                """.formatted(REFRESH_SECONDS));
        html.append("<p>Four imitation-learning services on one Kafka broker (<code>")
                .append(escape(status.bootstrapServers())).append("</code>), up ")
                .append(duration(status.uptimeSeconds())).append(".</p>\n");
        html.append("<table>\n<tr><th>service</th><th>state</th><th>served policies</th>"
                + "<th>memory (RSS now / peak, heap cap)</th></tr>\n");
        for (ServiceStatus s : status.services()) {
            html.append("<tr><td><a href=\"").append(escape(s.url())).append("\">").append(escape(s.name()))
                    .append("</a><br><span class=\"note\">").append(escape(s.url())).append("</span></td>");
            html.append("<td><span class=\"phase ").append(s.phase().label()).append("\">").append(s.phase().label())
                    .append("</span>").append(phaseDetail(s)).append("</td>");
            html.append("<td>").append(policies(s)).append("</td>");
            html.append("<td class=\"num\">").append(s.pid() == 0 || s.phase() == ServiceStatus.Phase.EXITED ? "–"
                    : mebibytes(s.rssBytes())).append(" / ").append(mebibytes(s.peakRssBytes()))
                    .append("<br><span class=\"note\">-Xmx").append(escape(s.heap())).append("</span></td></tr>\n");
        }
        html.append("<tr><td>launcher</td><td><span class=\"note\">this page and the broker, pid ")
                .append(status.launcherPid()).append("</span></td><td></td><td class=\"num\">")
                .append(mebibytes(status.launcherRssBytes())).append(" / ").append(mebibytes(status.launcherPeakRssBytes()))
                .append("</td></tr>\n");
        html.append("<tr><th>total</th><td colspan=\"2\"><span class=\"note\">budget ")
                .append(mebibytes(status.budgetBytes())).append(status.peakTotalRssBytes() > status.budgetBytes()
                        ? " — <span class=\"exited\">the peak exceeded it</span>" : "")
                .append("</span></td><th class=\"num\">").append(mebibytes(status.totalRssBytes())).append(" / ")
                .append(mebibytes(status.peakTotalRssBytes())).append("</th></tr>\n</table>\n");
        html.append("<p class=\"note\">A service's page needs no key to look at; training, registry and producer "
                + "endpoints take the administrator key the launcher printed. The same figures as JSON: "
                + "<a href=\"/status\">/status</a>. Reloads every ").append(REFRESH_SECONDS).append(" s.</p>\n");
        html.append("</body></html>\n");
        return html.toString();
    }

    private static String phaseDetail(ServiceStatus s) {
        StringBuilder d = new StringBuilder();
        if (s.exitCode() != null) {
            d.append("<br>status ").append(s.exitCode());
        }
        if (s.firstPolicySeconds() != null) {
            d.append("<br><span class=\"note\">first policies after ").append(duration(s.firstPolicySeconds()))
                    .append("</span>");
        }
        for (String problem : s.problems()) {
            d.append("<br><span class=\"degraded\">").append(escape(problem)).append("</span>");
        }
        d.append("<br><span class=\"note\">log <code>").append(escape(s.log())).append("</code></span>");
        return d.toString();
    }

    private static String policies(ServiceStatus s) {
        if (s.policies().isEmpty()) {
            return "<span class=\"note\">not answering yet</span>";
        }
        StringBuilder p = new StringBuilder();
        for (ServedPolicy policy : s.policies()) {
            if (p.length() > 0) {
                p.append("<br>");
            }
            if (s.policies().size() > 1) {
                p.append(escape(policy.domain())).append(": ");
            }
            p.append(policy.serving() ? escape(policy.describe())
                    : "<span class=\"note\">" + escape(policy.describe()) + "</span>");
        }
        return p.toString();
    }

    /** {@code 1.2 GiB} or {@code 345 MiB}. */
    static String mebibytes(long bytes) {
        double mib = bytes / (1024.0 * 1024.0);
        return mib >= 1024 ? String.format(Locale.ROOT, "%.2f GiB", mib / 1024) : String.format(Locale.ROOT, "%.0f MiB", mib);
    }

    /** {@code 42 s} or {@code 3 min 05 s}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }

    /** Text safe inside HTML elements and quoted attributes. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
