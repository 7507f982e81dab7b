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

/** Text that identifies something (an event id, a customer key): see {@link TextKind#IDENTIFIER}. */
@Documented
@Constraint(validatedBy = Identifier.Check.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Identifier {

    String message() default "must be visible characters only";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Identifier, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return Texts.valid(TextKind.IDENTIFIER, value, context);
        }
    }
}
