package dev.apprentice.phonesecurity.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.behaviour.BehaviourLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader on the real Hold-and-Tap files (facts checked independently) and on small broken copies. */
class HoldAndTapDataTest {

    static HoldAndTapData data;

    @BeforeAll
    static void loadTheRealFiles() throws IOException {
        data = HoldAndTapData.load(HoldAndTapData.defaultDirectory());
    }

    @Test
    void theRealDataHasNinetyFiveUsersWithThirtySamplesPerActivityLessTheLeftOutRows() {
        assertEquals(IntStream.rangeClosed(1, 95).mapToObj(Integer::toString).toList(), data.users());
        for (String user : data.users()) {
            assertEquals(30, data.samples(user, Activity.SITTING).size());
            assertEquals(30, data.samples(user, Activity.STANDING).size());
        }
        int walking = data.users().stream().mapToInt(u -> data.samples(u, Activity.WALKING).size()).sum();
        long shortUsers = data.users().stream().filter(u -> data.samples(u, Activity.WALKING).size() < 30).count();

        assertEquals(95 * 30 - 55, walking);
        assertEquals(12, shortUsers);
    }

    @Test
    void theFiftyFiveWalkingRowsWithMissingSensorValuesAreLeftOutAndCounted() {
        assertEquals(0, data.rowsLeftOut(Activity.SITTING));
        assertEquals(0, data.rowsLeftOut(Activity.STANDING));
        assertEquals(55, data.rowsLeftOut(Activity.WALKING));
        assertEquals(16, data.samples("24", Activity.WALKING).size(), "user 24 loses 14 of 30 Walking rows");
    }

    @Test
    void theSevenNegativeTimingsAreKeptAsRecordedAndCounted() {
        RecordedSample first = data.samples("1", Activity.WALKING).get(0);

        assertEquals(4, data.negativeTimings(Activity.SITTING));
        assertEquals(0, data.negativeTimings(Activity.STANDING));
        assertEquals(3, data.negativeTimings(Activity.WALKING));
        assertEquals(-451f, first.features()[7], "Walking line 1, column 8");
        assertEquals(-402f, first.features()[27], "Walking line 1, column 28");
    }

    @Test
    void touchAndSensorRowsOfOneLineAreJoinedIntoOneSample() {
        RecordedSample first = data.samples("1", Activity.SITTING).get(0);
        RecordedSample last = data.samples("95", Activity.SITTING).get(29);

        assertEquals(1, first.line());
        assertEquals(86f, first.features()[0], "first touch value of Sitting line 1");
        assertEquals(10876f, first.features()[BehaviourLayout.TOUCH - 1], "last touch value");
        assertEquals(-0.41991f, first.features()[BehaviourLayout.TOUCH], "first sensor value of Sitting line 1");
        assertEquals(2850, last.line());
        assertEquals("95", last.user());
    }

    @Test
    void everyKeptValueIsExactlyTheFloatTheFileWrites() throws IOException {
        for (Activity activity : Activity.values()) {
            List<String> touch = Files.readAllLines(SyntheticHoldAndTapFiles.file(HoldAndTapData.defaultDirectory(), activity, "Touch"));
            List<String> sensor = Files.readAllLines(SyntheticHoldAndTapFiles.file(HoldAndTapData.defaultDirectory(), activity, "Sensor"));
            for (String user : data.users()) {
                for (RecordedSample sample : data.samples(user, activity)) {
                    String[] t = touch.get(sample.line() - 1).split(",");
                    String[] s = sensor.get(sample.line() - 1).split(",");
                    float[] features = sample.features();
                    for (int j = 0; j < BehaviourLayout.TOUCH; j++) {
                        assertEquals(Float.parseFloat(t[j]), features[j], activity + " touch line " + sample.line());
                    }
                    for (int j = 0; j < BehaviourLayout.SENSOR; j++) {
                        assertEquals(Float.parseFloat(s[j]), features[BehaviourLayout.TOUCH + j],
                                activity + " sensor line " + sample.line() + " column " + (j + 1));
                    }
                }
            }
        }
    }

    @Test
    void givenNumbersInEveryWrittenFormThenEachIsReadAsFloatParseFloatReadsIt(@TempDir Path dir) throws IOException {
        SyntheticHoldAndTapFiles.write(dir, 1, 1);
        Path touch = SyntheticHoldAndTapFiles.file(dir, Activity.SITTING, "Touch");
        String[] written = {"-0.5", "+3", ".25", "7.", "1.5E3", "3.04e-07", "0.1", "16777217", "123456789.123", " 42 ",
            "-0", "0.00000000001"};
        for (int j = 0; j < written.length; j++) {
            SyntheticHoldAndTapFiles.replace(touch, 1, j + 1, written[j]);
        }

        float[] features = HoldAndTapData.load(dir).samples("1", Activity.SITTING).get(0).features();

        for (int j = 0; j < written.length; j++) {
            assertEquals(Float.parseFloat(written[j].trim()), features[j], "'" + written[j] + "'");
        }
    }

    @Test
    void givenANumberTooLargeForAFloatThenTheErrorSaysAFiniteNumberWasExpected(@TempDir Path dir) throws IOException {
        SyntheticHoldAndTapFiles.write(dir, 1, 1);
        Path touch = SyntheticHoldAndTapFiles.file(dir, Activity.SITTING, "Touch");
        SyntheticHoldAndTapFiles.replace(touch, 1, 2, "1e50");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HoldAndTapData.load(dir));

