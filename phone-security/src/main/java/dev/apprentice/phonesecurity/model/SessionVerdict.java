package dev.apprentice.phonesecurity.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the service tells the phone to do about the person holding it. */
public enum SessionVerdict {
    /** The session looks like the owner's: carry on. */
    ACCEPT,
    /** Not sure: ask for a PIN or a biometric. */
    STEP_UP,
    /** Clearly someone else: lock the phone. */
    LOCK;

    /** The name in JSON, e.g. {@code step-up}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
