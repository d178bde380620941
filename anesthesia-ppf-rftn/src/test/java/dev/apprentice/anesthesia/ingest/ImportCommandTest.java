package dev.apprentice.anesthesia.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Path file, String... extra) {
        List<String> args = new ArrayList<>(List.of("--file", file.toString(), "--case-id", "c-7", "--clinician", "dr-a",
                "--age", "40", "--sex", "male", "--weight-kg", "70", "--height-cm", "175"));
        args.addAll(List.of(extra));
        return ImportCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void givenADryRunWhenTheFileIsGoodThenTheSummaryIsPrintedWithoutABroker() throws IOException {
        Path file = SampleCaseFile.of(1500).withoutBis(700, 820).withoutBis(1000, 1030).write(dir.resolve("c.csv"));

        int status = run(file, "--dry-run");

        assertEquals(0, status, errors());
        assertTrue(printed().contains("in 2 segments (c-7-seg1, c-7-seg2)"), printed());
        assertTrue(printed().contains("BIS_CARRIED_FORWARD"), printed());
        assertTrue(printed().contains("skipped: 1 gap, 11 decision times"), printed());
        assertTrue(printed().contains("640–740 s: no BIS"), printed());
        assertTrue(printed().contains("dry run: nothing published"), printed());
    }

    @Test
    void givenABadFileWhenImportedThenTheErrorIsPrintedAndTheStatusIsFailed() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), SampleCaseFile.HEADER + "\n0,70,1,1,101,90,\n");

        int status = run(file, "--dry-run");

        assertEquals(ImportCommand.FAILED, status);
        assertTrue(errors().contains("import refused: bad.csv line 2, column 'BIS/BIS': BIS 101.0"), errors());
        assertEquals("", printed());
    }

    @Test
    void givenAnAgeOutOfRangeWhenImportedThenTheOptionsAreRefused() throws IOException {
        Path file = SampleCaseFile.of(300).write(dir.resolve("c.csv"));

        int status = ImportCommand.run(new String[] {"--file", file.toString(), "--case-id", "c", "--clinician", "d",
                "--age", "130", "--sex", "male", "--weight-kg", "70", "--height-cm", "175", "--dry-run"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(ImportCommand.USAGE, status);
        assertTrue(errors().contains("patient: age: expected a value in [1.0, 110.0], found 130.0"), errors());
    }

    @Test
    void givenNoBrokerAndNoDryRunWhenImportedThenTheBrokerOptionIsAskedFor() throws IOException {
        Path file = SampleCaseFile.of(300).write(dir.resolve("c.csv"));

        assertEquals(ImportCommand.USAGE, run(file));
        assertTrue(errors().startsWith("import: --bootstrap-servers"), errors());
    }

    @Test
    void givenRemifentanilAtFiftyWhenTheFileHasTheTwentyTrackThenTheFiftyTrackIsNamedMissing() throws IOException {
        Path file = SampleCaseFile.of(300).write(dir.resolve("c.csv"));

        assertEquals(ImportCommand.FAILED, run(file, "--remifentanil-concentration", "50", "--dry-run"));
        assertTrue(errors().contains("missing column 'Orchestra/RFTN50_RATE'"), errors());
    }

    @Test
    void givenAnUnknownOptionWhenImportedThenTheOptionsAreListed() throws IOException {
        Path file = SampleCaseFile.of(300).write(dir.resolve("c.csv"));

        assertEquals(ImportCommand.USAGE, run(file, "--weight", "70"));
        assertTrue(errors().contains("unknown option '--weight'; options:"), errors());
    }
}
