package dev.apprentice.phonesecurity.sim;

import dev.apprentice.il.stream.PayloadFormat;
import dev.apprentice.phonesecurity.mapping.BehaviourRecords;
import dev.apprentice.phonesecurity.privacy.BehaviourSealing;
import dev.apprentice.phonesecurity.privacy.UserDataKeys;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The produce command, {@code produce --bootstrap-servers HOST:PORT --keys-dir DIR [--users 10]
 * [--sessions 5] ...} (this main class; the launcher's {@code ./apprentice phone-security produce}
 * comes with the service): synthetic owners' sessions, each sample sealed with its user's data key
 * (created in the key ring on first use), published to any cluster with an idempotent producer
 * keyed by user id, so the service can be fed end to end at any scale. Days 0 to
 * {@code --days}−1 end yesterday; user {@code u}'s session {@code k} is on day
 * {@code k × days / sessions} and drawn from its own seed, so a rerun, or a run over another range
 * of users, publishes the same samples. The master key comes from {@code --master-key} or, better
 * (it stays out of the process list), from {@code $PHONE_SECURITY_MASTER_KEY}.
 */
public final class SyntheticProducerCommand {

    /** The environment variable holding the key ring's master key (base64). */
    public static final String MASTER_KEY_VARIABLE = "PHONE_SECURITY_MASTER_KEY";

    static final String USAGE = "usage: produce --bootstrap-servers HOST:PORT --keys-dir DIR [--master-key BASE64,"
            + " else $" + MASTER_KEY_VARIABLE + "] [--users 10] [--first-user 0] [--sessions 5 (per user)] [--days 7]"
            + " [--seed 1] [--drift-per-day 0.04] [--topic " + BehaviourRecords.TOPIC + "] [--format avro-single-object]";

    private static final Set<String> OPTIONS = Set.of("bootstrap-servers", "keys-dir", "master-key", "users", "first-user",
            "sessions", "days", "seed", "drift-per-day", "topic", "format");
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    private static final int MAX_USERS = 1_000_000;
    private static final int MAX_SESSIONS = 10_000;

