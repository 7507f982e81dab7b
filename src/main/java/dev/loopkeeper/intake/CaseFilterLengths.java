package dev.loopkeeper.intake;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * The properties {@code region}, {@code location} and {@code product} also become the case's own columns,
 * which the tasklist filters by and which hold fewer characters than any property may (80, 200, 200):
 * a longer value is refused here rather than failing at the database.
 */
@Documented
@Constraint(validatedBy = CaseFilterLengths.Check.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface CaseFilterLengths {

    Map<String, Integer> LONGEST = Map.of("region", 80, "location", 200, "product", 200);

    String message() default "is too long";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<CaseFilterLengths, Map<String, String>> {

        @Override
        public boolean isValid(Map<String, String> properties, ConstraintValidatorContext context) {
            boolean valid = true;
            if (properties == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (var limit : LONGEST.entrySet()) {
                String value = properties.get(limit.getKey());
                if (value != null && value.length() > limit.getValue()) {
                    valid = false;
                    context.buildConstraintViolationWithTemplate("size must be between 0 and " + limit.getValue())
                            .addContainerElementNode("<map value>", Map.class, 1)
                            .inIterable()
                            .atKey(limit.getKey())
                            .addConstraintViolation();
                }
            }
            return valid;
        }
    }
}
