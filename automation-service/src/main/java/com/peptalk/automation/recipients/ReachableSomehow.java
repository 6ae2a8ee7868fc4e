package com.peptalk.automation.recipients;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A contact needs an email address or a phone number; the error names {@code email}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ReachableSomehow.Validator.class)
@interface ReachableSomehow {

    String message() default "a contact needs an email or a phone";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ReachableSomehow, ContactRequest> {
        @Override
        public boolean isValid(ContactRequest request, ConstraintValidatorContext context) {
            boolean reachable = (request.email() != null && !request.email().isBlank())
                    || (request.phone() != null && !request.phone().isBlank());
            if (!reachable) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("a contact needs an email or a phone")
                        .addPropertyNode("email").addConstraintViolation();
            }
            return reachable;
        }
    }
}
