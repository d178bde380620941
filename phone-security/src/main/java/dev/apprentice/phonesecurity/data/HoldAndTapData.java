package dev.apprentice.phonesecurity.data;

import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.behaviour.BehaviourLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The Hold-and-Tap behavioural biometrics data (Buriro, Gupta, Yautsiukhin and Crispo, J. Signal
 * Processing Systems 93, 2021; Apache-2.0), read in place from its six files so that evaluations
 * run on the real recordings without copying them into the repository.
 *
 * <p>Each activity has a {@code <Activity>_Touch_with_label.csv} (30 typing timings in ms) and a
 * {@code <Activity>_Sensor_with_label.csv} (112 motion statistics), no header, the user label in
 * the last column; line i of both files is the same sample, so they are joined by line and their
 * labels must agree. How the data's known flaws are handled:
 * <ul>
 *   <li>a row with any missing value (an empty field or {@code NaN}; 55 Walking rows of 12 users)
 *       is left out, and counted in {@link #rowsLeftOut(Activity)}: imputing would invent
 *       behaviour, and a method must only see finite features;</li>
 *   <li>negative typing timings (7 across the files, probably keys released out of order) are kept
 *       as recorded and counted in {@link #negativeTimings(Activity)}.</li>
 * </ul>
 * Sitting rows are in capture order within each user; Standing and Walking rows are sorted within
 * each user by the first sensor feature, so their order is not time ({@link #inCaptureOrder}).
 *
 * <pre>{@code
 * HoldAndTapData data = HoldAndTapData.load(HoldAndTapData.defaultDirectory());
 * List<RecordedSample> first = data.samples("1", Activity.SITTING);
 * }</pre>
 */
public final class HoldAndTapData {

    /** The system property naming the data directory; {@link #defaultDirectory()} reads it. */
    public static final String DIRECTORY_PROPERTY = "apprentice.holdandtap.dir";

    private final List<String> users;
    private final Map<Activity, Map<String, List<RecordedSample>>> byActivity;
    private final Map<Activity, Integer> rowsLeftOut;
    private final Map<Activity, Integer> negativeTimings;

    private HoldAndTapData(List<String> users, Map<Activity, Map<String, List<RecordedSample>>> byActivity,
            Map<Activity, Integer> rowsLeftOut, Map<Activity, Integer> negativeTimings) {
        this.users = users;
        this.byActivity = byActivity;
        this.rowsLeftOut = rowsLeftOut;
        this.negativeTimings = negativeTimings;
    }

    /**
     * The directory named by the system property {@value #DIRECTORY_PROPERTY}, else
     * {@code ../shared/data/holdandtap} relative to the working directory.
     */
    public static Path defaultDirectory() {
        return Path.of(System.getProperty(DIRECTORY_PROPERTY, "../shared/data/holdandtap"));
    }

    /**
     * Loads the six files from {@code directory}.
     *
     * @throws IOException if a file cannot be read
     * @throws IllegalArgumentException naming the file, line and column of a malformed value, a
     *     wrong number of columns, or labels of the two files that disagree
     */
    public static HoldAndTapData load(Path directory) throws IOException {
        Map<Activity, Map<String, List<RecordedSample>>> byActivity = new EnumMap<>(Activity.class);
        Map<Activity, Integer> leftOut = new EnumMap<>(Activity.class);
        Map<Activity, Integer> negative = new EnumMap<>(Activity.class);
        TreeSet<String> users = new TreeSet<>(Comparator.comparingInt(Integer::parseInt));
        for (Activity activity : Activity.values()) {
            String name = Character.toUpperCase(activity.id().charAt(0)) + activity.id().substring(1);
            FeatureFile touch = FeatureFile.read(directory.resolve(name + "_Touch_with_label.csv"), BehaviourLayout.TOUCH);
            FeatureFile sensor = FeatureFile.read(directory.resolve(name + "_Sensor_with_label.csv"), BehaviourLayout.SENSOR);
            if (touch.rows() != sensor.rows()) {
                throw new IllegalArgumentException(touch.file + " has " + touch.rows() + " rows but " + sensor.file + " has "
                        + sensor.rows() + ": line i of both must be the same sample");
            }
            Map<String, List<RecordedSample>> perUser = new LinkedHashMap<>();
            int skipped = 0;
            int negativeCount = 0;
            for (int row = 0; row < touch.rows(); row++) {
                int line = row + 1;
                if (touch.labels[row] != sensor.labels[row]) {
                    throw new IllegalArgumentException(touch.file + ", line " + line + ", column " + (BehaviourLayout.TOUCH + 1)
                            + ": user label " + touch.labels[row] + " does not match " + sensor.file + ", line " + line
                            + ", column " + (BehaviourLayout.SENSOR + 1) + ": user label " + sensor.labels[row]);
                }
                String user = Integer.toString(touch.labels[row]);
                users.add(user);
                List<RecordedSample> samples = perUser.computeIfAbsent(user, u -> new ArrayList<>());
                if (touch.missing[row] || sensor.missing[row]) {
                    skipped++;
                    continue;
                }
                float[] features = new float[BehaviourLayout.FEATURES];
                System.arraycopy(touch.values[row], 0, features, 0, BehaviourLayout.TOUCH);
                System.arraycopy(sensor.values[row], 0, features, BehaviourLayout.TOUCH, BehaviourLayout.SENSOR);
                for (int j = 0; j < BehaviourLayout.TOUCH; j++) {
                    if (features[j] < 0) {
                        negativeCount++;
                    }
                }
                samples.add(new RecordedSample(user, activity, line, features));
            }
            perUser.replaceAll((u, list) -> List.copyOf(list));
            byActivity.put(activity, Collections.unmodifiableMap(perUser));
            leftOut.put(activity, skipped);
            negative.put(activity, negativeCount);
        }
        return new HoldAndTapData(List.copyOf(users), byActivity, leftOut, negative);
    }

    /** Every user with a row in any file, in label order ({@code 1, 2, …}). */
    public List<String> users() {
        return users;
    }

    /**
     * One user's samples of one activity in file order, rows with missing values left out.
     *
     * @throws IllegalArgumentException for a user the data does not have
     */
    public List<RecordedSample> samples(String user, Activity activity) {
        List<RecordedSample> samples = byActivity.get(activity).get(user);
        if (samples == null) {
            if (!users.contains(user)) {
                throw new IllegalArgumentException("user: expected one of the " + users.size() + " users " + users.get(0)
                        + "…" + users.get(users.size() - 1) + ", found '" + user + "'");
            }
            return List.of();
        }
        return samples;
    }

    /**
     * Whether file order within a user is the order the samples were captured in: true for
     * Sitting; Standing and Walking rows are sorted by the first sensor feature, so a "first k
     * samples" split there is not a split in time.
     */
    public boolean inCaptureOrder(Activity activity) {
        return activity == Activity.SITTING;
    }

    /** Rows of this activity left out because a touch or sensor value was missing. */
    public int rowsLeftOut(Activity activity) {
        return rowsLeftOut.get(activity);
    }

    /** Negative typing timings in this activity's kept rows, kept as recorded. */
    public int negativeTimings(Activity activity) {
        return negativeTimings.get(activity);
    }

    /** One parsed file: per row the feature values, the label and whether a value was missing. */
    private static final class FeatureFile {

        /** The largest integer below which every integer is a float: 2²⁴. */
        static final long EXACT_MANTISSA = 1 << 24;
        /** 10⁰ … 10¹⁰, each exactly a float (5¹⁰ &lt; 2²⁴). */
        static final float[] POWERS_OF_TEN = {1f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};

        final Path file;
        final float[][] values;
        final int[] labels;
        final boolean[] missing;

        private FeatureFile(Path file, float[][] values, int[] labels, boolean[] missing) {
            this.file = file;
            this.values = values;
            this.labels = labels;
            this.missing = missing;
        }

        int rows() {
            return labels.length;
        }

        static FeatureFile read(Path file, int features) throws IOException {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            List<float[]> values = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            List<Boolean> missing = new ArrayList<>();
            int start = 0;
            int line = 0;
            while (start < text.length()) {
                int end = text.indexOf('\n', start);
                int next = end < 0 ? text.length() : end + 1;
                if (end < 0) {
                    end = text.length();
                }
                if (end > start && text.charAt(end - 1) == '\r') {
                    end--;
                }
                line++;
                float[] row = new float[features];
                boolean rowMissing = false;
                int column = 0;
                int fieldStart = start;
                while (true) {
                    int comma = text.indexOf(',', fieldStart);
                    int fieldEnd = comma < 0 || comma > end ? end : comma;
                    column++;
                    int from = fieldStart;
                    int to = fieldEnd;
                    while (from < to && text.charAt(from) == ' ') {
                        from++;
                    }
                    while (to > from && text.charAt(to - 1) == ' ') {
                        to--;
                    }
                    if (column <= features) {
                        float value = number(text, from, to, file, line, column);
                        rowMissing |= Float.isNaN(value);
                        row[column - 1] = value;
                    } else if (column == features + 1) {
                        labels.add(label(text.substring(from, to), file, line, column));
                    }
                    if (fieldEnd == end) {
                        break;
                    }
                    fieldStart = fieldEnd + 1;
                }
                if (column != features + 1) {
                    throw new IllegalArgumentException(file + ", line " + line + ": expected " + (features + 1)
                            + " columns (" + features + " features and the user label), found " + column);
                }
                values.add(row);
                missing.add(rowMissing);
                start = next;
            }
            boolean[] missingRows = new boolean[missing.size()];
            for (int i = 0; i < missingRows.length; i++) {
                missingRows[i] = missing.get(i);
            }
            return new FeatureFile(file, values.toArray(float[][]::new), labels.stream().mapToInt(Integer::intValue).toArray(),
                    missingRows);
        }

        /**
         * The value of {@code text[from, to)}, NaN if it is missing (empty or NaN). Plain decimals of
         * up to 7 significant digits and 10 decimal places, most of the data, are parsed here: the
         * digits and the power of ten are then exact floats, so one float multiplication or
         * division rounds exactly as {@link Float#parseFloat} would. Anything else goes to it.
         */
        private static float number(String text, int from, int to, Path file, int line, int column) {
            if (to - from == 0 || to - from == 3 && text.regionMatches(true, from, "nan", 0, 3)) {
                return Float.NaN;
            }
            int i = from;
            boolean negative = text.charAt(i) == '-';
            if (negative || text.charAt(i) == '+') {
                i++;
            }
            int digits = i;
            long mantissa = 0;
            int decimals = 0;
            boolean point = false;
            for (; i < to && mantissa <= EXACT_MANTISSA; i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9') {
                    mantissa = mantissa * 10 + (c - '0');
                    decimals += point ? 1 : 0;
                } else if (c == '.' && !point) {
                    point = true;
                } else {
                    break;
                }
            }
            if (i == to && i > digits + (point ? 1 : 0) && mantissa <= EXACT_MANTISSA && decimals < POWERS_OF_TEN.length) {
                float value = mantissa / POWERS_OF_TEN[decimals];
                return negative ? -value : value;
            }
            String field = text.substring(from, to);
            for (int k = 0; k < field.length(); k++) {
                char c = field.charAt(k);
                if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                    throw malformed(field, "a number or a missing value (empty or NaN)", file, line, column);
                }
            }
            try {
                float value = Float.parseFloat(field);
                if (!Float.isFinite(value)) {
                    throw malformed(field, "a finite number", file, line, column);
                }
                return value;
            } catch (NumberFormatException e) {
                throw malformed(field, "a number or a missing value (empty or NaN)", file, line, column);
            }
        }

        private static int label(String field, Path file, int line, int column) {
            try {
                double value = Double.parseDouble(field);
                if (value >= 1 && value <= Integer.MAX_VALUE && value == Math.rint(value)) {
                    return (int) value;
                }
            } catch (NumberFormatException e) {
                // reported below, with the position
            }
            throw malformed(field, "a user label (a whole number from 1)", file, line, column);
        }

        private static IllegalArgumentException malformed(String field, String expected, Path file, int line, int column) {
            return new IllegalArgumentException(file + ", line " + line + ", column " + column + ": expected " + expected
                    + ", found '" + field + "'");
        }
    }
}
