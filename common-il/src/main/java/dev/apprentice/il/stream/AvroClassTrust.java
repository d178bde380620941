package dev.apprentice.il.stream;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Registers generated record classes with Avro's class-security check. Avro 1.12.2 refuses to
 * instantiate classes outside {@code java.*} unless trusted (or listed in the
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES} system property), so every codec trusts the
 * packages of the named types in its schema once, on top of whatever the application configured.
 */
public final class AvroClassTrust {

    private static final Set<String> TRUSTED_PACKAGES = ConcurrentHashMap.newKeySet();
    private static boolean installed;

    private AvroClassTrust() {
    }

    /** Trusts the Java packages of every record, enum and fixed type reachable from {@code schema}. */
    public static void trust(Schema schema) {
        collect(schema, ConcurrentHashMap.newKeySet());
        install();
    }

    private static void collect(Schema s, Set<String> seen) {
        switch (s.getType()) {
            case RECORD -> {
                if (seen.add(s.getFullName())) {
                    trustNamespace(s);
                    s.getFields().forEach(f -> collect(f.schema(), seen));
                }
            }
            case ENUM, FIXED -> trustNamespace(s);
            case ARRAY -> collect(s.getElementType(), seen);
            case MAP -> collect(s.getValueType(), seen);
            case UNION -> s.getTypes().forEach(t -> collect(t, seen));
            default -> {
                // primitives need no trust
            }
        }
    }

    private static void trustNamespace(Schema s) {
        if (s.getNamespace() != null) {
            TRUSTED_PACKAGES.add(s.getNamespace());
        }
    }

    private static synchronized void install() {
        if (!installed) {
            ClassSecurityValidator.ClassSecurityPredicate ours = c -> TRUSTED_PACKAGES.contains(c.getPackageName());
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), ours));
            installed = true;
        }
    }
}
