package dev.apprentice.service.testdomain;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the test domain a service hosts beside {@link IdentityDomain}, so that the kit's tests that
 * inject "the" {@code ImitationDomain} still find exactly one; the kit hosts every bean of the type.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface SecondDomain {
}
