package dev.loopkeeper.casework.web;

import dev.loopkeeper.casework.CaseRow;
import dev.loopkeeper.casework.CaseSearch;
import dev.loopkeeper.intake.CustomerProfile;
import dev.loopkeeper.intake.CustomerSearch;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/customers?phone=…} (or {@code email=…}, {@code externalId=…}): who is calling, for a phone system
 * that shows it to the agent as the phone rings. The customer's latest score and segment, and their open case if
 * they have one. API clients only (the key), like the rest of {@code /api} but the case read.
 */
@RestController
class CallerController {

    private final CustomerSearch customers;
    private final CaseSearch cases;

    CallerController(CustomerSearch customers, CaseSearch cases) {
        this.customers = customers;
        this.cases = cases;
    }

    @Operation(
            summary = "Who is calling: a customer by phone, email or external id",
            description = "Exactly one of phone, email and externalId. A phone number matches however it is written "
                    + "(its last eight digits). 404 when no customer matches.")
    @GetMapping(path = "/api/customers", produces = "application/json")
    Caller lookUp(
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String externalId) {
        long given = Stream.of(phone, email, externalId)
                .filter(v -> v != null && !v.isBlank())
                .count();
        if (given != 1) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "Give exactly one of phone, email and externalId");
        }
        Optional<CustomerProfile> customer = phone != null && !phone.isBlank()
                ? customers.byPhone(phone)
                : email != null && !email.isBlank() ? customers.byEmail(email) : customers.byExternalId(externalId);
        return customer.map(c -> Caller.of(c, cases.openCaseOf(c.externalId())))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such customer"));
    }

    /** The caller as the phone system shows them. */
    record Caller(
            UUID customerId,
            String externalId,
            String name,
            String tier,
            BigDecimal lifetimeValue,
            Integer latestScore,
            String segment,
            Instant latestResponseAt,
            OpenCase openCase) {

        static Caller of(CustomerProfile c, Optional<CaseRow> open) {
            return new Caller(
                    c.id(),
                    c.externalId(),
                    c.name(),
                    c.tier(),
                    c.lifetimeValue(),
                    c.latestScore(),
                    c.latestSegment() == null ? null : c.latestSegment().key(),
                    c.latestAt(),
                    open.map(OpenCase::of).orElse(null));
        }
    }

    /** Their open case: where it stands, who has it, when it is due. */
    record OpenCase(UUID caseId, String state, int score, String holder, Instant dueAt, Instant openedAt) {

        static OpenCase of(CaseRow r) {
            return new OpenCase(r.caseId(), r.state().key(), r.score(), r.holder(), r.nextDue(), r.openedAt());
        }
    }
}
