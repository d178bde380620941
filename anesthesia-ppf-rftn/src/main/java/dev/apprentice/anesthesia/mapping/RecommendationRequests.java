package dev.apprentice.anesthesia.mapping;

import static dev.apprentice.service.http.JsonValues.kind;
import static dev.apprentice.service.http.JsonValues.number;
import static dev.apprentice.service.http.JsonValues.object;
import static dev.apprentice.service.http.JsonValues.path;
import static dev.apprentice.service.http.JsonValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apprentice.anesthesia.clinical.CasePhase;
import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.anesthesia.clinical.InfusionRates;
import dev.apprentice.anesthesia.sim.Sex;
import dev.apprentice.service.domain.DecisionCodec;
import dev.apprentice.service.error.InvalidRequestException;
import java.util.Set;

/**
 * Reads a recommendation request into the raw {@link ClinicalObservation} vector, refusing what a
 * clinician would not trust: {@code patient} (age, sex, weightKg, heightCm), {@code elapsedSeconds},
 * {@code observations} (1–{@value #MAX_OBSERVATIONS} monitor samples {t, bis, map} with strictly
 * increasing t, the newest at most {@value #STALE_SECONDS} s old), {@code running} (propofol
 * mg/kg/h, remifentanil µg/kg/min) and {@code effectSite} (the pump model's propofol µg/mL and
 * remifentanil ng/mL). The BIS history is read off the samples every 10 s back from the newest (the
 * latest sample at or before each time; the earliest when the samples start later). Every error
 * names the field.
 */
public final class RecommendationRequests implements DecisionCodec {

    /** Most monitor samples in one request (an hour at one per 10 s). */
    public static final int MAX_OBSERVATIONS = 360;
    /** Oldest the newest sample may be, s. */
    public static final int STALE_SECONDS = 30;

    private static final Set<String> FIELDS = Set.of("patient", "elapsedSeconds", "observations", "running", "effectSite");
    private static final Set<String> PATIENT = Set.of("age", "sex", "weightKg", "heightCm");
    private static final Set<String> SAMPLE = Set.of("t", "bis", "map");
    private static final Set<String> DRUGS = Set.of("propofol", "remifentanil");

    @Override
    public float[] observation(JsonNode body, String path) {
        object(body, path, FIELDS);
        Covariates patient = covariates(body.get("patient"), path(path, "patient"), PATIENT);
        double elapsed = number(body.get("elapsedSeconds"), path(path, "elapsedSeconds"), 0, 86_400, "s");
        JsonNode samples = body.get("observations");
        String field = path(path, "observations");
        if (samples == null || !samples.isArray() || samples.isEmpty() || samples.size() > MAX_OBSERVATIONS) {
            throw new InvalidRequestException(field, "expected 1 to " + MAX_OBSERVATIONS + " monitor samples {t, bis, map},"
                    + " oldest first, found " + (samples != null && samples.isArray() ? samples.size() + " samples"
                    : kind(samples)));
        }
        int n = samples.size();
        double[] t = new double[n];
        double[] bis = new double[n];
        double map = Double.NaN;
        for (int i = 0; i < n; i++) {
            String sample = field + "[" + i + "]";
            JsonNode s = object(samples.get(i), sample, SAMPLE);
            t[i] = number(s.get("t"), sample + ".t", 0, 86_400, "s");
            if (i > 0 && t[i] <= t[i - 1]) {
                throw new InvalidRequestException(sample + ".t", "expected times to increase, found " + t[i] + " after "
                        + t[i - 1] + " (time going backwards)");
            }
            bis[i] = number(s.get("bis"), sample + ".bis", 0, 100, "");
            JsonNode m = s.get("map");
            if (m != null) {
                map = positiveMap(m, sample + ".map");
            } else if (i == n - 1) {
                throw new InvalidRequestException(sample + ".map", "expected the MAP of the newest sample, mmHg, found"
                        + " nothing");
            }
        }
        if (t[n - 1] > elapsed) {
            throw new InvalidRequestException(field + "[" + (n - 1) + "].t", "expected a time at or before elapsedSeconds ("
                    + elapsed + "), found " + t[n - 1]);
        }
        if (elapsed - t[n - 1] > STALE_SECONDS) {
            throw new InvalidRequestException(field, "the newest sample is " + (elapsed - t[n - 1]) + " s old; expected at"
                    + " most " + STALE_SECONDS + " s (stale monitor data)");
        }
        double[] history = new double[ClinicalObservation.BIS_HISTORY];
        int cursor = n - 1;
        for (int k = 0; k < history.length; k++) {
            double at = t[n - 1] - k * ClinicalObservation.BIS_SPACING_SECONDS;
            while (cursor > 0 && t[cursor] > at) {
                cursor--;
            }
            history[k] = bis[cursor];
        }
        InfusionRates running = rates(body.get("running"), path(path, "running"));
        JsonNode ce = object(body.get("effectSite"), path(path, "effectSite"), DRUGS);
        double propofolCe = number(ce.get("propofol"), path(path, "effectSite.propofol"), 0, 300, "µg/mL");
        double remifentanilCe = number(ce.get("remifentanil"), path(path, "effectSite.remifentanil"), 0, 2_000,
                "ng/mL");
        return new ClinicalObservation(patient, elapsed, CasePhase.at(elapsed), history, map, running, propofolCe,
                remifentanilCe).toVector();
    }

    private static double positiveMap(JsonNode m, String field) {
        double v = number(m, field);
        if (!(v > 0 && v <= 300)) {
            throw new InvalidRequestException(field, "expected a MAP in (0, 300] mmHg, found " + v);
        }
        return v;
    }

    /** The covariates {age, sex, weightKg, heightCm} at {@code field} of an object whose fields may be {@code allowed}. */
    public static Covariates covariates(JsonNode node, String field, Set<String> allowed) {
        object(node, field, allowed);
        double age = number(node.get("age"), field + ".age", 1, 110, "years");
        String sex = text(node.get("sex"), field + ".sex");
        Sex s;
        try {
            s = Sex.byId(sex);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field + ".sex", "expected 'female' or 'male', found '" + sex + "'");
        }
        double weight = number(node.get("weightKg"), field + ".weightKg", 5, 300, "kg");
        double height = number(node.get("heightCm"), field + ".heightCm", 50, 250, "cm");
        try {
            return new Covariates(age, s, weight, height);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field + ".weightKg", e.getMessage());
        }
    }

    private static InfusionRates rates(JsonNode node, String field) {
        object(node, field, DRUGS);
        return new InfusionRates(number(node.get("propofol"), field + ".propofol", 0, 5_000, "mg/kg/h"),
                number(node.get("remifentanil"), field + ".remifentanil", 0, 200, "µg/kg/min"));
    }
}
