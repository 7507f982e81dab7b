package dev.loopkeeper.sharedkernel.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Instant;

/**
 * A moment a survey tool or CRM can have seen: not before 2000, and not ahead of our clock by more than
 * five minutes (clocks drift; a date years ahead is a bug at the sender). Null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = PlausibleInstant.Check.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleInstant {

    Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    Duration CLOCK_SKEW = Duration.ofMinutes(5);

    String message() default "must be between 2000-01-01T00:00:00Z and 5 minutes from now";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<PlausibleInstant, Instant> {

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            Instant now = context.getClockProvider().getClock().instant();
            return value == null || (!value.isBefore(EARLIEST) && !value.isAfter(now.plus(CLOCK_SKEW)));
        }
    }
}
