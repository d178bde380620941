package dev.apprentice.cli;

import dev.apprentice.il.algorithms.TrainingListener;
import dev.apprentice.il.algorithms.TrainingProgress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** Shows training progress on the terminal: a redrawn bar on a console, one line per tenth otherwise (logs, CI). */
final class ProgressBar implements TrainingListener {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String label;
    private final boolean interactive;
    private int lastTenth = -1;

    ProgressBar(PrintStream out, String label, boolean interactive) {
        this.out = out;
        this.label = label;
        this.interactive = interactive;
    }

    @Override
    public void onProgress(TrainingProgress p) {
        double fraction = Math.min(1.0, p.iteration() / (double) p.maxIterations());
        int filled = (int) Math.round(fraction * WIDTH);
        String line = String.format(Locale.ROOT, "%s [%s%s] %d/%d %s %.1fs", label, "#".repeat(filled),
                " ".repeat(WIDTH - filled), p.iteration(), p.maxIterations(), metrics(p.metrics()), p.elapsedSeconds());
        if (interactive) {
            out.print("\r" + line + "   ");
            out.flush();
        } else {
            int tenth = (int) (fraction * 10);
            if (tenth != lastTenth) {
                lastTenth = tenth;
                out.println(line);
            }
        }
    }

    /** Ends the bar's line. */
    void finish() {
        if (interactive) {
            out.println();
        }
    }

    private static String metrics(Map<String, Double> m) {
        StringBuilder sb = new StringBuilder();
        for (String key : new String[] {"train_loss", "validation_loss", "validation_accuracy", "validation_action_mse"}) {
            Double v = m.get(key);
            if (v != null) {
                sb.append(key).append('=').append(String.format(Locale.ROOT, "%.4f", v)).append(' ');
            }
        }
        return sb.toString().trim();
    }
}
