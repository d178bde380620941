package dev.apprentice.phonesecurity.behaviour;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The app in the foreground when a sample was captured, from a small catalogue: part of the context
 * s of the owner's policy, since people hold and type differently in a game than at the PIN pad.
 * {@link #UNKNOWN} is first, so that the catalogue's indices stay put when apps are added at the
 * end, and it is what a reader sees for an app added after it was built.
 */
public enum App {
    UNKNOWN, PIN_ENTRY, MESSAGING, BROWSER, SOCIAL, EMAIL, MAPS, CAMERA, GAMES;

    /** The apps a phone can name, i.e. all but {@link #UNKNOWN}, in index order. */
    public static final List<App> CATALOGUE = List.copyOf(Arrays.asList(values()).subList(1, values().length));

    /** The lower-case name used in JSON and reports, e.g. {@code pin_entry}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
