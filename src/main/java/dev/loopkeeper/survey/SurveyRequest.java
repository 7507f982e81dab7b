package dev.loopkeeper.survey;

import dev.loopkeeper.intake.CustomerDetails;
import dev.loopkeeper.sharedkernel.validation.Identifier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Ask one customer: after a business event ({@code touchpoint}, e.g. {@code installation}), or as one line of a list.
 *
 * @param language the customer's, as two lower-case letters; the default language when empty
 */
public record SurveyRequest(
        @NotNull @Valid CustomerDetails customer,
        @NotBlank @Size(max = 80) @Identifier String touchpoint,

        @Pattern(regexp = "[a-z]{2}", message = "must be two lower-case letters, like en or de")
        String language) {}
