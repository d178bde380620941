package dev.apprentice.anesthesia.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.anesthesia.clinical.CasePhase;
import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.anesthesia.clinical.InfusionRates;
import dev.apprentice.anesthesia.sim.Sex;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SafetyEnvelopePropertyTest {

    private static final double TOLERANCE = SafetyEnvelope.TOLERANCE;

    @Test
    void noProposalEverLeavesTheDefaultEnvelopeAnywhereInTheObservationSpace() {
        SplittableRandom rng = new SplittableRandom(20_261_125);
        int seconds = 10;
        SafetyEnvelope envelope = new SafetyEnvelope(EnvelopeLimits.DEFAULT, seconds);
        for (int i = 0; i < 1_500; i++) {
            checkEveryProposal(envelope, seconds, observation(rng), rng, "default case " + i);
        }
    }

    @Test
    void noProposalEverLeavesAnEnvelopeWithOtherLimitsOrDecisionIntervals() {
        SplittableRandom rng = new SplittableRandom(7);
        int[] intervals = {1, 5, 10, 60, 600};
        for (int i = 0; i < 1_500; i++) {
            int seconds = intervals[rng.nextInt(intervals.length)];
            SafetyEnvelope envelope = new SafetyEnvelope(limits(rng), seconds);
            checkEveryProposal(envelope, seconds, observation(rng), rng, "case " + i + " with " + envelope.limits());
        }
    }

    @Test
    void aProposalInsideComesBackUnchangedWithoutReasons() {
        SplittableRandom rng = new SplittableRandom(11);
        int inside = 0;
        for (int i = 0; i < 1_500; i++) {
            // Given an envelope and an observation, and a proposal strictly inside both rules' intervals
            int seconds = 10;
            SafetyEnvelope envelope = new SafetyEnvelope(i % 2 == 0 ? EnvelopeLimits.DEFAULT : limits(rng), seconds);
            ClinicalObservation o = observation(rng);
            double[] p = expectedPropofol(envelope, seconds, o);
            double[] r = expectedRemifentanil(envelope, seconds, o);
            InfusionRates proposal = new InfusionRates(p[0] + rng.nextDouble() * (p[1] - p[0]),
                    r[0] + rng.nextDouble() * (r[1] - r[0]));

            // When it is clamped
            SafetyEnvelope.Clamped c = envelope.clamp(o, proposal);

            // Then nothing changes
            assertEquals(proposal, c.rates(), "case " + i);
            assertTrue(c.reasons().isEmpty(), "case " + i + ": " + c.reasons());
            inside += p[1] > p[0] && r[1] > r[0] ? 1 : 0;
        }
        assertTrue(inside > 400, "most cases leave room inside: " + inside);
    }

    private static void checkEveryProposal(SafetyEnvelope envelope, int seconds, ClinicalObservation o, SplittableRandom rng,
            String label) {
        double[] p = expectedPropofol(envelope, seconds, o);
        double[] r = expectedRemifentanil(envelope, seconds, o);
        double[] propofol = adversarial(o.running().propofol(), p, rng);
        double[] remifentanil = adversarial(o.running().remifentanil(), r, rng);
        for (double pp : propofol) {
            check(envelope, seconds, o, new InfusionRates(pp, remifentanil[rng.nextInt(remifentanil.length)]), label);
        }
        for (double rr : remifentanil) {
            check(envelope, seconds, o, new InfusionRates(propofol[rng.nextInt(propofol.length)], rr), label);
        }
    }

    private static void check(SafetyEnvelope envelope, int seconds, ClinicalObservation o, InfusionRates proposal, String label) {
        SafetyEnvelope.Clamped c = envelope.clamp(o, proposal);
        Supplier<String> what = () -> label + ", " + describe(o) + ", proposal " + proposal + " gave " + c.rates()
                + " with reasons " + c.reasons();

        double propofol = c.rates().propofol();
        double remifentanil = c.rates().remifentanil();
        assertTrue(Double.isFinite(propofol) && Double.isFinite(remifentanil), what);
        assertEquals(List.of(), envelope.violations(o, c.rates()), what);
        checkRules(envelope, seconds, o, c.rates(), what);
        int changed = (same(proposal.propofol(), propofol) ? 0 : 1) + (same(proposal.remifentanil(), remifentanil) ? 0 : 1);
        assertEquals(changed > 0, c.clamped(), what);
        assertEquals(changed, c.reasons().size(), () -> what.get() + ": one reason per changed rate");
    }

    /** The rules one by one, as the domain notes and {@link EnvelopeLimits} state them, independent of the clamping. */
    private static void checkRules(SafetyEnvelope envelope, int seconds, ClinicalObservation o, InfusionRates out, Supplier<String> what) {
        EnvelopeLimits l = envelope.limits();
        double weight = o.patient().weightKg();
        boolean maintenance = o.phase() == CasePhase.MAINTENANCE;
        double perDecision = seconds / 60.0;
        double p = out.propofol();
        double r = out.remifentanil();
        double p0 = o.running().propofol();
        double r0 = o.running().remifentanil();
        assertTrue(p >= 0 && r >= 0, () -> what.get() + ": no negative rate");
        assertTrue(p * weight / 3600 <= l.propofolHardMaxMgPerSecond() * (1 + 1e-12) + TOLERANCE, () -> what.get() + ": propofol hard max");
        assertTrue(r * weight / 60 <= l.remifentanilHardMaxUgPerSecond() * (1 + 1e-12) + TOLERANCE,
                () -> what.get() + ": remifentanil hard max");
        if (maintenance) {
            assertTrue(p <= l.propofolMaintenanceMax() + TOLERANCE, () -> what.get() + ": propofol maintenance max");
            assertTrue(r <= l.remifentanilMaintenanceMax() + TOLERANCE, () -> what.get() + ": remifentanil maintenance max");
            assertTrue(p <= p0 + l.propofolIncreasePerMinute() * perDecision + TOLERANCE, () -> what.get() + ": propofol increase");
            assertTrue(r <= r0 + l.remifentanilIncreasePerMinute() * perDecision + TOLERANCE, () -> what.get() + ": remifentanil increase");
        } else {
            assertTrue(p <= l.propofolInductionMax() + TOLERANCE, () -> what.get() + ": propofol induction max");
        }
        if (o.bisNow() < l.noPropofolIncreaseBelowBis()) {
            assertTrue(p <= p0 + TOLERANCE, () -> what.get() + ": propofol increase with low BIS");
        }
        if (o.map() < l.noIncreaseBelowMap()) {
            assertTrue(p <= p0 + TOLERANCE && r <= r0 + TOLERANCE, () -> what.get() + ": increase with low MAP");
        }
        // The minima give way only to an upper rule: then the rate sits on that rule's bound.
        double[] pb = expectedPropofol(envelope, seconds, o);
        double[] rb = expectedRemifentanil(envelope, seconds, o);
        if (maintenance && p < l.propofolMaintenanceMin() - TOLERANCE) {
            assertEquals(pb[1], p, TOLERANCE, () -> what.get() + ": propofol below the minimum off any upper bound");
        }
        if (maintenance && r < l.remifentanilMaintenanceMin() - TOLERANCE) {
            assertEquals(rb[1], r, TOLERANCE, () -> what.get() + ": remifentanil below the minimum off any upper bound");
        }
    }

    /** The propofol interval [low, high] the rules allow, recomputed from the limits. */
    private static double[] expectedPropofol(SafetyEnvelope envelope, int seconds, ClinicalObservation o) {
        EnvelopeLimits l = envelope.limits();
        boolean maintenance = o.phase() == CasePhase.MAINTENANCE;
        double running = o.running().propofol();
        double high = Math.min(maintenance ? l.propofolMaintenanceMax() : l.propofolInductionMax(),
                l.propofolHardMaxMgPerSecond() * 3600 / o.patient().weightKg());
        if (maintenance) {
            high = Math.min(high, running + l.propofolIncreasePerMinute() * seconds / 60.0);
        }
        if (o.bisNow() < l.noPropofolIncreaseBelowBis() || o.map() < l.noIncreaseBelowMap()) {
            high = Math.min(high, running);
        }
        return new double[] {Math.min(maintenance ? l.propofolMaintenanceMin() : 0, high), high};
    }

    /** The remifentanil interval [low, high] the rules allow, recomputed from the limits. */
    private static double[] expectedRemifentanil(SafetyEnvelope envelope, int seconds, ClinicalObservation o) {
        EnvelopeLimits l = envelope.limits();
        boolean maintenance = o.phase() == CasePhase.MAINTENANCE;
        double running = o.running().remifentanil();
        double high = l.remifentanilHardMaxUgPerSecond() * 60 / o.patient().weightKg();
        if (maintenance) {
            high = Math.min(high, Math.min(l.remifentanilMaintenanceMax(),
                    running + l.remifentanilIncreasePerMinute() * seconds / 60.0));
        }
        if (o.map() < l.noIncreaseBelowMap()) {
            high = Math.min(high, running);
        }
        return new double[] {Math.min(maintenance ? l.remifentanilMaintenanceMin() : 0, high), high};
    }

    /** Proposals a policy should never get through: non-numbers, extremes, the bounds and the running rate ± a hair. */
    private static double[] adversarial(double running, double[] bounds, SplittableRandom rng) {
        double eps = 1e-6;
        return new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -Double.MAX_VALUE,
            Double.MAX_VALUE, -1, -Double.MIN_VALUE, -0.0, 0, 1e12, bounds[0], bounds[1], bounds[0] - eps,
            bounds[1] + eps, Math.nextDown(bounds[0]), Math.nextUp(bounds[1]), running, running + eps, running - eps,
            Math.nextUp(running), Math.nextDown(running), running * (1 + 1e-9), rng.nextDouble() * 2 * bounds[1] + eps,
            rng.nextDouble(-1_000, 10_000)};
    }

    /** A random observation anywhere in {@link ClinicalObservation#SPACE} where the covariates are valid. */
    private static ClinicalObservation observation(SplittableRandom rng) {
        Covariates patient;
        while (true) {
            Sex sex = rng.nextBoolean() ? Sex.MALE : Sex.FEMALE;
            double weight = pick(rng, 5, 300);
            double height = pick(rng, 50, 250);
            if (Covariates.leanBodyMass(weight, height, sex) > 0) {
                patient = new Covariates(pick(rng, 1, 110), sex, weight, height);
                break;
            }
        }
        double[] bis = new double[ClinicalObservation.BIS_HISTORY];
        for (int k = 0; k < bis.length; k++) {
            bis[k] = rng.nextInt(4) == 0 ? new double[] {0, 39.999, 40, 100}[rng.nextInt(4)] : rng.nextDouble(0, 100);
        }
        double map = rng.nextInt(4) == 0 ? new double[] {0, 1e-3, 54.999, 55, 300}[rng.nextInt(5)] : rng.nextDouble(0, 300);
        double elapsed = pick(rng, 0, 86_400);
        CasePhase phase = rng.nextInt(5) == 0 ? CasePhase.values()[rng.nextInt(2)] : CasePhase.at(elapsed);
        return new ClinicalObservation(patient, elapsed, phase, bis, map,
                new InfusionRates(rate(rng, 5_000), rate(rng, 200)), pick(rng, 0, 50), pick(rng, 0, 200));
    }

    /** A running rate from 0 to {@code max}: exactly 0, the maximum, uniform or log-uniform. */
    private static double rate(SplittableRandom rng, double max) {
        return switch (rng.nextInt(5)) {
            case 0 -> 0;
            case 1 -> max;
            case 2 -> rng.nextDouble(0, max);
            default -> max * Math.pow(10, -6 * rng.nextDouble());
        };
    }

    /** A value in [low, high], a tenth of the time exactly at an end. */
    private static double pick(SplittableRandom rng, double low, double high) {
        int end = rng.nextInt(20);
        return end == 0 ? low : end == 1 ? high : rng.nextDouble(low, high);
    }

    /** Random valid limits, extremes included (equal minima and maxima, thresholds at their ends, tiny increases). */
    static EnvelopeLimits limits(SplittableRandom rng) {
        double pMin = rng.nextInt(5) == 0 ? 0 : rng.nextDouble(0, 10);
        double pMax = pMin + (rng.nextInt(5) == 0 ? 0 : rng.nextDouble(0, 50));
        double pInduction = pMax + (rng.nextInt(5) == 0 ? 0 : rng.nextDouble(0, 500));
        double rMin = rng.nextInt(5) == 0 ? 0 : rng.nextDouble(0, 0.5);
        double rMax = rMin + (rng.nextInt(5) == 0 ? 0 : rng.nextDouble(0, 3));
        return new EnvelopeLimits(pMin, pMax, pInduction, rng.nextDouble(1e-3, 6.67), rMin, rMax,
                rng.nextDouble(1e-3, 16.67), rng.nextDouble(1e-3, 100), rng.nextDouble(1e-4, 3),
                rng.nextInt(5) == 0 ? new double[] {0, 100}[rng.nextInt(2)] : rng.nextDouble(0, 100),
                rng.nextInt(5) == 0 ? new double[] {0, 200}[rng.nextInt(2)] : rng.nextDouble(0, 200));
    }

    private static boolean same(double a, double b) {
        return Double.compare(a, b) == 0;
    }

    private static String describe(ClinicalObservation o) {
        return o.phase() + " at " + o.elapsedSeconds() + " s, " + o.patient().weightKg() + " kg, BIS "
                + Arrays.toString(o.bis()) + ", MAP " + o.map() + ", running " + o.running();
    }
}
