package com.peptalk.web.text;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field people type: not blank once whitespace and invisible (format) characters are set aside, and without
 * control characters (see {@link Characters}). {@code null} is valid (combine with {@code @NotNull} when required).
 * Use it on every free-text field of a request (names, titles, search terms); {@link #multiline()} allows TAB, LF and
 * CR for bodies of text.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "must be visible text without control characters";

    /** Whether line breaks and tabs are allowed. */
    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
