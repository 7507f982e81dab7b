package dev.loopkeeper.sharedkernel.live;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code live_event}: appended in the transaction of each change, read by id, deleted by age. */
@Repository
class LiveEvents {

    record Row(long id, String topic, String node, String payload) {}

    private final NamedParameterJdbcTemplate db;

    LiveEvents(NamedParameterJdbcTemplate db) {
        this.db = db;
    }

    /** In the caller's transaction, if there is one: a change rolled back takes its event with it. */
    void append(String topic, String node, String payload, Instant at) {
        db.update(
                "insert into live_event (topic, node, payload, created_at) values (:topic, :node, :payload, :at)",
                new MapSqlParameterSource("topic", topic)
                        .addValue("node", node)
                        .addValue("payload", payload)
                        .addValue("at", utc(at)));
    }

    long newestId() {
        Long newest = db.queryForObject("select max(id) from live_event", new MapSqlParameterSource(), Long.class);
        return newest == null ? 0 : newest;
    }

    /**
     * The rows after {@code id} and those of the ids still missing below it, by id: one statement on the primary
     * key, however many sessions the node has.
     */
    List<Row> after(long id, Collection<Long> missing, int limit) {
        String gaps = missing.isEmpty() ? "" : " or id in (:missing)";
        return db.query(
                "select id, topic, node, payload from live_event where id > :id" + gaps + " order by id limit :limit",
                new MapSqlParameterSource("id", id).addValue("missing", missing).addValue("limit", limit),
                (row, n) -> new Row(
                        row.getLong("id"), row.getString("topic"), row.getString("node"), row.getString("payload")));
    }

    int deleteBefore(Instant cutoff) {
        return db.update(
                "delete from live_event where created_at < :cutoff", new MapSqlParameterSource("cutoff", utc(cutoff)));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
