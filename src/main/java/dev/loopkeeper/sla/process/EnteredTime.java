package dev.loopkeeper.sla.process;

import dev.loopkeeper.casework.InvalidTaskInput;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** A date and time someone entered in a form: exact with an offset; without one (as a date picker sends it), local. */
final class EnteredTime {

    private EnteredTime() {}

    /**
     * @param zone  whose clock a time without an offset is read on: the case's region's
     * @param field the form field, for the problem a bad value raises
     * @throws InvalidTaskInput if the value is no date and time
     */
    static Instant parse(String value, ZoneId zone, String field) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException noOffset) {
            try {
                return LocalDateTime.parse(value).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidTaskInput(field, "must be a date and time like 2026-11-25T10:00");
            }
        }
    }
}
