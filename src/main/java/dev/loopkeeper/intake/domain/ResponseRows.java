package dev.loopkeeper.intake.domain;

import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sharedkernel.persistence.ChangedDays;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Responses and their properties, written with plain batched JDBC: intake's hot path, where an ORM's dirty
 * checking and one statement per property cost more than they give. Read back through {@link FeedbackResponses}.
 */
@Repository
public class ResponseRows {

    /**
     * A response about to be stored.
     *
     * @param caseId the case it went to: its own (the same id), an open case it joined, or none (history)
     */
    public record NewResponse(
            UUID id,
            String source,
            String sourceEventId,
            UUID customerId,
            int score,
            String comment,
            Instant respondedAt,
            Instant receivedAt,
            boolean history,
            Instant sourceUpdatedAt,
            Map<String, String> properties,
            String touchpoint,
            UUID caseId) {}

    /**
     * What a stored response says now, for a survey tool's update of it.
     *
     * @param caseId the case it went to (its own id unless it joined an open case)
     */
    public record Current(
            UUID id,
            int score,
            String comment,
            Instant sourceUpdatedAt,
            boolean history,
            UUID caseId,
            Instant respondedAt) {}

    /** One change a survey tool made to a response. */
    public record Revision(
            UUID responseId,
            Instant revisedAt,
            int scoreBefore,
            int scoreAfter,
            String commentBefore,
            String commentAfter) {}

    private static final int IN_LIST = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final ChangedDays changedDays;

    ResponseRows(NamedParameterJdbcTemplate jdbc, ChangedDays changedDays) {
        this.jdbc = jdbc;
        this.changedDays = changedDays;
    }

    public Optional<UUID> idOf(String source, String sourceEventId) {
        return jdbc
                .query(
                        "select id from feedback_response where source = :source and source_event_id = :event",
                        new MapSqlParameterSource("source", source).addValue("event", sourceEventId),
                        (rs, n) -> UUID.fromString(rs.getString(1)))
                .stream()
                .findFirst();
    }

    /**
     * The stored ones among the source's events, by event id, with the case each went to (its own id, unless it joined
     * another customer's open case); one query per 500 events.
     */
    public Map<String, UUID> casesOf(String source, Collection<String> sourceEventIds) {
        Map<String, UUID> found = new HashMap<>();
        List<String> events = new ArrayList<>(sourceEventIds);
        for (int from = 0; from < events.size(); from += IN_LIST) {
            jdbc.query(
                    "select source_event_id, coalesce(case_id, id) from feedback_response where source = :source "
                            + "and source_event_id in (:events)",
                    new MapSqlParameterSource("source", source)
                            .addValue("events", events.subList(from, Math.min(events.size(), from + IN_LIST))),
                    rs -> {
                        found.put(rs.getString(1), UUID.fromString(rs.getString(2)));
                    });
        }
        return found;
    }

