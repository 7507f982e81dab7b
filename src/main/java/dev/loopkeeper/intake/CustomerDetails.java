package dev.loopkeeper.intake;

import dev.loopkeeper.sharedkernel.Channel;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The customer as the survey tool knows them; the external id is the survey tool's (or CRM's) key. */
public record CustomerDetails(
        @NotBlank @Size(max = 120) String externalId,
        @Size(max = 200) String name,
        @Email @Size(max = 320) String email,
        @Pattern(regexp = "\\+?[0-9 ()./-]{3,40}", message = "must be a phone number (digits, spaces, + ( ) . / -)") String phone,
        Channel preferredChannel,
        @Size(max = 40) String tier,
        @DecimalMin("0") BigDecimal lifetimeValue) {
}
