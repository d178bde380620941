package dev.apprentice.anesthesia.ingest;

import dev.apprentice.anesthesia.sim.InfusionPumps;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tracks of one recorded case as read from a CSV file (a header of column names, then one row
 * per time), checked cell by cell so that a bad file is refused with its line and column before
 * anything is converted. Empty cells are missing values: exports of monitors and pumps are sparse.
 * Only the mapped columns are kept; the others are ignored.
 */
public final class CaseFile {

    private final String name;
    private final double[] times;
    private final double[] propofol;
    private final double[] remifentanil;
    private final double[] bis;
    private final double[][] map;

    private CaseFile(String name, double[] times, double[] propofol, double[] remifentanil, double[] bis, double[][] map) {
        this.name = name;
        this.times = times;
        this.propofol = propofol;
        this.remifentanil = remifentanil;
        this.bis = bis;
        this.map = map;
    }

    /**
     * Reads and checks a case file.
     *
     * @throws CaseFileException naming the line and column of the first problem
     * @throws IOException if the file cannot be read
     */
    public static CaseFile read(Path file, TrackMapping mapping, ImportLimits limits) throws IOException {
        String name = file.getFileName().toString();
        long size = Files.size(file);
        if (size > limits.maxBytes()) {
            throw new CaseFileException(name + ": " + size + " bytes, more than the " + limits.maxBytes()
                    + " bytes an import reads");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(name, in, mapping, limits);
        }
    }

    /** Reads and checks a case file from a reader; {@code name} names it in messages. */
    public static CaseFile read(String name, BufferedReader in, TrackMapping mapping, ImportLimits limits)
            throws IOException {
        String header = in.readLine();
        int line = 1;
        while (header != null && header.isBlank()) {
            header = in.readLine();
            line++;
        }
        if (header == null) {
            throw new CaseFileException(name + ": the file is empty; expected a header with the columns "
                    + required(mapping));
        }
        List<String> columns = cells(stripByteOrderMark(header));
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            Integer before = index.put(columns.get(c), c);
            if (before != null) {
                throw new CaseFileException(name + " line " + line + ": column '" + columns.get(c) + "' appears twice"
                        + " (columns " + (before + 1) + " and " + (c + 1) + ")");
            }
        }
        int timeColumn = column(name, index, columns, mapping.timeColumn(), "the time in seconds");
        int propofolColumn = column(name, index, columns, mapping.propofolTrack(), "the propofol pump rate, mL/h");
        int remifentanilColumn = column(name, index, columns, mapping.remifentanilTrack(),
                "the remifentanil pump rate, mL/h");
        int bisColumn = column(name, index, columns, mapping.bisTrack(), "the BIS");
        int[] mapColumns = new int[mapping.mapTracks().size()];
        for (int m = 0; m < mapColumns.length; m++) {
            mapColumns[m] = column(name, index, columns, mapping.mapTracks().get(m), "a MAP track, mmHg");
        }

