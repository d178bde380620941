package dev.apprentice.starcraft.replay;

import dev.apprentice.starcraft.replay.protocol.ProtocolTable;
import dev.apprentice.starcraft.replay.protocol.ProtocolTableParser;
import dev.apprentice.starcraft.replay.protocol.ReplayFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The protocol tables of a directory ({@code protocolNNNNN.json}, as Blizzard publishes them), compiled on
 * first use and kept: supporting a new game patch means dropping its table file in the directory.
 */
public final class ProtocolLibrary {
    private static final Pattern FILE_NAME = Pattern.compile("protocol(\\d+)\\.json");

    private final Path directory;
    private final NavigableMap<Integer, Path> files;
    private final ConcurrentMap<Integer, ProtocolTable> tables = new ConcurrentHashMap<>();

    private ProtocolLibrary(Path directory, NavigableMap<Integer, Path> files) {
        this.directory = directory;
        this.files = files;
    }

    /**
     * @param directory a directory holding {@code protocolNNNNN.json} files
     * @return the library of its tables (compiled lazily)
     * @throws IllegalArgumentException if the directory cannot be listed or holds no table
     */
    public static ProtocolLibrary fromDirectory(Path directory) {
        NavigableMap<Integer, Path> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(directory)) {
            listing.forEach(file -> {
                Matcher matcher = FILE_NAME.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    files.put(Integer.parseInt(matcher.group(1)), file);
                }
            });
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list protocol tables in " + directory + ": " + e, e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no protocolNNNNN.json in " + directory);
        }
        return new ProtocolLibrary(directory, files);
    }

    /** @return the supported base builds, ascending */
    public List<Integer> supportedBuilds() {
        return List.copyOf(files.keySet());
    }

    /** @return whether a table for this base build is present */
    public boolean supports(int baseBuild) {
        return files.containsKey(baseBuild);
    }

    /** @return the newest table, which decodes every replay's (versioned) header and details */
    public ProtocolTable newest() {
        return table(files.lastKey());
    }

    /**
     * @param baseBuild a replay's base build
     * @return its table
     * @throws UnsupportedBuildException if the directory has none, naming the nearest supported builds
     */
    public ProtocolTable table(int baseBuild) {
        if (!files.containsKey(baseBuild)) {
            List<Integer> nearest = new ArrayList<>(2);
            Integer below = files.lowerKey(baseBuild);
            Integer above = files.higherKey(baseBuild);
            if (below != null) {
                nearest.add(below);
            }
            if (above != null) {
                nearest.add(above);
            }
            throw new UnsupportedBuildException(baseBuild, nearest);
        }
        return tables.computeIfAbsent(baseBuild, this::load);
    }

    private ProtocolTable load(int baseBuild) {
        Path file = files.get(baseBuild);
        try {
            return ProtocolTableParser.parse(baseBuild, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (ReplayFormatException e) {
            throw new ReplayException(file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return files.size() + " protocol tables in " + directory + " (" + files.firstKey() + " to "
                + files.lastKey() + ")";
    }
}
