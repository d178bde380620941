package dev.apprentice.il.stream.schema;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Conversion;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * The Avro data model every codec and the store use for generated classes, built so that it works
 * under Quarkus' class loaders and passes Avro's class-security check.
 */
public final class AvroModels {

    private static final Set<String> TRUSTED_PACKAGES = ConcurrentHashMap.newKeySet();
    private static boolean installed;

    private AvroModels() {
    }

    /**
     * A model bound to the record class's own class loader, with the logical-type conversions the
     * generated class declares, and the class's packages trusted. The generated {@code MODEL$}
     * would resolve classes through Avro's class loader, which under Quarkus' dev and test loaders
     * yields a second copy of the class (BUILD-NOTES: ClassCastException between the app and Quarkus
     * class loaders).
     */
    public static SpecificData modelFor(Class<? extends SpecificRecord> recordClass) {
        trust(schemaOf(recordClass));
        SpecificData data = new SpecificData(recordClass.getClassLoader());
        for (Conversion<?> c : SpecificData.getForClass(recordClass).getConversions()) {
            data.addLogicalTypeConversion(c);
        }
        return data;
    }

    /** The generated class's schema. */
    public static Schema schemaOf(Class<? extends SpecificRecord> recordClass) {
        return SpecificData.get().getSchema(recordClass);
    }

    /**
     * Trusts the Java packages of every record, enum and fixed type reachable from {@code schema}.
     * Avro 1.12.2 refuses to instantiate classes outside {@code java.*} unless trusted (or listed in
     * the {@code org.apache.avro.SERIALIZABLE_PACKAGES} system property); this adds to whatever the
     * application configured.
     */
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
