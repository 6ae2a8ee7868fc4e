package com.peptalk.gateway;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;

/**
 * An absolute {@code http} or {@code https} URI with a host and nothing after the port. The gateway keeps only
 * scheme, host and port of a route's URI, so a path here would be silently dropped: refuse it instead.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ServiceBaseUri.Validator.class)
public @interface ServiceBaseUri {

    String message() default "must be http(s)://host[:port] with no path, query or fragment";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ServiceBaseUri, URI> {

        @Override
        public boolean isValid(URI uri, ConstraintValidatorContext context) {
            if (uri == null) {
                return true; // @NotNull's job
            }
            String path = uri.getRawPath();
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getRawUserInfo() == null
                    && (path == null || path.isEmpty() || path.equals("/"))
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
        }
    }
}
