package dev.loopkeeper.sharedkernel.validation;

import jakarta.validation.ConstraintValidatorContext;

/** The shared part of the text constraints: the message says which character is wrong, and where. */
final class Texts {

    private Texts() {}

    static boolean valid(TextKind kind, String value, ConstraintValidatorContext context) {
        String problem = kind.problem(value);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        // The problem names code points and positions, never the value itself: nothing to interpolate
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }
}
