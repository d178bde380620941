package dev.apprentice.anesthesia.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.anesthesia.clinical.CasePhase;
import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.anesthesia.mapping.AnesthesiaRecords;
import dev.apprentice.anesthesia.schema.AnesthesiaDemonstration;
import dev.apprentice.anesthesia.schema.DataFlag;
import dev.apprentice.anesthesia.sim.Sex;
import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.stream.AvroSingleObjectCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseConverterTest {

    private static final TrackMapping VITALDB = TrackMapping.vitalDb();
    private static final ImportLimits LIMITS = ImportLimits.defaults();
    private static final CaseIdentity IDENTITY = CaseIdentity.recorded("case-1", "dr-a", SampleCaseFile.PATIENT);
    private static final AnesthesiaRecords RECORDS = new AnesthesiaRecords();

    @TempDir
    Path dir;

    private ImportedCase convert(SampleCaseFile sample) throws IOException {
        CaseFile file = CaseFile.read(sample.write(dir.resolve("case.csv")), VITALDB, LIMITS);
        return new CaseConverter(LIMITS).convert(file, VITALDB, IDENTITY);
    }

    private static ClinicalObservation observation(AnesthesiaDemonstration r) {
        return ClinicalObservation.fromVector(RECORDS.toStep(r).state());
    }

    private static AnesthesiaDemonstration at(ImportedCase c, int elapsed) {
        return c.records().stream().filter(r -> r.getObservation().getElapsedSeconds() == elapsed).findFirst()
                .orElseThrow(() -> new AssertionError("no decision at " + elapsed + " s"));
    }

    @Test
    void givenABolusThenMaintenanceWhenConvertedThenActionsAreTheMeanPumpRatesPerKilogram() throws IOException {
        ImportedCase c = convert(SampleCaseFile.of(1800));

        // 70 kg; bolus 2 mg/kg over 30 s = 840 mL/h of 20 mg/mL = 16,800 mg/h = 240 mg/kg/h.
        assertEquals(240, at(c, 0).getPropofolRate(), 1e-3);
        assertEquals(240, at(c, 20).getPropofolRate(), 1e-3);
        // 35 mL/h × 20 mg/mL / 70 kg = 10 mg/kg/h; after 15 min 28 mL/h → 8 mg/kg/h.
        assertEquals(10, at(c, 30).getPropofolRate(), 1e-4);
        assertEquals(8, at(c, 900).getPropofolRate(), 1e-4);
        // 42 mL/h × 20 µg/mL / 60 / 70 kg = 0.2 µg/kg/min.
        assertEquals(0.2, at(c, 600).getRemifentanilRate(), 1e-6);
        // Running until now = the last interval's action; nothing ran before the first drug.
        assertEquals(0, observation(at(c, 0)).running().propofol(), 0);
        assertEquals(240, observation(at(c, 10)).running().propofol(), 1e-3);
        assertEquals(10, observation(at(c, 40)).running().propofol(), 1e-4);
        assertEquals(0.2, observation(at(c, 40)).running().remifentanil(), 1e-6);
    }

    @Test
    void givenAnInfusionWhenConvertedThenBothEffectSitesStartAtZeroAndRiseDuringTheFirstMinutes() throws IOException {
        ImportedCase c = convert(SampleCaseFile.of(1800));

        assertEquals(0, observation(at(c, 0)).propofolCe(), 0);
        assertEquals(0, observation(at(c, 0)).remifentanilCe(), 0);
        double previousPropofol = 0;
        double previousRemifentanil = 0;
        for (int t = 10; t <= 120; t += 10) {
            ClinicalObservation o = observation(at(c, t));
            assertTrue(o.propofolCe() > previousPropofol, "propofol Ce rises at " + t + " s: " + o.propofolCe());
            assertTrue(o.remifentanilCe() > previousRemifentanil, "remifentanil Ce rises at " + t + " s");
            previousPropofol = o.propofolCe();
            previousRemifentanil = o.remifentanilCe();
        }
        // 2 mg/kg in a 40-year-old man peaks at an effect site of a few µg/mL, far below 10.
        assertTrue(previousPropofol > 1 && previousPropofol < 10, "propofol Ce at 2 min: " + previousPropofol);
    }

    @Test
    void givenBisEverySecondWhenConvertedThenTheHistoryHoldsTheValuesRecordedEveryTenSecondsBack() throws IOException {
        Path path = SampleCaseFile.of(1200).write(dir.resolve("case.csv"));
        CaseFile file = CaseFile.read(path, VITALDB, LIMITS);
        Map<Double, Double> bisAt = new TreeMap<>();
        for (int i = 0; i < file.rows(); i++) {
            bisAt.put(file.time(i), file.bis(i));
        }

        ImportedCase c = new CaseConverter(LIMITS).convert(file, VITALDB, IDENTITY);

        for (int elapsed : new int[] {0, 50, 300, 1000}) {
            ClinicalObservation o = observation(at(c, elapsed));
            for (int k = 0; k < ClinicalObservation.BIS_HISTORY; k++) {
                double fileTime = SampleCaseFile.FIRST_DRUG + elapsed - 10.0 * k;
                assertEquals(bisAt.get(fileTime), o.bis(k), 1e-4, "BIS " + 10 * k + " s before " + elapsed + " s");
            }
        }
        assertEquals(SampleCaseFile.FIRST_DRUG, c.firstDrugTime(), 0);
    }

    @Test
    void givenACompleteFileWhenConvertedThenOneEpisodeOfConsecutiveStepsEndsInOneTerminalRecord() throws IOException {
        ImportedCase c = convert(SampleCaseFile.of(1200));

        List<AnesthesiaDemonstration> records = c.records();
        // Decision times 0, 10, … up to the last full interval: file times 120..1199 → elapsed 0..1070, final 1070.
        assertEquals(List.of("case-1"), c.episodes());
        assertEquals(107, records.size());
        for (int i = 0; i < records.size(); i++) {
            AnesthesiaDemonstration r = records.get(i);
            assertEquals(i, r.getStep());
            assertEquals(10f * i, r.getObservation().getElapsedSeconds());
            assertEquals(CaseIdentity.UNKNOWN_START.plusSeconds(10L * i), r.getEventTime());
            assertEquals(List.of(DataFlag.IMPORTED), r.getFlags(), "flags of step " + i);
            assertEquals(i == records.size() - 1, r.getTerminal());
            assertEquals(i == records.size() - 1, r.getFinalObservation() != null);
            assertEquals("recorded", r.getClinicianStyle());
        }
        ExpertStep last = RECORDS.toStep(records.get(records.size() - 1));
        assertEquals(1070, ClinicalObservation.fromVector(last.finalState()).elapsedSeconds(), 0);
        assertEquals(CasePhase.INDUCTION, observation(at(c, 590)).phase());
        assertEquals(CasePhase.MAINTENANCE, observation(at(c, 600)).phase());
        assertTrue(c.skipped().isEmpty(), c.skipped().toString());
    }

    @Test
    void givenAThirtySecondBisDropoutWhenConvertedThenTheLastValueIsCarriedAndFlaggedButNothingIsSkipped()
            throws IOException {
        int from = 500;
        int to = 530;
        Path path = SampleCaseFile.of(1200).withoutBis(from, to).write(dir.resolve("case.csv"));
        CaseFile file = CaseFile.read(path, VITALDB, LIMITS);
        double lastBeforeGap = file.bis(from - 1);

        ImportedCase c = new CaseConverter(LIMITS).convert(file, VITALDB, IDENTITY);

        assertEquals(List.of("case-1"), c.episodes());
        assertTrue(c.skipped().isEmpty(), c.skipped().toString());
        int flagged = 0;
        for (AnesthesiaDemonstration r : c.records()) {
            int fileTime = SampleCaseFile.FIRST_DRUG + (int) r.getObservation().getElapsedSeconds();
            boolean carried = false;
            for (int k = 0; k < ClinicalObservation.BIS_HISTORY; k++) {
                int t = fileTime - 10 * k;
                if (t >= from && t < to) {
                    assertEquals((float) lastBeforeGap, r.getObservation().getBis().get(k), "BIS carried into " + t);
                    // The last value, recorded at from − 1, is current for 5 s and carried after that.
                    carried |= t - (from - 1) > LIMITS.freshSeconds();
                }
            }
            assertEquals(carried, r.getFlags().contains(DataFlag.BIS_CARRIED_FORWARD), "flag at file time " + fileTime);
            flagged += carried ? 1 : 0;
        }
        // Carried from file time 505 to 529; the grid hits 510 and 520, which the decisions at 510…570 look back at.
        assertEquals(7, flagged);
        assertEquals(flagged, c.flagCounts().get(DataFlag.BIS_CARRIED_FORWARD));
    }

    @Test
    void givenATwoMinuteBisDropoutWhenConvertedThenTheCaseIsCutIntoTwoSegmentsAroundTheSkippedDecisions()
            throws IOException {
        int from = 700;
        int to = 820;
        ImportedCase c = convert(SampleCaseFile.of(1500).withoutBis(from, to));

        assertEquals(List.of("case-1-seg1", "case-1-seg2"), c.episodes());
        assertEquals(1, c.skipped().size());
        ImportedCase.Gap gap = c.skipped().get(0);
        assertEquals("BIS", gap.missing());
        // From 60 s after the last value (file time 699 + 61 = 760, elapsed 640) until the last
        // decision whose 50 s-old BIS is still missing (file time 819 + 50 → elapsed 740).
        assertEquals(640, gap.fromElapsed());
        assertEquals(740, gap.toElapsed());
        for (String episode : c.episodes()) {
            List<AnesthesiaDemonstration> segment = c.records().stream().filter(r -> r.getCaseId().equals(episode)).toList();
            for (int i = 0; i < segment.size(); i++) {
                assertEquals(i, segment.get(i).getStep());
                assertEquals(i == segment.size() - 1, segment.get(i).getTerminal());
            }
            AnesthesiaDemonstration last = segment.get(segment.size() - 1);
            assertNotNull(last.getFinalObservation());
            assertEquals(last.getObservation().getElapsedSeconds() + 10, last.getFinalObservation().getElapsedSeconds());
        }
        for (AnesthesiaDemonstration r : c.records()) {
            float elapsed = r.getObservation().getElapsedSeconds();
            assertFalse(elapsed >= 640 && elapsed <= 740, "no decision in the gap: " + elapsed);
        }
        // The segment before the gap ends with the last complete time (630) as its final observation.
        assertEquals(620, at(c, 620).getObservation().getElapsedSeconds(), 0);
        assertTrue(at(c, 620).getTerminal());
        assertEquals(750, c.records().stream().filter(r -> r.getCaseId().equals("case-1-seg2")).findFirst().orElseThrow()
                .getObservation().getElapsedSeconds(), 0);
    }

    @Test
    void givenAnArterialLineOutageWhenTheCuffIsTheFallbackThenTheCuffValueIsUsedAndFlaggedWhenOld()
            throws IOException {
        TrackMapping withCuff = VITALDB.withMapTracks(List.of(TrackMapping.VITALDB_ART_MAP, TrackMapping.VITALDB_NIBP_MAP));
        Path path = SampleCaseFile.of(1200).withCuffEvery(30).withoutArterialMap(600, 720).write(dir.resolve("case.csv"));
        CaseFile file = CaseFile.read(path, withCuff, LIMITS);

        ImportedCase cuff = new CaseConverter(LIMITS).convert(file, withCuff, IDENTITY);
        ImportedCase arterialOnly = new CaseConverter(LIMITS).convert(CaseFile.read(path, VITALDB, LIMITS), VITALDB,
                IDENTITY);

        assertTrue(cuff.skipped().isEmpty(), cuff.skipped().toString());
        // File time 660 (elapsed 540): the cuff measured at 660 is current.
        assertEquals((float) file.map(1, 660), at(cuff, 540).getObservation().getMapMmhg());
        assertFalse(at(cuff, 540).getFlags().contains(DataFlag.MAP_CARRIED_FORWARD));
        // File time 670: the cuff value is 10 s old.
        assertTrue(at(cuff, 550).getFlags().contains(DataFlag.MAP_CARRIED_FORWARD));
        assertEquals(1, arterialOnly.skipped().size());
        assertEquals("MAP", arterialOnly.skipped().get(0).missing());
    }

    @Test
    void givenTheRecordsWhenEncodedAndDecodedThenTheDomainMappingReadsEveryOneBack() throws IOException {
        ImportedCase c = convert(SampleCaseFile.of(900).withoutBis(400, 440));
        AvroSingleObjectCodec<AnesthesiaDemonstration> codec = AvroSingleObjectCodec.forClass(AnesthesiaDemonstration.class);

        for (AnesthesiaDemonstration r : c.records()) {
            ExpertStep step = RECORDS.toStep(codec.decode(codec.encode(r)));
            assertEquals("dr-a", step.source());
            assertEquals(ClinicalObservation.DIMENSION, step.state().length);
            assertTrue(step.metadata().get(AnesthesiaRecords.FLAGS).contains("IMPORTED"));
            assertEquals(step.terminal(), step.finalState() != null);
        }
    }

    @Test
    void givenAGivenCaseStartWhenConvertedThenEventTimesAreItPlusTheElapsedTime() throws IOException {
        Path path = SampleCaseFile.of(900).write(dir.resolve("case.csv"));
        Instant start = Instant.parse("2024-05-01T08:00:00Z");

        ImportedCase c = new CaseConverter(LIMITS).convert(CaseFile.read(path, VITALDB, LIMITS), VITALDB,
                IDENTITY.startingAt(start));

        assertEquals(start.plusSeconds(300), at(c, 300).getEventTime());
    }

    @Test
    void givenALightPatientWhenTheBolusRateExceedsTheActionSpaceThenTheCaseIsRefusedNamingTheDecision()
            throws IOException {
        // 1,200 mL/h of 20 mg/mL to 35 kg is 686 mg/kg/h; the ingester accepts at most 600.
        String csv = "Time,Orchestra/PPF20_RATE,Orchestra/RFTN20_RATE,BIS/BIS,Solar8000/ART_MBP\n"
                + "0,1200,0,95,90\n"
                + rows(1, 120);
        CaseFile file = CaseFile.read("light.csv", new BufferedReader(new StringReader(csv)), VITALDB, LIMITS);
        CaseIdentity light = CaseIdentity.recorded("case-2", "dr-a", new Covariates(12, Sex.FEMALE, 35, 145));

        CaseFileException e = assertThrows(CaseFileException.class,
                () -> new CaseConverter(LIMITS).convert(file, VITALDB, light));

        assertTrue(e.getMessage().contains("light.csv: the decision at 50 s"), e.getMessage());
        assertTrue(e.getMessage().contains("action"), e.getMessage());
    }

    private static String rows(int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int t = from; t < to; t++) {
            s.append(t).append(",,,95,90\n");
        }
        return s.toString();
    }
}
