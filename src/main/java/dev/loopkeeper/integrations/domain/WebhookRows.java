package dev.loopkeeper.integrations.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Outbound webhook subscriptions and their deliveries (the outbox the dispatcher sends from). */
@Repository
public class WebhookRows {

    public record Subscription(
            UUID id,
            String url,
            String secret,
            String events,
            String description,
            Instant createdAt,
            String createdBy) {}

    public record Delivery(
            String id,
            UUID subscriptionId,
            String eventType,
            UUID caseId,
            String payload,
            String status,
            int attempts,
            int retriesLeft,
            Instant nextAttemptAt,
            Instant lastAttemptAt,
            Integer responseCode,
            String lastError,
            Instant createdAt,
            Instant deliveredAt) {}

    private static final String DELIVERY_COLUMNS = "id, subscription_id, event_type, case_id, payload, status, "
            + "attempts, retries_left, next_attempt_at, last_attempt_at, response_code, last_error, created_at, "
            + "delivered_at";

    private static final RowMapper<Delivery> DELIVERY = (rs, n) -> new Delivery(
            rs.getString("id"),
            UUID.fromString(rs.getString("subscription_id")),
            rs.getString("event_type"),
            rs.getString("case_id") == null ? null : UUID.fromString(rs.getString("case_id")),
            rs.getString("payload"),
            rs.getString("status"),
            rs.getInt("attempts"),
            rs.getInt("retries_left"),
            instant(rs, "next_attempt_at"),
            instant(rs, "last_attempt_at"),
            (Integer) rs.getObject("response_code", Integer.class),
            rs.getString("last_error"),
            instant(rs, "created_at"),
            instant(rs, "delivered_at"));

    private final NamedParameterJdbcTemplate jdbc;

    WebhookRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Subscription> subscriptions() {
        return jdbc.query(
                "select id, url, secret, events, description, created_at, created_by "
                        + "from outbound_webhook_subscription order by created_at",
                (rs, n) -> new Subscription(
                        UUID.fromString(rs.getString("id")),
                        rs.getString("url"),
                        rs.getString("secret"),
                        rs.getString("events"),
                        rs.getString("description"),
                        instant(rs, "created_at"),
                        rs.getString("created_by")));
    }

    public void addSubscription(Subscription s) {
        jdbc.update(
                "insert into outbound_webhook_subscription (id, url, secret, events, description, created_at, "
                        + "created_by) values (:id, :url, :secret, :events, :description, :at, :by)",
                new MapSqlParameterSource("id", s.id().toString())
                        .addValue("url", s.url())
                        .addValue("secret", s.secret())
                        .addValue("events", s.events())
                        .addValue("description", s.description())
                        .addValue("at", utc(s.createdAt()))
                        .addValue("by", s.createdBy()));
    }

    /** Removes the subscription; its deliveries not yet sent go with it (nobody would receive them). */
    public boolean removeSubscription(UUID id) {
        MapSqlParameterSource param = new MapSqlParameterSource("id", id.toString());
        jdbc.update("delete from outbound_webhook_delivery where subscription_id = :id and status = 'PENDING'", param);
        return jdbc.update("delete from outbound_webhook_subscription where id = :id", param) == 1;
    }

    public void addDelivery(
            String id, UUID subscriptionId, String type, UUID caseId, String payload, int retries, Instant now) {
        jdbc.update(
                "insert into outbound_webhook_delivery (id, subscription_id, event_type, case_id, payload, status, "
                        + "attempts, retries_left, next_attempt_at, created_at) values (:id, :subscription, :type, "
                        + ":caseId, :payload, 'PENDING', 0, :retries, :now, :now)",
                new MapSqlParameterSource("id", id)
                        .addValue("subscription", subscriptionId.toString())
                        .addValue("type", type)
                        .addValue("caseId", caseId == null ? null : caseId.toString())
                        .addValue("payload", payload)
                        .addValue("retries", retries)
                        .addValue("now", utc(now)));
    }

    public Optional<Delivery> delivery(String id) {
        return jdbc
                .query(
                        "select " + DELIVERY_COLUMNS + " from outbound_webhook_delivery where id = :id",
                        new MapSqlParameterSource("id", id),
                        DELIVERY)
                .stream()
                .findFirst();
    }

