package dev.apprentice.phonesecurity.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apprentice.phonesecurity.data.HoldAndTapData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VerificationReportTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--seeds|x|--seeds: expected a whole number from 1, found 'x'",
        "--threads|0|--threads: expected a whole number from 1, found '0'",
        "--enrolment-sizes|1,0|--enrolment-sizes: expected a whole number from 1, found '0'",
        "--features|touch,hands|--features: expected some of touch, sensor, both, found 'hands'",
        "--activities|running|--activities: expected some of sitting, standing, walking, found 'running'",
        "--methods|scaled-manhattan,svm|--methods: expected some of scaled-manhattan, nearest-neighbours, gaussian-density,"
            + " logistic-regression, imitation, imitation-policy, imitation-discriminator, found 'svm'",
        "--features|touch,touch|--features: expected each value once, found 'touch,touch'",
        "--data|/no/such/directory|--data: expected a directory with the Hold-and-Tap files, found '/no/such/directory'",
        "--colour|blue|unknown option '--colour'"})
    void givenABadOptionThenTheExitStatusIsTwoAndTheMessageNamesOptionAndValue(String option, String value, String message) {
        int status = VerificationReport.run(new String[] {option, value}, stream(out), stream(err));

        assertEquals(2, status);
        assertEquals(message, text(err).lines().findFirst().orElseThrow());
        assertTrue(text(err).contains("options: --data DIR"), "and the usage follows");
    }

    @Test
    void givenAnOptionWithoutItsValueThenTheExitStatusIsTwo() {
        assertEquals(2, VerificationReport.run(new String[] {"--seeds"}, stream(out), stream(err)));
        assertEquals("--seeds: expected a value, found none", text(err).lines().findFirst().orElseThrow());
    }

    @Test
    void givenOneCheapMethodThenTheReportPrintsItsTableAndATimingLine() {
        int status = VerificationReport.run(new String[] {"--data", HoldAndTapData.defaultDirectory().toString(), "--seeds", "1",
            "--features", "touch", "--activities", "standing", "--methods", "scaled-manhattan", "--threads", "1"},
                stream(out), stream(err));

        String report = text(out);
        assertEquals(0, status, text(err));
        assertTrue(report.contains("95 users; rows left out for missing values: sitting 0, standing 0, walking 55;"
                + " negative typing timings kept: sitting 4, standing 0, walking 3."), report);
        assertTrue(report.contains("### touch features, verified standing"), report);
        assertTrue(report.contains("\n| scaled-manhattan | "), report);
        assertTrue(report.strip().lines().reduce((a, b) -> b).orElseThrow()
                .matches("Loaded the data in [0-9.]+ s; evaluated 1 methods × 1 feature sets × 1 seeds × 1 activities in"
                        + " [0-9.]+ s on 1 threads\\."), report);
    }

    @Test
    void givenJsonThenStandardOutputIsTheResultAsJson() throws IOException {
        int status = VerificationReport.run(new String[] {"--seeds", "1", "--features", "touch", "--activities", "sitting",
            "--methods", "nearest-neighbours", "--threads", "1", "--json"}, stream(out), stream(err));

        JsonNode json = new ObjectMapper().readTree(text(out));
        assertEquals(0, status, text(err));
        assertEquals(50, json.path("protocol").path("enrolledUsers").asInt());
        assertEquals("nearest-neighbours", json.path("cells").path(0).path("method").asText());
        assertEquals("touch", json.path("cells").path(0).path("features").asText());
        assertEquals(50, json.path("cells").path(0).path("runs").path(0).path("users").size());
        assertTrue(text(err).contains("Loaded the data in"), "notes go to standard error");
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
