package dev.loopkeeper.intake;

import dev.loopkeeper.sharedkernel.validation.FreeText;
import dev.loopkeeper.sharedkernel.validation.Identifier;
import dev.loopkeeper.sharedkernel.validation.PlausibleInstant;
import dev.loopkeeper.sharedkernel.validation.SingleLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;

/**
 * One NPS response as a survey tool submits it, with the touchpoint it came from (a purchase, an installation, a support
 * call…) when the tool knows it. Validated before anything is stored; the lengths are
 * those of the columns that keep them (V1__intake.sql). The API's description (api/openapi.yaml) lists
 * the same fields, and a test holds the two together.
 */
public record ResponseSubmission(
        @NotBlank @Size(max = 80) @Identifier String source,
        @NotBlank @Size(max = 200) @Identifier String sourceEventId,
        @NotNull @PlausibleInstant Instant respondedAt,
        @NotNull @Min(0) @Max(10) Integer score,
        @Size(max = 4000) @FreeText String comment,
        @NotNull @Valid CustomerDetails customer,

        @Size(max = 50) @CaseFilterLengths
        Map<@NotBlank @Size(max = 80) @Identifier String, @NotNull @Size(max = 500) @SingleLine String> properties,

        @Size(max = 80) @Identifier String touchpoint) {

    public ResponseSubmission {
        properties = properties == null ? Map.of() : properties;
    }

    /** A response without a touchpoint, as most survey tools send them. */
    public ResponseSubmission(
            String source,
            String sourceEventId,
            Instant respondedAt,
            Integer score,
            String comment,
            CustomerDetails customer,
            Map<String, String> properties) {
        this(source, sourceEventId, respondedAt, score, comment, customer, properties, null);
    }
}