    /** The delivery log, newest first. */
    public List<Delivery> recent(int offset, int limit) {
        return jdbc.query(
                "select " + DELIVERY_COLUMNS + " from outbound_webhook_delivery order by created_at desc, id "
                        + "limit :limit offset :offset",
                new MapSqlParameterSource("limit", limit).addValue("offset", offset),
                DELIVERY);
    }

    public int count() {
        Integer count = jdbc.queryForObject(
                "select count(*) from outbound_webhook_delivery", new MapSqlParameterSource(), Integer.class);
        return count == null ? 0 : count;
    }

    /** Ids of deliveries that were sent or failed before the time, oldest first: what the log no longer keeps. */
    public List<String> finishedBefore(Instant before, int limit) {
        return jdbc.queryForList(
                "select id from outbound_webhook_delivery where status in ('SENT', 'FAILED') "
                        + "and created_at < :before order by created_at limit :limit",
                new MapSqlParameterSource("before", utc(before)).addValue("limit", limit),
                String.class);
    }

    /** Removes the deliveries, unless a replay made one pending again meanwhile. */
    public int removeFinished(List<String> ids) {
        return ids.isEmpty()
                ? 0
                : jdbc.update(
                        "delete from outbound_webhook_delivery where id in (:ids) and status in ('SENT', 'FAILED')",
                        new MapSqlParameterSource("ids", ids));
    }

    /** Ids of deliveries due now whose lease, if any, has run out; oldest first. */
    public List<String> due(Instant now, int limit) {
        return jdbc.queryForList(
                "select id from outbound_webhook_delivery where status = 'PENDING' and next_attempt_at <= :now "
                        + "and (leased_until is null or leased_until < :now) order by next_attempt_at limit :limit",
                new MapSqlParameterSource("now", utc(now)).addValue("limit", limit),
                String.class);
    }

    /**
     * Takes the lease on a due delivery. One statement, so of two nodes that try at once the database lets one
     * update the row; the other's condition no longer holds and it updates nothing.
     */
    public boolean lease(String id, String node, Instant now, Instant until) {
        return jdbc.update(
                        "update outbound_webhook_delivery set leased_by = :node, leased_until = :until "
                                + "where id = :id and status = 'PENDING' and next_attempt_at <= :now "
                                + "and (leased_until is null or leased_until < :now)",
                        new MapSqlParameterSource("id", id)
                                .addValue("node", node)
                                .addValue("now", utc(now))
                                .addValue("until", utc(until)))
                == 1;
    }

    /** The attempt's outcome, written only by the node that holds the lease. */
    public boolean attempted(
            String id,
            String node,
            String status,
            int retriesLeft,
            Instant at,
            Instant nextAttemptAt,
            Integer responseCode,
            String error) {
        return jdbc.update(
                        "update outbound_webhook_delivery set status = :status, attempts = attempts + 1, "
                                + "retries_left = :retries, last_attempt_at = :at, next_attempt_at = :next, "
                                + "response_code = :code, last_error = :error, leased_by = null, leased_until = null"
                                + ("SENT".equals(status) ? ", delivered_at = :at" : "")
                                + " where id = :id and leased_by = :node",
                        new MapSqlParameterSource("id", id)
                                .addValue("node", node)
                                .addValue("status", status)
                                .addValue("retries", retriesLeft)
                                .addValue("at", utc(at))
                                .addValue("next", utc(nextAttemptAt))
                                .addValue("code", responseCode)
                                .addValue("error", error))
                == 1;
    }

    /**
     * Sends the delivery once more, as it was (same id and body), as soon as a node takes it; not while a node is
     * sending it.
     */
    public boolean replay(String id, Instant now) {
        return jdbc.update(
                        "update outbound_webhook_delivery set status = 'PENDING', retries_left = 0, "
                                + "next_attempt_at = :now where id = :id "
                                + "and (leased_until is null or leased_until < :now)",
                        new MapSqlParameterSource("id", id).addValue("now", utc(now)))
                == 1;
    }

    /** Our columns hold UTC wall-clock time, as Hibernate writes it ({@code hibernate.jdbc.time_zone: UTC}). */
    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