        Columns out = new Columns(mapColumns.length);
        String row;
        while ((row = in.readLine()) != null) {
            line++;
            if (row.isBlank()) {
                continue;
            }
            if (out.rows == limits.maxRows()) {
                throw new CaseFileException(name + " line " + line + ": more than " + limits.maxRows()
                        + " data rows, the most an import reads");
            }
            List<String> cells = cells(row);
            if (cells.size() != columns.size()) {
                throw new CaseFileException(name + " line " + line + ": expected " + columns.size()
                        + " cells as in the header, found " + cells.size());
            }
            Cell at = new Cell(name, line);
            double time = at.number(cells.get(timeColumn), mapping.timeColumn());
            if (Double.isNaN(time)) {
                throw new CaseFileException(at.where(mapping.timeColumn()) + ": expected a time, found an empty cell");
            }
            if (out.rows > 0) {
                double previous = out.times[out.rows - 1];
                if (time <= previous) {
                    throw new CaseFileException(at.where(mapping.timeColumn()) + ": time " + time
                            + (time == previous ? " repeats" : " goes back from") + " the previous row's " + previous
                            + "; expected strictly increasing times");
                }
                if (time - out.times[0] > limits.maxSpanSeconds()) {
                    throw new CaseFileException(at.where(mapping.timeColumn()) + ": time " + time + " is more than "
                            + limits.maxSpanSeconds() + " s after the first row's " + out.times[0]
                            + ", the longest recording an import reads");
                }
            }
            double ppf = at.rate(cells.get(propofolColumn), mapping.propofolTrack(), limits.maxPumpMlPerHour(),
                    mapping.propofolMgPerMl(), InfusionPumps.PROPOFOL_MAX_MG_PER_S, "mg");
            double rftn = at.rate(cells.get(remifentanilColumn), mapping.remifentanilTrack(), limits.maxPumpMlPerHour(),
                    mapping.remifentanilUgPerMl(), InfusionPumps.REMIFENTANIL_MAX_UG_PER_S, "µg");
            double b = at.number(cells.get(bisColumn), mapping.bisTrack());
            if (b < 0 || b > 100) {
                throw new CaseFileException(at.where(mapping.bisTrack()) + ": BIS " + b + " is outside [0, 100]");
            }
            double[] pressures = new double[mapColumns.length];
            for (int m = 0; m < mapColumns.length; m++) {
                String track = mapping.mapTracks().get(m);
                pressures[m] = at.number(cells.get(mapColumns[m]), track);
                if (pressures[m] <= 0 || pressures[m] > 300) {
                    throw new CaseFileException(at.where(track) + ": MAP " + pressures[m]
                            + " mmHg is impossible; expected a value above 0 and at most 300");
                }
            }
            out.add(time, ppf, rftn, b, pressures);
        }
        if (out.rows == 0) {
            throw new CaseFileException(name + ": no data rows after the header");
        }
        return out.toFile(name);
    }

    /** The file's name, for messages. */
    public String name() {
        return name;
    }

    /** Data rows read. */
    public int rows() {
        return times.length;
    }

    /** The time of row {@code i}, s. */
    public double time(int i) {
        return times[i];
    }

    /** The propofol pump rate of row {@code i}, mL/h, or NaN when the cell was empty. */
    public double propofol(int i) {
        return propofol[i];
    }

    /** The remifentanil pump rate of row {@code i}, mL/h, or NaN when the cell was empty. */
    public double remifentanil(int i) {
        return remifentanil[i];
    }

    /** The BIS of row {@code i}, or NaN when the cell was empty. */
    public double bis(int i) {
        return bis[i];
    }

    /** MAP tracks read, in order of preference. */
    public int mapTracks() {
        return map.length;
    }

    /** The MAP of row {@code i} on MAP track {@code track}, mmHg, or NaN when the cell was empty. */
    public double map(int track, int i) {
        return map[track][i];
    }

    private static String required(TrackMapping m) {
        List<String> all = new ArrayList<>(List.of(m.timeColumn(), m.propofolTrack(), m.remifentanilTrack(), m.bisTrack()));
        all.addAll(m.mapTracks());
        return String.join(", ", all);
    }

    private static int column(String file, Map<String, Integer> index, List<String> columns, String track, String role) {
        Integer c = index.get(track);
        if (c == null) {
            throw new CaseFileException(file + ": missing column '" + track + "' (" + role + "); the file has the columns "
                    + columns);
        }
        return c;
    }

    private static String stripByteOrderMark(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** The cells of a CSV line: commas separate, double quotes enclose a cell that holds commas or quotes. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString().trim());
        return cells;
    }

    /** Where a cell is, and how its text becomes a checked number. */
    private record Cell(String file, int line) {

        String where(String column) {
            return file + " line " + line + ", column '" + column + "'";
        }

        /** The cell's number, or NaN for an empty cell. */
        double number(String text, String column) {
            if (text.isEmpty()) {
                return Double.NaN;
            }
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new CaseFileException(where(column) + ": expected a number, found '" + text + "'");
            }
            if (!Double.isFinite(v)) {
                throw new CaseFileException(where(column) + ": expected a finite number, found '" + text + "'");
            }
            return v;
        }

        /** A pump rate in mL/h, checked against the pump's volume and drug limits. */
        double rate(String text, String column, double maxMlPerHour, double concentration, double maxPerSecond,
                String unit) {
            double v = number(text, column);
            if (v < 0) {
                throw new CaseFileException(where(column) + ": a negative pump rate, " + v + " mL/h");
            }
            if (v > maxMlPerHour) {
                throw new CaseFileException(where(column) + ": " + v + " mL/h is more than a syringe pump delivers (at most "
                        + maxMlPerHour + " mL/h)");
            }
            double perSecond = v * concentration / 3600;
            if (perSecond > maxPerSecond) {
                throw new CaseFileException(where(column) + ": " + v + " mL/h of " + concentration + " " + unit + "/mL is "
                        + String.format("%.2f", perSecond) + " " + unit + "/s, more than a pump delivers (at most "
                        + maxPerSecond + " " + unit + "/s)");
            }
            return v;
        }
    }

    /** The kept columns, grown as rows are read. */
    private static final class Columns {

        private double[] times = new double[1024];
        private double[] propofol = new double[1024];
        private double[] remifentanil = new double[1024];
        private double[] bis = new double[1024];
        private final double[][] map;
        private int rows;

        Columns(int mapTracks) {
            map = new double[mapTracks][1024];
        }

        void add(double time, double ppf, double rftn, double b, double[] pressures) {
            if (rows == times.length) {
                int n = rows * 2;
                times = Arrays.copyOf(times, n);
                propofol = Arrays.copyOf(propofol, n);
                remifentanil = Arrays.copyOf(remifentanil, n);
                bis = Arrays.copyOf(bis, n);
                for (int m = 0; m < map.length; m++) {
                    map[m] = Arrays.copyOf(map[m], n);
                }
            }
            times[rows] = time;
            propofol[rows] = ppf;
            remifentanil[rows] = rftn;
            bis[rows] = b;
            for (int m = 0; m < map.length; m++) {
                map[m][rows] = pressures[m];
            }
            rows++;
        }

        CaseFile toFile(String name) {
            double[][] m = new double[map.length][];
            for (int i = 0; i < map.length; i++) {
                m[i] = Arrays.copyOf(map[i], rows);
            }
            return new CaseFile(name, Arrays.copyOf(times, rows), Arrays.copyOf(propofol, rows),
                    Arrays.copyOf(remifentanil, rows), Arrays.copyOf(bis, rows), m);
        }
    }
}
