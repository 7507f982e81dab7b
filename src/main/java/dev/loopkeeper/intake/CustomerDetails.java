package dev.loopkeeper.intake;

import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.validation.Identifier;
import dev.loopkeeper.sharedkernel.validation.SingleLine;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * The customer as the survey tool knows them; the external id is the survey tool's (or CRM's) key. A
 * lifetime value has at most 12 digits before the point and 2 after (the column is decimal(14,2)): more
 * decimals are refused, not rounded, since rounding money is the sender's decision.
 */
public record CustomerDetails(
        @NotBlank @Size(max = 120) @Identifier String externalId,
        @Size(max = 200) @SingleLine String name,
        @Email @Size(max = 320) @Identifier String email,

        @Size(max = 40)
        @Pattern(regexp = PHONE, message = "must be a phone number: at least 3 digits, and spaces, + ( ) . / -")
        String phone,

        Channel preferredChannel,
        @Size(max = 40) @Identifier String tier,

        @DecimalMin("0")
        @Digits(integer = 12, fraction = 2, message = "must have at most 12 digits before the point and 2 after")
        BigDecimal lifetimeValue) {

    /** An optional +, then digits and the usual separators, with at least three digits; no spaces at the ends. */
    static final String PHONE = "\\+?(?=(?:[^0-9]*[0-9]){3})[0-9(][0-9 ()./-]*[0-9)]";
}
