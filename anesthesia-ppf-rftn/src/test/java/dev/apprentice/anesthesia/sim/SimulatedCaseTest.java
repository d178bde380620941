package dev.apprentice.anesthesia.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.InfusionRates;
import org.junit.jupiter.api.Test;

class SimulatedCaseTest {

    private static final CaseSettings SHORT = new CaseSettings(1200, 1500, 10, PropofolModel.SCHNIDER,
            PropofolModel.ELEVELD, MonitorNoise.DEFAULT, true);
    private static final InfusionRates MAINTENANCE = new InfusionRates(8, 0.15);

    @Test
    void everyCaseLastsBetweenTheShortestAndLongestLengthAndRunsExactlyThatLong() {
        int shortest = Integer.MAX_VALUE;
        int longest = 0;
        for (long seed = 0; seed < 20; seed++) {
            SimulatedCase c = new SimulatedCase(PatientCohort.forSeed(seed), seed, SHORT);
            int simulated = 0;

            while (!c.done()) {
                simulated += c.apply(MAINTENANCE);
            }

            assertTrue(c.seconds() >= 1200 && c.seconds() <= 1500, "length " + c.seconds());
            assertEquals(c.seconds(), simulated);
            assertEquals(c.seconds(), c.trace().length());
            shortest = Math.min(shortest, c.seconds());
            longest = Math.max(longest, c.seconds());
        }
        assertTrue(longest > shortest, "lengths come from the seed");
    }

    @Test
    void theObservedBisHistoryIsTheTracesShownBisEveryTenSecondsNewestFirst() {
        SimulatedCase c = new SimulatedCase(PatientCohort.forSeed(3), 3, SHORT);
        double initial = c.observation().bisNow();
        for (int i = 0; i < 30; i++) {
            c.apply(i < 6 ? new InfusionRates(120, 0.3) : MAINTENANCE);
        }

        ClinicalObservation o = c.observation();

        assertEquals(300, o.elapsedSeconds(), 0);
        for (int k = 0; k < ClinicalObservation.BIS_HISTORY; k++) {
            // Trace index i holds the end of second i + 1: "now − 10·k" is index 299 − 10·k.
            assertEquals(c.trace().bisShown(299 - 10 * k), o.bis(k), 0, "history " + k);
        }
        assertEquals(c.simulator().bisShown(), o.bisNow(), 1e-4);

        SimulatedCase fresh = new SimulatedCase(PatientCohort.forSeed(3), 3, SHORT);
        fresh.apply(MAINTENANCE);
        fresh.apply(MAINTENANCE);
        ClinicalObservation early = fresh.observation();
        assertEquals(fresh.trace().bisShown(19), early.bis(0), 0);
        assertEquals(fresh.trace().bisShown(9), early.bis(1), 0);
        assertEquals(initial, early.bis(2), 0, "before the case began the history repeats the first BIS");
        assertEquals(initial, early.bis(5), 0);
    }

    @Test
    void applyAfterTheEndIsRefused() {
        SimulatedCase c = new SimulatedCase(PatientCohort.forSeed(9), 9, SHORT);
        while (!c.done()) {
            c.apply(MAINTENANCE);
        }

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.apply(MAINTENANCE));

        assertTrue(e.getMessage().contains("over"), e.getMessage());
    }

    @Test
    void thePumpsEffectSiteEstimateFollowsItsOwnModelNotThePatients() {
        SimulatedCase c = new SimulatedCase(PatientCohort.forSeed(4), 4, SHORT);
        for (int i = 0; i < 60; i++) {
            c.apply(MAINTENANCE);
        }

        ClinicalObservation o = c.observation();

        assertTrue(o.propofolCe() > 0);
        assertTrue(Math.abs(o.propofolCe() - c.simulator().propofolEffectSite()) > 1e-3,
                "an Eleveld pump on a Schnider patient estimates a different Ce");
        assertEquals(c.simulator().remifentanilEffectSite(), o.remifentanilCe(), 1e-9,
                "both use Minto for remifentanil");
    }
}
