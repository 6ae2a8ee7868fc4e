package com.peptalk.token.directory;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/** A project's planned dates; either may be unknown. */
public interface ProjectSchedule {

    LocalDate startDate();

    LocalDate completionDate();

    /** The completion date is not before the start date; the error names {@code completionDate}. */
    @Documented
    @Constraint(validatedBy = CompletionNotBeforeStart.Validator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface CompletionNotBeforeStart {

        String message() default "must not be before startDate";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<CompletionNotBeforeStart, ProjectSchedule> {

            @Override
            public boolean isValid(ProjectSchedule schedule, ConstraintValidatorContext context) {
                if (schedule == null || schedule.startDate() == null || schedule.completionDate() == null
                        || !schedule.completionDate().isBefore(schedule.startDate())) {
                    return true;
                }
                // reported on the field the client has to change, not on the whole request
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("completionDate").addConstraintViolation();
                return false;
            }
        }
    }
}