        assertEquals(touch + ", line 1, column 2: expected a finite number, found '1e50'", e.getMessage());
    }

    @Test
    void onlySittingIsInCaptureOrder() {
        assertTrue(data.inCaptureOrder(Activity.SITTING));
        assertFalse(data.inCaptureOrder(Activity.STANDING));
        assertFalse(data.inCaptureOrder(Activity.WALKING));
    }

    @Test
    void walkingRowsAreSortedByTheFirstSensorFeatureWithinEachUser() {
        for (String user : data.users()) {
            List<RecordedSample> walking = data.samples(user, Activity.WALKING);
            for (int i = 1; i < walking.size(); i++) {
                assertTrue(walking.get(i - 1).features()[BehaviourLayout.TOUCH] <= walking.get(i).features()[BehaviourLayout.TOUCH],
                        "user " + user + " row " + i);
            }
        }
    }

    @Test
    void theLoadedDataCannotBeChangedThroughItsSamples() {
        RecordedSample sample = data.samples("3", Activity.SITTING).get(0);
        float before = sample.features()[0];

        sample.features()[0] = -1;

        assertEquals(before, data.samples("3", Activity.SITTING).get(0).features()[0]);
        assertThrows(UnsupportedOperationException.class, () -> data.samples("3", Activity.SITTING).clear());
    }

    @Test
    void anUnknownUserIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> data.samples("96", Activity.SITTING));
        assertTrue(e.getMessage().contains("'96'"), e.getMessage());
    }

    @Test
    void givenEmptyAndNanFieldsWhenLoadedThenTheirRowsAreLeftOutAndCounted(@TempDir Path dir) throws IOException {
        SyntheticHoldAndTapFiles.write(dir, 3, 4);
        SyntheticHoldAndTapFiles.replace(SyntheticHoldAndTapFiles.file(dir, Activity.STANDING, "Sensor"), 2, 7, "NaN");
        SyntheticHoldAndTapFiles.replace(SyntheticHoldAndTapFiles.file(dir, Activity.STANDING, "Touch"), 9, 1, "");
        SyntheticHoldAndTapFiles.replace(SyntheticHoldAndTapFiles.file(dir, Activity.STANDING, "Sensor"), 10, 3, "nan");

        HoldAndTapData loaded = HoldAndTapData.load(dir);

        assertEquals(3, loaded.rowsLeftOut(Activity.STANDING));
        assertEquals(List.of(1, 3, 4), loaded.samples("1", Activity.STANDING).stream().map(RecordedSample::line).toList());
        assertEquals(List.of(11, 12), loaded.samples("3", Activity.STANDING).stream().map(RecordedSample::line).toList());
        assertEquals(4, loaded.samples("1", Activity.SITTING).size());
        assertEquals(1022f, loaded.samples("1", Activity.STANDING).get(1).features()[2], "user 1, line 3, column 3");
    }

    @Test
    void givenAMalformedValueWhenLoadedThenTheErrorNamesFileLineAndColumn(@TempDir Path dir) throws IOException {
        SyntheticHoldAndTapFiles.write(dir, 2, 3);
        Path sensor = SyntheticHoldAndTapFiles.file(dir, Activity.WALKING, "Sensor");
        SyntheticHoldAndTapFiles.replace(sensor, 5, 17, "0.3x");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HoldAndTapData.load(dir));

        assertEquals(sensor + ", line 5, column 17: expected a number or a missing value (empty or NaN), found '0.3x'",
                e.getMessage());
    }

    @Test
    void givenLabelsThatDisagreeWhenLoadedThenTheErrorNamesBothFiles(@TempDir Path dir) throws IOException {
        SyntheticHoldAndTapFiles.write(dir, 2, 3);
        Path touch = SyntheticHoldAndTapFiles.file(dir, Activity.SITTING, "Touch");
        SyntheticHoldAndTapFiles.replace(touch, 4, 31, "1");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HoldAndTapData.load(dir));

        assertTrue(e.getMessage().startsWith(touch + ", line 4, column 31: user label 1 does not match "), e.getMessage());
        assertTrue(e.getMessage().endsWith("Sitting_Sensor_with_label.csv, line 4, column 113: user label 2"), e.getMessage());
    }

    @Test
    void givenAMissingLabelOrColumnWhenLoadedThenTheErrorSaysWhatWasExpected(@TempDir Path dir) throws IOException {
        SyntheticHoldAndTapFiles.write(dir, 2, 3);
        Path touch = SyntheticHoldAndTapFiles.file(dir, Activity.SITTING, "Touch");
        SyntheticHoldAndTapFiles.replace(touch, 2, 31, "one");

        IllegalArgumentException label = assertThrows(IllegalArgumentException.class, () -> HoldAndTapData.load(dir));
        SyntheticHoldAndTapFiles.replace(touch, 2, 31, "1,7");
        IllegalArgumentException columns = assertThrows(IllegalArgumentException.class, () -> HoldAndTapData.load(dir));

        assertEquals(touch + ", line 2, column 31: expected a user label (a whole number from 1), found 'one'",
                label.getMessage());
        assertEquals(touch + ", line 2: expected 31 columns (30 features and the user label), found 32", columns.getMessage());
    }

    @Test
    void givenFilesOfDifferentLengthsWhenLoadedThenBothAreNamed(@TempDir Path dir) throws IOException {
        SyntheticHoldAndTapFiles.write(dir, 2, 3);
        SyntheticHoldAndTapFiles.write(dir.resolve("longer"), 3, 3);
        Files.copy(SyntheticHoldAndTapFiles.file(dir.resolve("longer"), Activity.STANDING, "Sensor"),
                SyntheticHoldAndTapFiles.file(dir, Activity.STANDING, "Sensor"), StandardCopyOption.REPLACE_EXISTING);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HoldAndTapData.load(dir));

        assertTrue(e.getMessage().contains("Standing_Touch_with_label.csv has 6 rows but "), e.getMessage());
        assertTrue(e.getMessage().contains("Standing_Sensor_with_label.csv has 9"), e.getMessage());
    }
}
