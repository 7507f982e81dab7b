package dev.loopkeeper.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;

/** One NPS response as a survey tool submits it. Validated before anything is stored. */
public record ResponseSubmission(
        @NotBlank @Size(max = 80) String source,
        @NotBlank @Size(max = 200) String sourceEventId,
        @NotNull Instant respondedAt,
        @NotNull @Min(0) @Max(10) Integer score,
        @Size(max = 4000) String comment,
        @NotNull @Valid CustomerDetails customer,
        @Size(max = 50) Map<@NotBlank @Size(max = 80) String, @NotNull @Size(max = 500) String> properties) {

    public ResponseSubmission {
        properties = properties == null ? Map.of() : properties;
    }
}
