package dev.apprentice.phonesecurity.verification;

import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.verification.EvaluationResult.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders an {@link EvaluationResult} as Markdown tables, one per feature set and test activity, rates in percent. */
public final class EvaluationTable {

    private EvaluationTable() {
    }

    /** The tables, each under a heading naming its feature set, test activity and the protocol. */
    public static String render(EvaluationResult result) {
        Protocol p = result.protocol();
        String seeds = result.seeds().stream().map(String::valueOf).collect(Collectors.joining(", "));
        List<Integer> fusedColumns = new ArrayList<>();
        for (int f = 0; f < result.fusedSamples().size(); f++) {
            if (result.fusedSamples().get(f) > 1) {
                fusedColumns.add(f);
            }
        }
        StringBuilder md = new StringBuilder();
        List<Cell> cells = result.cells();
        for (int i = 0; i < cells.size(); ) {
            FeatureSet features = cells.get(i).features();
            Activity activity = cells.get(i).activity();
            md.append(String.format(Locale.ROOT, "### %s features, verified %s%n%n", features.id(), activity.id()));
            md.append(String.format(Locale.ROOT, "Enrolment on each owner's first %d Sitting samples; %d enrolled,"
                    + " %d background and %d impostor users; seeds %s. Rates in %%, means over users then over seeds.%n%n",
                    p.enrolmentSamples(), p.enrolledUsers(), p.backgroundUsers(), p.impostorUsers(), seeds));
            md.append("| method | EER (± sd over seeds) | user sd | FAR @ FRR 1 % | FAR @ FRR 5 % | FRR @ FAR 1 %");
            for (int f : fusedColumns) {
                md.append(" | EER fused ").append(result.fusedSamples().get(f));
            }
            md.append(" |\n|---|---:|---:|---:|---:|---:").append("|---:".repeat(fusedColumns.size())).append("|\n");
            for (; i < cells.size() && cells.get(i).features() == features && cells.get(i).activity() == activity; i++) {
                Cell c = cells.get(i);
                md.append(String.format(Locale.ROOT, "| %s | %.1f ± %.1f | %.1f | %.1f | %.1f | %.1f", c.method(),
                        100 * c.eer().mean(), 100 * c.eer().seedSd(), 100 * c.eer().userSd(), 100 * c.farAtFrr1().mean(),
                        100 * c.farAtFrr5().mean(), 100 * c.frrAtFar1().mean()));
                for (int f : fusedColumns) {
                    md.append(String.format(Locale.ROOT, " | %.1f", 100 * c.fusedEer().get(f).mean()));
                }
                md.append(" |\n");
            }
            md.append('\n');
        }
        return md.toString();
    }
}
