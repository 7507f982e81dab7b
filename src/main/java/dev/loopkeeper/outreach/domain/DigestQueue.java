package dev.loopkeeper.outreach.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * Alerts waiting for a digest (table {@code alert_digest_item}), or for someone's quiet hours to end: one row per
 * alert and recipient, written in the raising job's transaction, so a retried job writes it once.
 */
@Repository
public class DigestQueue {

    /**
     * @param recipient  a user id, or the address itself for someone who is no user
     * @param heldUntil  null: for the next digest; else an immediate alert held through quiet hours until then
     */
    public record Item(
            UUID id,
            String alertKey,
            String recipient,
            String address,
            String event,
            UUID caseId,
            String subject,
            String body,
            Instant queuedAt,
            Instant heldUntil) {}

    private final NamedParameterJdbcTemplate db;

    DigestQueue(NamedParameterJdbcTemplate db) {
        this.db = db;
    }

    /** Queues the items not queued yet (same alert, same recipient): two statements and a batch. */
    public void enqueue(List<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        Set<String> keys = new HashSet<>();
        items.forEach(item -> keys.add(item.alertKey()));
        Set<String> queued = new HashSet<>();
        db.query(
                "select alert_key, recipient from alert_digest_item where alert_key in (:keys)",
                new MapSqlParameterSource("keys", keys),
                row -> {
                    queued.add(row.getString(1) + "\n" + row.getString(2));
                });
        List<SqlParameterSource> rows = items.stream()
                .filter(item -> queued.add(item.alertKey() + "\n" + item.recipient()))
                .map(item -> (SqlParameterSource) new MapSqlParameterSource(
                                "id", item.id().toString())
                        .addValue("key", item.alertKey())
                        .addValue("recipient", item.recipient())
                        .addValue("address", item.address())
                        .addValue("event", item.event())
                        .addValue(
                                "caseId",
                                item.caseId() == null ? null : item.caseId().toString())
                        .addValue("subject", clip(item.subject(), 300))
                        .addValue("body", clip(item.body(), 4000))
                        .addValue("queuedAt", utc(item.queuedAt()))
                        .addValue("heldUntil", utc(item.heldUntil())))
                .toList();
        db.batchUpdate(
                "insert into alert_digest_item (id, alert_key, recipient, address, event, case_id, subject, body,"
                        + " queued_at, held_until) values (:id, :key, :recipient, :address, :event, :caseId,"
                        + " :subject, :body, :queuedAt, :heldUntil)",
                rows.toArray(SqlParameterSource[]::new));
    }

    /** Everyone with something unsent. */
    public List<String> recipientsWaiting() {
        return db.queryForList(
                "select distinct recipient from alert_digest_item where sent_at is null",
                new MapSqlParameterSource(),
                String.class);
    }

    /** The recipient's unsent items, oldest first. */
    public List<Item> unsent(String recipient) {
        return db.query(
                "select id, alert_key, recipient, address, event, case_id, subject, body, queued_at, held_until"
                        + " from alert_digest_item where sent_at is null and recipient = :recipient"
                        + " order by queued_at, id",
                new MapSqlParameterSource("recipient", recipient),
                DigestQueue::item);
    }

    public void markSent(Collection<UUID> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        db.update(
                "update alert_digest_item set sent_at = :at where id in (:ids)",
                new MapSqlParameterSource("at", utc(at))
                        .addValue("ids", ids.stream().map(UUID::toString).toList()));
    }

    private static Item item(ResultSet row, int n) throws SQLException {
        String caseId = row.getString("case_id");
        return new Item(
                UUID.fromString(row.getString("id")),
                row.getString("alert_key"),
                row.getString("recipient"),
                row.getString("address"),
                row.getString("event"),
                caseId == null ? null : UUID.fromString(caseId),
                row.getString("subject"),
                row.getString("body"),
                instant(row.getObject("queued_at", LocalDateTime.class)),
                instant(row.getObject("held_until", LocalDateTime.class)));
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
