package dev.apprentice.starcraft.training;

import dev.apprentice.starcraft.demonstration.PlayerDemonstrations;
import dev.apprentice.starcraft.demonstration.ReplayCorpus;
import dev.apprentice.starcraft.replay.ProtocolLibrary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The next-production report: behaviour cloning against the Markov, most-frequent and random baselines on
 * held-out replays (leave-one-replay-out), for growing numbers of training replays.
 *
 * <pre>
 * report [--replays DIR] [--protocols DIR] [--sizes 1,2,4,8,all] [--seed 1]
 * </pre>
 */
public final class ProductionReport {
    private ProductionReport() {
    }

    /** @param args the command line */
    public static void main(String[] args) {
        Path replays = Path.of(System.getProperty("apprentice.sc2.replays.dir", "../shared/data/sc2/replays"));
        Path protocols = Path.of(System.getProperty("apprentice.sc2.protocol.dir", "../shared/data/sc2/protocol"));
        String sizes = "1,2,4,8,all";
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--replays" -> replays = Path.of(required(args[i], value));
                case "--protocols" -> protocols = Path.of(required(args[i], value));
                case "--sizes" -> sizes = required(args[i], value);
                case "--seed" -> seed = Long.parseLong(required(args[i], value));
                default -> {
                    System.err.println("usage: report [--replays DIR] [--protocols DIR] [--sizes 1,2,4,8,all] [--seed N]");
                    System.exit(2);
                }
            }
            i++;
        }
        long start = System.nanoTime();
        ReplayCorpus corpus = ReplayCorpus.load(ProtocolLibrary.fromDirectory(protocols), replays);
        List<String> withPlayers = corpus.players().stream().map(PlayerDemonstrations::replay).distinct().toList();
        long humanDecisions = corpus.players().stream().filter(PlayerDemonstrations::human)
                .mapToLong(p -> p.steps().size()).sum();
        System.out.printf(Locale.ROOT, "%d replays read (%d refused), %d with tracker events; %d players, %d human"
                + " productions scored; seed %d%n%n", corpus.replays(), corpus.refused().size(), withPlayers.size(),
                corpus.players().size(), humanDecisions, seed);
        corpus.refused().forEach((name, why) -> System.out.println("refused " + name + ": " + why));
        System.out.println("| training replays | predictor | top-1 | top-5 |");
        System.out.println("|---:|---|---:|---:|");
        for (String size : sizes.split(",")) {
            int n = size.equals("all") ? withPlayers.size() - 1 : Integer.parseInt(size.trim());
            Map<String, ProductionEvaluation.Accuracy> accuracy =
                    ProductionEvaluation.leaveOneReplayOut(corpus.players(), n, true, seed);
            for (ProductionEvaluation.Accuracy row : new ArrayList<>(accuracy.values())) {
                System.out.printf(Locale.ROOT, "| %d | %s | %.1f %% | %.1f %% |%n", n, row.predictor(),
                        100 * row.top1Rate(), 100 * row.top5Rate());
            }
        }
        System.out.printf(Locale.ROOT, "%n%.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static String required(String option, String value) {
        if (value == null) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return value;
    }
}
