package dev.loopkeeper.outreach.domain;

import dev.loopkeeper.outreach.Delivery;
import dev.loopkeeper.outreach.DeliveryStatus;
import dev.loopkeeper.outreach.Medium;
import dev.loopkeeper.outreach.MessageStep;
import dev.loopkeeper.outreach.OutreachFailed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the delivery log, each write in a transaction of its own: the log has to outlast the rollback of
 * the Camunda job that sends, or a retried job would not know what its last run already sent.
 *
 * <p>Plain SQL, one statement per step where it can be: a first attempt is one insert (the unique delivery key
 * tells a repeat), its outcome one update. Through JPA the same protocol took a select before the insert and a
 * select before the update, and the entity work around them, for every message the loop sends (about a fifth of an
 * acknowledgement job's CPU in issue 15's profile). {@link Notification} stays the read side.
 */
@Component
public class DeliveryLog {

    private static final String COLUMNS = "id, delivery_key, case_id, channel, step, recipient, template, status,"
            + " attempts, last_attempt_at, last_error";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    DeliveryLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Commits the start of an attempt before anything leaves, so that a crash after the send still leaves
     * a trace. Returns the delivery as it is now: SENT means there is nothing left to do.
     *
     * @throws OutreachFailed if another attempt started less than {@code lease} ago and has not finished
     */
    public Delivery startAttempt(
            String deliveryKey,
            UUID caseId,
            Medium channel,
            MessageStep step,
            String recipient,
            String template,
            Duration lease) {
        return ownTransaction.execute(tx -> {
            Instant now = clock.instant();
            UUID id = UUID.randomUUID();
            try {
                jdbc.update(
                        "insert into notification (" + COLUMNS + ", created_at, sent_at, version)"
                                + " values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 1, ?, null, ?, null, 0)",
                        id.toString(),
                        deliveryKey,
                        caseId == null ? null : caseId.toString(),
                        channel.name(),
                        step == null ? null : step.name(),
                        recipient,
                        template,
                        utc(now),
                        utc(now));
                return new Delivery(
                        id,
                        deliveryKey,
                        caseId,
                        channel,
                        step,
                        recipient,
                        template,
                        DeliveryStatus.PENDING,
                        1,
                        now,
                        null);
            } catch (DuplicateKeyException known) {
                // An earlier attempt, or another node's a moment ago: the stored row decides
                return again(deliveryKey, recipient, template, now, lease);
            }
        });
    }

    /** The key was sent before, or is being sent, or failed: locked while we decide, so one retry at a time. */
    private Delivery again(String deliveryKey, String recipient, String template, Instant now, Duration lease) {
        Delivery stored = jdbc.queryForObject(
                "select " + COLUMNS + " from notification where delivery_key = ? for update",
                DeliveryLog::delivery,
                deliveryKey);
        if (stored.status() == DeliveryStatus.SENT) {
            return stored;
        }
        if (stored.status() == DeliveryStatus.PENDING
                && stored.lastAttemptAt() != null
                && stored.lastAttemptAt().plus(lease).isAfter(now)) {
            throw new OutreachFailed("Delivery " + deliveryKey + " is being sent since " + stored.lastAttemptAt()
                    + "; not starting a second attempt before "
                    + stored.lastAttemptAt().plus(lease));
        }
        // Recipient and template follow the latest attempt: a retry may go to a corrected address
        jdbc.update(
                "update notification set recipient = ?, template = ?, status = 'PENDING', attempts = attempts + 1,"
                        + " last_attempt_at = ?, version = version + 1 where id = ?",
                recipient,
                template,
                utc(now),
                stored.id().toString());
        return new Delivery(
                stored.id(),
                deliveryKey,
                stored.caseId(),
                stored.channel(),
                stored.step(),
                recipient,
                template,
                DeliveryStatus.PENDING,
                stored.attempts() + 1,
                now,
                stored.lastError());
    }

    /** The attempt went out: one update, and the delivery as it now stands. */
    public Delivery sent(Delivery attempt) {
        finish(
                attempt,
                "update notification set status = 'SENT', sent_at = ?, last_error = null, version = version + 1"
                        + " where id = ?",
                utc(clock.instant()),
                attempt.id().toString());
        return attempt.with(DeliveryStatus.SENT, null);
    }

    public Delivery failed(Delivery attempt, String error) {
        String kept = error == null || error.length() <= Notification.MAX_ERROR_LENGTH
                ? error
                : error.substring(0, Notification.MAX_ERROR_LENGTH - 1) + "…";
        finish(
                attempt,
                "update notification set status = 'FAILED', last_error = ?, version = version + 1 where id = ?",
                kept,
                attempt.id().toString());
        return attempt.with(DeliveryStatus.FAILED, kept);
    }

    private void finish(Delivery attempt, String update, Object... values) {
        ownTransaction.executeWithoutResult(tx -> {
            if (jdbc.update(update, values) != 1) {
                throw new IllegalStateException("No delivery " + attempt.id() + " in the log");
            }
        });
    }

    private static Delivery delivery(ResultSet row, int n) throws SQLException {
        String caseId = row.getString("case_id");
        String step = row.getString("step");
        LocalDateTime lastAttempt = row.getObject("last_attempt_at", LocalDateTime.class);
        return new Delivery(
                UUID.fromString(row.getString("id")),
                row.getString("delivery_key"),
                caseId == null ? null : UUID.fromString(caseId),
                Medium.valueOf(row.getString("channel")),
                step == null ? null : MessageStep.valueOf(step),
                row.getString("recipient"),
                row.getString("template"),
                DeliveryStatus.valueOf(row.getString("status")),
                row.getInt("attempts"),
                lastAttempt == null ? null : lastAttempt.toInstant(ZoneOffset.UTC),
                row.getString("last_error"));
    }

    /** As Hibernate writes instants ({@code hibernate.jdbc.time_zone: UTC}): UTC wall-clock time. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
