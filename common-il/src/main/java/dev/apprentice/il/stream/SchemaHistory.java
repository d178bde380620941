package dev.apprentice.il.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * Every published version of a record schema, shipped as class-path resources
 * {@code avro-history/<full name>/v1.avsc, v2.avsc, ...}. Decoders register all of them, so a
 * record written by any older producer still decodes into the current class, with defaults for
 * fields it did not have. The newest version must equal the generated class's schema (a test checks
 * it), which makes it impossible to change a schema without shipping the new version.
 *
 * @param fullName the record's full name
 * @param versions the versions, oldest first
 */
public record SchemaHistory(String fullName, List<Schema> versions) {

    /** Where the versions live on the class path. */
    public static final String RESOURCE_ROOT = "avro-history/";

    public SchemaHistory {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("schema history of " + fullName + ": expected at least one version");
        }
        versions = List.copyOf(versions);
    }

    /**
     * Loads {@code v1.avsc}, {@code v2.avsc}, ... for {@code fullName} from {@code loader} until the
     * next version is missing.
     *
     * @throws IllegalArgumentException if there is no {@code v1.avsc} or a version names another record
     */
    public static SchemaHistory load(String fullName, ClassLoader loader) {
        List<Schema> versions = new ArrayList<>();
        for (int v = 1; ; v++) {
            String resource = RESOURCE_ROOT + fullName + "/v" + v + ".avsc";
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    break;
                }
                Schema s = new Schema.Parser().parse(in);
                if (!s.getFullName().equals(fullName)) {
                    throw new IllegalArgumentException(resource + ": expected a schema named " + fullName + ", found "
                            + s.getFullName());
                }
                versions.add(s);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("no schema history for " + fullName + ": expected " + RESOURCE_ROOT
                    + fullName + "/v1.avsc on the class path");
        }
        return new SchemaHistory(fullName, versions);
    }

    /** The newest version. */
    public Schema latest() {
        return versions.get(versions.size() - 1);
    }

    /**
     * Checks that {@code reader} can read records written with every version.
     *
     * @throws IllegalStateException naming the first version it cannot read and why
     */
    public void checkReadableBy(Schema reader) {
        for (int i = 0; i < versions.size(); i++) {
            SchemaCompatibility.SchemaPairCompatibility c =
                    SchemaCompatibility.checkReaderWriterCompatibility(reader, versions.get(i));
            if (c.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                throw new IllegalStateException(fullName + ": the current schema cannot read version v" + (i + 1) + ": "
                        + c.getDescription());
            }
        }
    }
}
