package dev.apprentice.il.stream;

import org.apache.avro.Conversion;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/** Builds the {@link SpecificData} model that every Avro codec here shares. */
final class AvroCodecs {

    private AvroCodecs() {
    }

    /**
     * A model bound to the record class's own class loader, with the logical-type conversions the
     * generated class declares. The generated {@code MODEL$} would resolve classes through Avro's
     * class loader, which under Quarkus' dev and test loaders yields a second copy of the class
     * (BUILD-NOTES: ClassCastException between the app and Quarkus class loaders).
     */
    static SpecificData modelFor(Class<? extends SpecificRecord> recordClass) {
        SpecificData data = new SpecificData(recordClass.getClassLoader());
        for (Conversion<?> c : SpecificData.getForClass(recordClass).getConversions()) {
            data.addLogicalTypeConversion(c);
        }
        return data;
    }

    /** The generated class's schema. */
    static Schema schemaOf(Class<? extends SpecificRecord> recordClass) {
        return SpecificData.get().getSchema(recordClass);
    }
}
