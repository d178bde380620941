package dev.apprentice.anesthesia.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.anesthesia.sim.Sex;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseFileTest {

    private static final TrackMapping VITALDB = TrackMapping.vitalDb();
    private static final ImportLimits LIMITS = ImportLimits.defaults();
    private static final String HEADER = "Time,Orchestra/PPF20_RATE,Orchestra/RFTN20_RATE,BIS/BIS,Solar8000/ART_MBP\n";

    @TempDir
    Path dir;

    private static CaseFile read(String csv) throws IOException {
        return CaseFile.read("case.csv", new BufferedReader(new StringReader(csv)), VITALDB, LIMITS);
    }

    private static String refusal(String csv) {
        return assertThrows(CaseFileException.class, () -> read(csv)).getMessage();
    }

    private static void assertMessage(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "expected '" + p + "' in: " + message);
        }
    }

    @Test
    void givenSparseCellsWhenReadThenEmptyCellsAreMissingValuesAndOtherColumnsAreIgnored() throws IOException {
        CaseFile f = CaseFile.read("case.csv", new BufferedReader(new StringReader(
                "\uFEFFTime,Solar8000/HR,Orchestra/PPF20_RATE,Orchestra/RFTN20_RATE,BIS/BIS,Solar8000/ART_MBP\n"
                        + "0,71,35,,45.5,\n1,n/a,,,,88\n\n2.5,,,12,46,\n")), VITALDB, LIMITS);

        assertEquals(3, f.rows());
        assertEquals(35, f.propofol(0), 0);
        assertTrue(Double.isNaN(f.propofol(1)));
        assertEquals(12, f.remifentanil(2), 0);
        assertEquals(45.5, f.bis(0), 0);
        assertTrue(Double.isNaN(f.map(0, 0)));
        assertEquals(88, f.map(0, 1), 0);
        assertEquals(2.5, f.time(2), 0);
    }

    @Test
    void givenAFileWithoutTheBisTrackWhenReadThenTheMessageNamesTheTrackAndTheColumnsFound() {
        String m = refusal("Time,Orchestra/PPF20_RATE,Orchestra/RFTN20_RATE,Solar8000/ART_MBP\n0,1,1,90\n");

        assertMessage(m, "missing column 'BIS/BIS'", "[Time, Orchestra/PPF20_RATE, Orchestra/RFTN20_RATE, Solar8000/ART_MBP]");
    }

    @Test
    void givenAFileWithoutTheConfiguredRemifentanilConcentrationWhenReadThenTheMessageNamesThatTrack() {
        TrackMapping rftn50 = VITALDB.withRemifentanil(TrackMapping.VITALDB_REMIFENTANIL_50, 50);

        CaseFileException e = assertThrows(CaseFileException.class, () -> CaseFile.read("case.csv",
                new BufferedReader(new StringReader(HEADER + "0,1,1,50,90\n")), rftn50, LIMITS));

        assertMessage(e.getMessage(), "missing column 'Orchestra/RFTN50_RATE'", "remifentanil");
    }

    @Test
    void givenARepeatedTimeWhenReadThenTheLineAndTimeColumnAreNamed() {
        assertMessage(refusal(HEADER + "0,1,1,50,90\n1,1,1,50,90\n1,1,1,50,90\n"),
                "case.csv line 4, column 'Time'", "repeats the previous row's 1.0");
    }

    @Test
    void givenATimeGoingBackWhenReadThenTheLineIsNamed() {
        assertMessage(refusal(HEADER + "0,1,1,50,90\n5,1,1,50,90\n3,1,1,50,90\n"),
                "line 4, column 'Time'", "goes back from the previous row's 5.0");
    }

    @Test
    void givenAnEmptyTimeCellWhenReadThenTheLineIsNamed() {
        assertMessage(refusal(HEADER + "0,1,1,50,90\n,1,1,50,90\n"), "line 3, column 'Time'", "empty cell");
    }

    @Test
    void givenABisAboveOneHundredWhenReadThenTheValueAndCellAreNamed() {
        assertMessage(refusal(HEADER + "0,1,1,50,90\n1,1,1,100.5,90\n"), "line 3, column 'BIS/BIS'",
                "BIS 100.5 is outside [0, 100]");
    }

    @Test
    void givenANegativeBisWhenReadThenItIsRefused() {
        assertMessage(refusal(HEADER + "0,1,1,-1,90\n"), "line 2, column 'BIS/BIS'", "outside [0, 100]");
    }

    @Test
    void givenAZeroMapWhenReadThenItIsRefusedAsImpossible() {
        assertMessage(refusal(HEADER + "0,1,1,50,0\n"), "line 2, column 'Solar8000/ART_MBP'", "MAP 0.0 mmHg is impossible");
    }

    @Test
    void givenAMapAboveThreeHundredWhenReadThenItIsRefusedAsImpossible() {
        assertMessage(refusal(HEADER + "0,1,1,50,301\n"), "column 'Solar8000/ART_MBP'", "MAP 301.0 mmHg");
    }

    @Test
    void givenANegativeRateWhenReadThenItIsRefused() {
        assertMessage(refusal(HEADER + "0,1,1,50,90\n1,-2,1,50,90\n"), "line 3, column 'Orchestra/PPF20_RATE'",
                "negative pump rate");
    }

    @Test
    void givenANonNumericRateWhenReadThenTheTextIsQuoted() {
        assertMessage(refusal(HEADER + "0,1,fast,50,90\n"), "column 'Orchestra/RFTN20_RATE'",
                "expected a number, found 'fast'");
    }

    @Test
    void givenNanOrInfinityWhenReadThenTheyAreRefusedAsNotFinite() {
        assertMessage(refusal(HEADER + "0,NaN,1,50,90\n"), "column 'Orchestra/PPF20_RATE'", "finite number, found 'NaN'");
        assertMessage(refusal(HEADER + "0,1,1,50,Infinity\n"), "column 'Solar8000/ART_MBP'", "found 'Infinity'");
        assertMessage(refusal(HEADER + "Infinity,1,1,50,90\n"), "column 'Time'", "finite");
    }

    @Test
    void givenARateFasterThanASyringePumpWhenReadThenTheLimitIsNamed() {
        assertMessage(refusal(HEADER + "0,1500,1,50,90\n"), "column 'Orchestra/PPF20_RATE'",
                "1500.0 mL/h is more than a syringe pump delivers (at most 1200.0 mL/h)");
    }

    @Test
    void givenAStrongSyringeWhenItsRateExceedsThePumpsDrugLimitThenTheDoseRateIsNamed() {
        TrackMapping strong = VITALDB.withRemifentanil(TrackMapping.VITALDB_REMIFENTANIL_20, 100);

        CaseFileException e = assertThrows(CaseFileException.class, () -> CaseFile.read("case.csv",
                new BufferedReader(new StringReader(HEADER + "0,1,700,50,90\n")), strong, LIMITS));

        // 700 mL/h × 100 µg/mL / 3600 = 19.44 µg/s > 16.67 µg/s.
        assertMessage(e.getMessage(), "19.44 µg/s, more than a pump delivers (at most 16.67 µg/s)");
    }

    @Test
    void givenARowWithTooFewCellsWhenReadThenTheLineIsNamed() {
        assertMessage(refusal(HEADER + "0,1,1,50,90\n1,1,1\n"), "line 3", "expected 5 cells as in the header, found 3");
    }

    @Test
    void givenAnEmptyFileWhenReadThenItIsRefusedListingTheExpectedColumns() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.csv"));

        CaseFileException e = assertThrows(CaseFileException.class, () -> CaseFile.read(empty, VITALDB, LIMITS));

        assertMessage(e.getMessage(), "empty.csv: the file is empty", "BIS/BIS");
    }

    @Test
    void givenOnlyAHeaderWhenReadThenItIsRefused() {
        assertMessage(refusal(HEADER), "no data rows");
    }

    @Test
    void givenAFileLargerThanTheLimitWhenReadThenItIsRefusedBeforeReading() throws IOException {
        Path big = Files.writeString(dir.resolve("big.csv"), HEADER + "0,1,1,50,90\n".repeat(100));

        CaseFileException e = assertThrows(CaseFileException.class,
                () -> CaseFile.read(big, VITALDB, LIMITS.withSize(1000, 1000)));

        assertMessage(e.getMessage(), "big.csv:", "bytes, more than the 1000 bytes an import reads");
    }

    @Test
    void givenMoreRowsThanTheLimitWhenReadThenTheLineIsNamed() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int t = 0; t < 11; t++) {
            csv.append(t).append(",1,1,50,90\n");
        }

        CaseFileException e = assertThrows(CaseFileException.class, () -> CaseFile.read("case.csv",
                new BufferedReader(new StringReader(csv.toString())), VITALDB, LIMITS.withSize(1 << 20, 10)));

        assertMessage(e.getMessage(), "line 12", "more than 10 data rows");
    }

    @Test
    void givenARecordingLongerThanFortyEightHoursWhenReadThenTheLineIsNamed() {
        assertMessage(refusal(HEADER + "0,1,1,50,90\n172801,1,1,50,90\n"), "line 3", "more than 172800 s after");
    }

    @Test
    void givenACaseLongerThanADayWhenConvertedThenItIsRefused() throws IOException {
        CaseFile f = read(HEADER + "0,1,1,50,90\n86401,1,1,50,90\n");

        CaseFileException e = assertThrows(CaseFileException.class, () -> new CaseConverter(LIMITS).convert(f, VITALDB,
                CaseIdentity.recorded("c", "d", SampleCaseFile.PATIENT)));

        assertMessage(e.getMessage(), "lasts 86401 s from its first drug", "24 h");
    }

    @Test
    void givenNoInfusionWhenConvertedThenItIsRefused() throws IOException {
        CaseFile f = read(HEADER + "0,0,,50,90\n1,,0,50,90\n");

        CaseFileException e = assertThrows(CaseFileException.class, () -> new CaseConverter(LIMITS).convert(f, VITALDB,
                CaseIdentity.recorded("c", "d", SampleCaseFile.PATIENT)));

        assertMessage(e.getMessage(), "no propofol or remifentanil infusion");
    }

    @Test
    void givenCovariatesOutsideTheSchniderModelWhenConvertedThenThePatientIsNamed() throws IOException {
        CaseFile f = read(HEADER + "0,1,1,50,90\n");
        // Schnider's V2 = 18.9 − 0.391·(105 − 53) = −1.43 L.
        Covariates old = new Covariates(105, Sex.FEMALE, 60, 160);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CaseConverter(LIMITS).convert(f, VITALDB, CaseIdentity.recorded("c", "d", old)));

        assertMessage(e.getMessage(), "patient: the Schnider model does not cover these covariates", "v2");
    }
}
