package dev.apprentice.il.registry;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this library, recorded in every model card so an artefact says what made it. */
public final class LibraryVersion {

    private static final String VERSION = load();

    private LibraryVersion() {
    }

    /** The Maven project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = LibraryVersion.class.getResourceAsStream("/META-INF/apprentice/version.properties")) {
            if (in == null) {
                throw new IllegalStateException("META-INF/apprentice/version.properties is missing from common-il");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the library version", e);
        }
    }
}