    /** Every response, then every property, each as one batch. */
    public void insert(List<NewResponse> responses) {
        if (responses.isEmpty()) {
            return;
        }
        List<MapSqlParameterSource> properties = new ArrayList<>();
        MapSqlParameterSource[] rows = new MapSqlParameterSource[responses.size()];
        for (int i = 0; i < rows.length; i++) {
            NewResponse r = responses.get(i);
            rows[i] = new MapSqlParameterSource()
                    .addValue("id", r.id().toString())
                    .addValue("source", r.source())
                    .addValue("event", r.sourceEventId())
                    .addValue("customer", r.customerId().toString())
                    .addValue("score", r.score())
                    .addValue("segment", Segment.of(r.score()).name())
                    .addValue("comment", r.comment(), Types.VARCHAR)
                    .addValue("responded", Utc.of(r.respondedAt()))
                    .addValue("received", Utc.of(r.receivedAt()))
                    .addValue("history", r.history())
                    .addValue("updated", Utc.of(r.sourceUpdatedAt()), Types.TIMESTAMP)
                    .addValue("touchpoint", r.touchpoint(), Types.VARCHAR)
                    .addValue("case", r.caseId() == null ? null : r.caseId().toString(), Types.CHAR);
            changedDays.mark(ChangedDays.Kind.RESPONSES, r.respondedAt());
            r.properties()
                    .forEach((name, value) -> properties.add(new MapSqlParameterSource()
                            .addValue("response", r.id().toString())
                            .addValue("name", name)
                            .addValue("value", value)));
        }
        jdbc.batchUpdate(
                "insert into feedback_response (id, source, source_event_id, customer_id, score, segment, "
                        + "comment, responded_at, received_at, history, source_updated_at, touchpoint, case_id) "
                        + "values (:id, :source, :event, :customer, :score, :segment, :comment, :responded, :received, "
                        + ":history, :updated, :touchpoint, :case)",
                rows);
        if (!properties.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into response_property (response_id, prop_name, prop_value) "
                            + "values (:response, :name, :value)",
                    properties.toArray(MapSqlParameterSource[]::new));
        }
    }

    /** The response as it stands, its row locked until the transaction ends: updates of it queue. */
    public Optional<Current> lockedCurrent(String source, String sourceEventId) {
        return jdbc
                .query(
                        "select id, score, comment, source_updated_at, history, coalesce(case_id, id) as case_id, "
                                + "responded_at "
                                + "from feedback_response "
                                + "where source = :source and source_event_id = :event for update",
                        new MapSqlParameterSource("source", source).addValue("event", sourceEventId),
                        (rs, n) -> {
                            return new Current(
                                    UUID.fromString(rs.getString("id")),
                                    rs.getInt("score"),
                                    rs.getString("comment"),
                                    Utc.read(rs, "source_updated_at"),
                                    rs.getBoolean("history"),
                                    UUID.fromString(rs.getString("case_id")),
                                    Utc.read(rs, "responded_at"));
                        })
                .stream()
                .findFirst();
    }

    /** Takes the survey tool's new score and comment, and keeps what they were. */
    public void revise(Current current, int score, String comment, Instant sourceUpdatedAt, Instant now) {
        jdbc.update(
                "update feedback_response set score = :score, segment = :segment, comment = :comment, "
                        + "source_updated_at = :updated where id = :id",
                new MapSqlParameterSource("score", score)
                        .addValue("segment", Segment.of(score).name())
                        .addValue("comment", comment, Types.VARCHAR)
                        .addValue("updated", Utc.of(sourceUpdatedAt), Types.TIMESTAMP)
                        .addValue("id", current.id().toString()));
        changedDays.mark(ChangedDays.Kind.RESPONSES, current.respondedAt());
        jdbc.update(
                "insert into response_revision (id, response_id, revised_at, score_before, score_after, "
                        + "comment_before, comment_after) values (:id, :response, :at, :before, :after, "
                        + ":commentBefore, :commentAfter)",
                new MapSqlParameterSource("id", UUID.randomUUID().toString())
                        .addValue("response", current.id().toString())
                        .addValue("at", Utc.of(now))
                        .addValue("before", current.score())
                        .addValue("after", score)
                        .addValue("commentBefore", current.comment(), Types.VARCHAR)
                        .addValue("commentAfter", comment, Types.VARCHAR));
    }

    public List<Revision> revisionsOf(UUID responseId) {
        return jdbc.query(
                "select revised_at, score_before, score_after, comment_before, comment_after "
                        + "from response_revision where response_id = :id order by revised_at",
                new MapSqlParameterSource("id", responseId.toString()),
                (rs, n) -> new Revision(
                        responseId,
                        Utc.read(rs, "revised_at"),
                        rs.getInt("score_before"),
                        rs.getInt("score_after"),
                        rs.getString("comment_before"),
                        rs.getString("comment_after")));
    }
}