    private SyntheticProducerCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(MASTER_KEY_VARIABLE), System.out, System.err));
    }

    /**
     * Runs the command.
     *
     * @return 0 once every record is acknowledged, 2 for a bad option (named in the message), 1 for
     *     any other failure
     */
    static int run(String[] args, String masterKeyVariable, PrintStream out, PrintStream err) {
        Options options;
        UserDataKeys keys;
        try {
            options = Options.parse(args, masterKeyVariable);
            keys = openRing(options);
        } catch (IllegalArgumentException e) {
            err.println("produce: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            SyntheticStream.Publication p = publish(options, keys);
            out.printf("published %d sessions of %d users (%d records) to %s; their data keys are in %s%n", p.sessions(),
                    options.users(), p.records(), options.topic(), options.keysDir());
            return 0;
        } catch (RuntimeException e) {
            err.println("produce: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The parsed options.
     *
     * @param bootstrapServers the Kafka cluster
     * @param keysDir the key ring's directory
     * @param masterKey the ring's master key, base64
     * @param users how many users
     * @param firstUser the index of the first
     * @param sessions sessions per user
     * @param days days the sessions spread over
     * @param seed the population's seed
     * @param driftPerDay the population's daily drift
     * @param topic the topic
     * @param format the wire format
     */
    record Options(String bootstrapServers, Path keysDir, String masterKey, int users, int firstUser, int sessions,
            int days, long seed, double driftPerDay, String topic, PayloadFormat format) {

        /** The options in {@code args}; the master key falls back on the environment variable's value. */
        static Options parse(String[] args, String masterKeyVariable) {
            Map<String, String> given = new HashMap<>();
            for (int i = 0; i < args.length; i += 2) {
                String name = args[i].startsWith("--") ? args[i].substring(2) : "";
                if (!OPTIONS.contains(name)) {
                    throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + ": expected a value");
                }
                given.put(name, args[i + 1]);
            }
            String bootstrap = given.get("bootstrap-servers");
            if (bootstrap == null || bootstrap.isBlank()) {
                throw new IllegalArgumentException("--bootstrap-servers: expected host:port of the Kafka cluster");
            }
            String keysDir = given.get("keys-dir");
            if (keysDir == null || keysDir.isBlank()) {
                throw new IllegalArgumentException("--keys-dir: expected the key ring's directory (created if missing)");
            }
            String masterKey = given.getOrDefault("master-key", masterKeyVariable);
            if (masterKey == null || masterKey.isBlank()) {
                throw new IllegalArgumentException("--master-key: expected the ring's master key (32 bytes, base64) here"
                        + " or in $" + MASTER_KEY_VARIABLE);
            }
            int users = whole(given, "users", 10, 1, MAX_USERS);
            int firstUser = whole(given, "first-user", 0, 0, Integer.MAX_VALUE - users);
            int sessions = whole(given, "sessions", 5, 1, MAX_SESSIONS);
            int days = whole(given, "days", 7, 1, SyntheticPopulation.MAX_DAY);
            long seed;
            try {
                seed = Long.parseLong(given.getOrDefault("seed", "1"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--seed: expected a whole number, found '" + given.get("seed") + "'");
            }
            double drift = decimal(given, "drift-per-day", PopulationConfig.defaults().driftPerDay(), 0, 1);
            String topic = given.getOrDefault("topic", BehaviourRecords.TOPIC);
            if (!TOPIC_NAME.matcher(topic).matches()) {
                throw new IllegalArgumentException("--topic: expected 1 to 249 characters of A-Z, a-z, 0-9, '.', '_' and"
                        + " '-', found '" + topic + "'");
            }
            String formatName = given.getOrDefault("format", PayloadFormat.AVRO_SINGLE_OBJECT.configName());
            PayloadFormat format = Arrays.stream(PayloadFormat.values()).filter(f -> f.configName().equals(formatName))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("--format: expected one of "
                            + Arrays.stream(PayloadFormat.values()).map(PayloadFormat::configName).toList() + ", found '"
                            + formatName + "'"));
            return new Options(bootstrap, Path.of(keysDir), masterKey, users, firstUser, sessions, days, seed, drift, topic,
                    format);
        }

        private static int whole(Map<String, String> given, String name, int fallback, int min, int max) {
            String v = given.get(name);
            if (v == null) {
                return fallback;
            }
            try {
                int parsed = Integer.parseInt(v);
                if (parsed < min || parsed > max) {
                    throw new IllegalArgumentException("--" + name + ": expected " + min + " to " + max + ", found " + parsed);
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + ": expected a whole number, found '" + v + "'");
            }
        }

        private static double decimal(Map<String, String> given, String name, double fallback, double min, double max) {
            String v = given.get(name);
            if (v == null) {
                return fallback;
            }
            try {
                double parsed = Double.parseDouble(v);
                if (!(parsed >= min && parsed <= max)) {
                    throw new IllegalArgumentException("--" + name + ": expected " + min + " to " + max + ", found " + v);
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + ": expected a number, found '" + v + "'");
            }
        }
    }

    private static UserDataKeys openRing(Options options) {
        try {
            return UserDataKeys.open(options.keysDir(), options.masterKey());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--master-key: " + e.getMessage().replaceFirst("^masterKey: ", ""), e);
        }
    }

    /** Generates, seals and publishes every session; returns once the cluster has acknowledged them all. */
    private static SyntheticStream.Publication publish(Options o, UserDataKeys keys) {
        return new SyntheticStream(o.bootstrapServers(), o.topic(), o.format(), o.seed(), o.driftPerDay())
                .publish(new BehaviourSealing(keys), o.firstUser(), o.users(), o.sessions(), o.days());
    }
}
