package dev.loopkeeper.intake.domain;

import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Webhook deliveries already taken, by the sender's id. The primary key makes two nodes taking the same delivery at
 * once impossible: the second insert fails, its transaction runs again and finds the first.
 */
@Repository
public class WebhookDeliveryRows {

    public record Delivery(String source, String deliveryId, Instant sentAt, UUID responseId) {}

    private final NamedParameterJdbcTemplate jdbc;

    WebhookDeliveryRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Delivery> find(String source, String deliveryId) {
        return jdbc
                .query(
                        "select sent_at, response_id from webhook_delivery where source = :source and delivery_id = :id",
                        new MapSqlParameterSource("source", source).addValue("id", deliveryId),
                        (rs, n) -> {
                            String response = rs.getString("response_id");
                            return new Delivery(
                                    source,
                                    deliveryId,
                                    Utc.read(rs, "sent_at"),
                                    response == null ? null : UUID.fromString(response));
                        })
                .stream()
                .findFirst();
    }

    public void insert(Delivery delivery, Instant receivedAt) {
        jdbc.update(
                "insert into webhook_delivery (source, delivery_id, sent_at, received_at, response_id) "
                        + "values (:source, :id, :sent, :received, :response)",
                new MapSqlParameterSource("source", delivery.source())
                        .addValue("id", delivery.deliveryId())
                        .addValue("sent", Utc.of(delivery.sentAt()), Types.TIMESTAMP)
                        .addValue("received", Utc.of(receivedAt))
                        .addValue(
                                "response",
                                delivery.responseId() == null
                                        ? null
                                        : delivery.responseId().toString(),
                                Types.CHAR));
    }

    /** @return how many were deleted */
    public int deleteReceivedBefore(Instant before) {
        return jdbc.update(
                "delete from webhook_delivery where received_at < :before",
                new MapSqlParameterSource("before", Utc.of(before)));
    }
}
