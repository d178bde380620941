package dev.apprentice.starcraft.demonstration;

import dev.apprentice.starcraft.replay.ProtocolLibrary;
import dev.apprentice.starcraft.replay.Replay;
import dev.apprentice.starcraft.replay.ReplayException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The demonstrations of every replay in a directory, for reports and tests: replays that cannot be read are
 * listed with the reason instead of stopping the run, replays without tracker events give no players.
 *
 * @param players  every player's demonstrations, replays in file-name order
 * @param refused  the replays that could not be read, with why
 * @param replays  how many replay files were read
 */
public record ReplayCorpus(List<PlayerDemonstrations> players, Map<String, String> refused, int replays) {

    /**
     * @param tables    the protocol tables
     * @param directory a directory of {@code .SC2Replay} files
     * @return the corpus (replays named by file name)
     */
    public static ReplayCorpus load(ProtocolLibrary tables, Path directory) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".SC2Replay")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list replays in " + directory, e);
        }
        List<PlayerDemonstrations> players = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        int read = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                players.addAll(ReplayDemonstrations.extract(Replay.open(tables, file), name));
                read++;
            } catch (ReplayException e) {
                refused.put(name, e.getMessage());
            }
        }
        return new ReplayCorpus(List.copyOf(players), refused, read);
    }
}
