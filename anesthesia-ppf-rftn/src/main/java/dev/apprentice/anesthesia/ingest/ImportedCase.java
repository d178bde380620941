package dev.apprentice.anesthesia.ingest;

import dev.apprentice.anesthesia.schema.AnesthesiaDemonstration;
import dev.apprentice.anesthesia.schema.DataFlag;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A case file converted to demonstrations and checked as the ingester will check them, held whole
 * so that it is published in one transaction; with the figures an operator compares with the chart.
 *
 * @param caseId the case
 * @param records every decision, in order, segment after segment
 * @param episodes the episode id of each segment: the case id, or {@code <case>-seg<n>} when gaps cut the case
 * @param firstDrugTime the file time of the first drug, where elapsed time 0 lies, s
 * @param durationSeconds from the first drug to the last row, s
 * @param skipped the stretches without a decision because a value was missing
 * @param propofolMg propofol the pumps delivered over the file, mg
 * @param remifentanilUg remifentanil the pumps delivered over the file, µg
 */
public record ImportedCase(String caseId, List<AnesthesiaDemonstration> records, List<String> episodes,
        double firstDrugTime, int durationSeconds, List<Gap> skipped, double propofolMg, double remifentanilUg) {

    /**
     * Decision times skipped together because a value the observation needs was missing.
     *
     * @param fromElapsed the first skipped decision time, s after the first drug
     * @param toElapsed the last skipped decision time, s after the first drug
     * @param missing what was missing: {@code BIS}, {@code MAP} or both
     */
    public record Gap(int fromElapsed, int toElapsed, String missing) {
    }

    public ImportedCase {
        records = List.copyOf(records);
        episodes = List.copyOf(episodes);
        skipped = List.copyOf(skipped);
    }

    /** Decisions converted (records published). */
    public int decisions() {
        return records.size();
    }

    /** How many records carry each flag. */
    public Map<DataFlag, Integer> flagCounts() {
        Map<DataFlag, Integer> counts = new EnumMap<>(DataFlag.class);
        for (AnesthesiaDemonstration r : records) {
            for (DataFlag f : r.getFlags()) {
                counts.merge(f, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Decision times skipped in gaps. */
    public int skippedDecisions() {
        return skipped.stream().mapToInt(g -> (g.toElapsed() - g.fromElapsed()) / CaseConverter.DECISION_SECONDS + 1).sum();
    }

    /** A few lines for the operator: counts, flags, duration, doses, gaps. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("case %s: %d decisions in %d segment%s (%s), %d:%02d h from the first drug at file time %s s%n",
                caseId, decisions(), episodes.size(), episodes.size() == 1 ? "" : "s", String.join(", ", episodes),
                durationSeconds / 3600, durationSeconds % 3600 / 60, firstDrugTime));
        s.append("flags: ").append(flagCounts().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "))).append(System.lineSeparator());
        s.append(String.format("delivered: propofol %.0f mg, remifentanil %.0f µg%n", propofolMg, remifentanilUg));
        s.append("skipped: ").append(skipped.size()).append(skipped.size() == 1 ? " gap, " : " gaps, ")
                .append(skippedDecisions()).append(" decision times");
        for (Gap g : skipped) {
            s.append(System.lineSeparator()).append(String.format("  %d–%d s: no %s within the carry-forward limit",
                    g.fromElapsed(), g.toElapsed(), g.missing()));
        }
        return s.toString();
    }
}
