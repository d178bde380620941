package dev.apprentice.phonesecurity.data;

import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.behaviour.BehaviourLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small files in the Hold-and-Tap layout, written so that tests can break one value at a known
 * line and column: user u's row r has touch value j = u * 1000 + r * 10 + j and sensor value
 * j = −(u + r / 100 + j / 10000).
 */
final class SyntheticHoldAndTapFiles {

    private SyntheticHoldAndTapFiles() {
    }

    /** Writes all six files for {@code users} users with {@code rows} rows each. */
    static void write(Path directory, int users, int rows) throws IOException {
        Files.createDirectories(directory);
        for (Activity activity : Activity.values()) {
            Files.write(file(directory, activity, "Touch"), lines(users, rows, BehaviourLayout.TOUCH, true));
            Files.write(file(directory, activity, "Sensor"), lines(users, rows, BehaviourLayout.SENSOR, false));
        }
    }

    /** The file of one activity and kind ({@code Touch} or {@code Sensor}). */
    static Path file(Path directory, Activity activity, String kind) {
        String name = Character.toUpperCase(activity.id().charAt(0)) + activity.id().substring(1);
        return directory.resolve(name + "_" + kind + "_with_label.csv");
    }

    /** Replaces the field at 1-based {@code line} and {@code column} of {@code file}. */
    static void replace(Path file, int line, int column, String value) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        String[] fields = lines.get(line - 1).split(",", -1);
        fields[column - 1] = value;
        lines.set(line - 1, String.join(",", fields));
        Files.write(file, lines);
    }

    private static List<String> lines(int users, int rows, int features, boolean touch) {
        List<String> lines = new ArrayList<>();
        for (int u = 1; u <= users; u++) {
            for (int r = 0; r < rows; r++) {
                StringBuilder line = new StringBuilder();
                for (int j = 0; j < features; j++) {
                    line.append(touch ? Integer.toString(u * 1000 + r * 10 + j)
                            : String.format(Locale.ROOT, "%.4f", -(u + r / 100.0 + j / 10000.0))).append(',');
                }
                lines.add(line.append(touch ? Integer.toString(u) : u + ".0").toString());
            }
        }
        return lines;
    }
}
