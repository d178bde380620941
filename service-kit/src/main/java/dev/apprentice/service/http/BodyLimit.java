package dev.apprentice.service.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a JSON resource method with the kind of body it reads; unmarked ones get {@link BodyKind#COMMAND}'s limit. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {

    /** The kind of body. */
    BodyKind value();
}
