package dev.loopkeeper.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.loopkeeper.casework.CaseData;
import dev.loopkeeper.intake.CustomerData;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Groups;
import dev.loopkeeper.sharedkernel.Words;
import dev.loopkeeper.sharedkernel.audit.AuditAction;
import dev.loopkeeper.sharedkernel.audit.Audited;
import dev.loopkeeper.sharedkernel.privacy.DataSubject;
import dev.loopkeeper.sharedkernel.privacy.PersonalData;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's rights over their data, found by their external id or email address: everything every module holds
 * about them, as JSON; and their erasure, all modules in one transaction. Admins only; both are audited, by the
 * customer's internal id and never by anything personal (the audit trail outlives the erasure).
 */
@Service
public class CustomerPrivacy {

    private final CustomerData customers;
    private final CaseData cases;
    private final List<PersonalData> modules;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    CustomerPrivacy(
            CustomerData customers,
            CaseData cases,
            List<PersonalData> modules,
            ApplicationEventPublisher events,
            Clock clock) {
        this.customers = customers;
        this.cases = cases;
        this.modules = modules;
        this.events = events;
        this.clock = clock;
    }

    /** Writes everything held about the customer as one JSON document, section by section. */
    @Transactional
    public void export(Actor actor, String externalIdOrEmail, OutputStream out) {
        requireAdmin(actor);
        DataSubject subject = subject(externalIdOrEmail);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("exportedAt", clock.instant().toString());
        document.put("customerExternalId", subject.externalId());
        for (PersonalData module : modules) {
            module.heldAbout(subject).forEach((section, rows) -> document.put(section, plain(rows)));
        }
        events.publishEvent(Audited.of(actor.userId(), AuditAction.CUSTOMER_EXPORT, subject.customerId())
                .detail(subject.caseIds().size() + " cases, "
                        + subject.responseIds().size() + " responses"));
        try {
            json.writeValue(new NonClosing(out), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Erases the customer: every module removes their personal data and keeps its aggregates; their open cases
     * close as "erased on request". {@code confirmation} is what the person typed to confirm: the customer's
     * external id, exactly.
     */
    @Transactional
    public Erasure erase(Actor actor, String externalIdOrEmail, String confirmation, String reason) {
        requireAdmin(actor);
        DataSubject subject = subject(externalIdOrEmail);
        if (confirmation == null || !confirmation.strip().equals(subject.externalId())) {
            throw new ErasureRefused(
                    "Type the customer's id, " + subject.externalId() + ", to confirm the erasure",
                    Words.of("privacy.refused.confirm", subject.externalId()));
        }
        int open = cases.openAmong(subject.caseIds());
        for (PersonalData module : modules) {
            module.erase(subject);
        }
        events.publishEvent(Audited.of(actor.userId(), AuditAction.CUSTOMER_ERASURE, subject.customerId())
                .because(reason)
                .detail(subject.caseIds().size() + " cases (" + open + " open, closed " + CaseData.ERASED + "), "
                        + subject.responseIds().size() + " responses; now " + subject.replacementId()));
        return new Erasure(
                subject.customerId(), subject.replacementId(), subject.caseIds().size(), open);
    }

    private DataSubject subject(String externalIdOrEmail) {
        DataSubject found = customers
                .find(externalIdOrEmail, "erased-" + UUID.randomUUID())
                .orElseThrow(() -> new ErasureRefused(
                        "No customer with the id or email address " + externalIdOrEmail,
                        Words.of("privacy.refused.unknown", externalIdOrEmail)));
        return new DataSubject(
                found.customerId(),
                found.externalId(),
                found.name(),
                found.email(),
                found.phone(),
                found.replacementId(),
                cases.caseIdsOf(found.externalId()),
                found.responseIds());
    }

    /** Rows as JSON can hold them: large text and binary columns come from JDBC as handles, not values. */
    private static Object plain(Object value) {
        try {
            if (value instanceof Map<?, ?> map) {
                Map<Object, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) ->
                        copy.put(k instanceof String key ? key.toLowerCase(java.util.Locale.ROOT) : k, plain(v)));
                return copy;
            }
            if (value instanceof java.util.Collection<?> list) {
                return list.stream().map(CustomerPrivacy::plain).toList();
            }
            if (value instanceof java.sql.Clob clob) {
                return clob.getSubString(1, (int) clob.length());
            }
            if (value instanceof java.sql.Blob blob) {
                return java.util.Base64.getEncoder().encodeToString(blob.getBytes(1, (int) blob.length()));
            }
            if (value instanceof java.sql.Timestamp at) {
                return at.toLocalDateTime() + "Z";
            }
            if (value instanceof java.time.LocalDateTime at) {
                return at + "Z";
            }
            return value;
        } catch (java.sql.SQLException unreadable) {
            throw new IllegalStateException("A column could not be read for the export", unreadable);
        }
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isIn(Groups.ADMINS)) {
            throw new AccessDeniedException("Only admins export or erase a customer's data");
        }
    }

    /** Jackson closes what it writes to; the caller owns the stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
