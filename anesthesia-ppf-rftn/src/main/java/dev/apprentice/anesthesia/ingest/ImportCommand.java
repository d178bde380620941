package dev.apprentice.anesthesia.ingest;

import dev.apprentice.anesthesia.AnesthesiaDomain;
import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.anesthesia.schema.AnesthesiaDemonstration;
import dev.apprentice.anesthesia.sim.Sex;
import dev.apprentice.il.stream.KafkaTopics;
import dev.apprentice.il.stream.PayloadFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports one recorded case file into any cluster a service reads from, because real cases arrive
 * as exports (VitalDB track names by default), not as a producer:
 * {@code import --bootstrap-servers HOST:PORT --file CASE.csv --case-id C --clinician ID --age A
 * --sex female|male --weight-kg W --height-cm H [--topic anesthesia.demonstrations] [--map-track NAME]
 * [--map-fallback-track NAME] [--remifentanil-concentration 20|50] [--time-column Time]
 * [--case-start 2024-05-01T08:00:00Z] [--dry-run]}. The whole file is checked and converted before
 * anything is sent, then the case is published in one transaction; prints a summary, or the error
 * and exits with status 1 (bad file, failed publication) or 2 (bad options).
 */
public final class ImportCommand {

    /** Exit status of a refused file or a failed publication. */
    public static final int FAILED = 1;
    /** Exit status of bad options. */
    public static final int USAGE = 2;

    private static final Set<String> FLAGS = Set.of("--dry-run");
    private static final Set<String> VALUED = Set.of("--bootstrap-servers", "--topic", "--file", "--case-id", "--clinician",
            "--age", "--sex", "--weight-kg", "--height-cm", "--time-column", "--propofol-track", "--remifentanil-track",
            "--remifentanil-concentration", "--bis-track", "--map-track", "--map-fallback-track", "--case-start",
            "--format");
    private static final String OPTIONS = "options: --bootstrap-servers HOST:PORT --file F --case-id C --clinician ID"
            + " --age A --sex female|male --weight-kg W --height-cm H [--topic T] [--time-column Time]"
            + " [--propofol-track NAME] [--remifentanil-track NAME] [--remifentanil-concentration 20|50]"
            + " [--bis-track NAME] [--map-track NAME] [--map-fallback-track NAME] [--case-start INSTANT]"
            + " [--format avro-single-object|avro-json] [--dry-run]";

    private ImportCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs an import; returns the exit status (0, {@link #FAILED} or {@link #USAGE}). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("import: " + e.getMessage());
            return USAGE;
        }
        ImportedCase imported;
        try {
            CaseFile file = CaseFile.read(o.file, o.tracks, ImportLimits.defaults());
            imported = new CaseConverter(ImportLimits.defaults()).convert(file, o.tracks, o.identity);
        } catch (IOException e) {
            err.println("import refused: cannot read " + o.file + ": " + e);
            return FAILED;
        } catch (IllegalArgumentException e) {
            err.println("import refused: " + e.getMessage());
            return FAILED;
        }
        out.println(imported.summary());
        if (o.dryRun) {
            out.println("dry run: nothing published");
            return 0;
        }
        try {
            KafkaTopics.ensureWithDeadLetters(o.bootstrap, Map.of(), o.topic, 3);
            try (CasePublisher publisher = new CasePublisher(o.bootstrap, o.topic,
                    o.format.codecFor(AnesthesiaDemonstration.class),
                    CasePublisher.transactionalId(o.identity.clinicianId(), o.identity.caseId()), Map.of())) {
                int n = publisher.publish(imported);
                out.printf("published %d records of case %s to %s in one transaction%n", n, imported.caseId(), o.topic);
            }
            return 0;
        } catch (RuntimeException e) {
            err.println("import failed: " + e.getMessage());
            return FAILED;
        }
    }

    /** The parsed command line. */
    private record Options(String bootstrap, String topic, Path file, TrackMapping tracks, CaseIdentity identity,
            PayloadFormat format, boolean dryRun) {

        static Options parse(String[] args) {
            Map<String, String> v = new HashMap<>();
            boolean dryRun = false;
            for (int i = 0; i < args.length; i++) {
                if (FLAGS.contains(args[i])) {
                    dryRun = true;
                    continue;
                }
                if (!VALUED.contains(args[i])) {
                    throw new IllegalArgumentException("unknown option '" + args[i] + "'; " + OPTIONS);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + ": expected a value");
                }
                if (v.put(args[i], args[++i]) != null) {
                    throw new IllegalArgumentException(args[i - 1] + ": given twice");
                }
            }
            String bootstrap = v.get("--bootstrap-servers");
            if (bootstrap == null && !dryRun) {
                throw new IllegalArgumentException("--bootstrap-servers: expected host:port of the Kafka cluster (or --dry-run)");
            }
            Covariates patient;
            try {
                patient = new Covariates(number(v, "--age"), Sex.byId(required(v, "--sex")), number(v, "--weight-kg"),
                        number(v, "--height-cm"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("patient: " + e.getMessage(), e);
            }
            CaseIdentity identity = CaseIdentity.recorded(required(v, "--case-id"), required(v, "--clinician"), patient);
            String start = v.get("--case-start");
            if (start != null) {
                try {
                    identity = identity.startingAt(Instant.parse(start));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("--case-start: expected an ISO-8601 instant such as"
                            + " 2024-05-01T08:00:00Z, found '" + start + "'", e);
                }
            }
            return new Options(bootstrap, v.getOrDefault("--topic", AnesthesiaDomain.NAME + ".demonstrations"),
                    Path.of(required(v, "--file")), tracks(v), identity,
                    PayloadFormat.parse(v.getOrDefault("--format", PayloadFormat.AVRO_SINGLE_OBJECT.configName())), dryRun);
        }

        private static TrackMapping tracks(Map<String, String> v) {
            TrackMapping t = TrackMapping.vitalDb();
            String concentration = v.getOrDefault("--remifentanil-concentration", "20");
            switch (concentration) {
                case "20" -> t = t.withRemifentanil(TrackMapping.VITALDB_REMIFENTANIL_20, 20);
                case "50" -> t = t.withRemifentanil(TrackMapping.VITALDB_REMIFENTANIL_50, 50);
                default -> throw new IllegalArgumentException("--remifentanil-concentration: expected 20 or 50 (µg/mL),"
                        + " found '" + concentration + "'");
            }
            t = t.withRemifentanil(v.getOrDefault("--remifentanil-track", t.remifentanilTrack()), t.remifentanilUgPerMl());
            t = t.withPropofol(v.getOrDefault("--propofol-track", t.propofolTrack()), t.propofolMgPerMl());
            t = t.withTimeColumn(v.getOrDefault("--time-column", t.timeColumn()));
            List<String> map = new ArrayList<>(List.of(v.getOrDefault("--map-track", TrackMapping.VITALDB_ART_MAP)));
            if (v.containsKey("--map-fallback-track")) {
                map.add(v.get("--map-fallback-track"));
            }
            return new TrackMapping(t.timeColumn(), t.propofolTrack(), t.remifentanilTrack(),
                    v.getOrDefault("--bis-track", t.bisTrack()), map, t.propofolMgPerMl(), t.remifentanilUgPerMl());
        }

        private static String required(Map<String, String> v, String option) {
            String value = v.get(option);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(option + ": required; " + OPTIONS);
            }
            return value;
        }

        private static double number(Map<String, String> v, String option) {
            String value = required(v, option);
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": expected a number, found '" + value + "'", e);
            }
        }
    }
}
