package dev.loopkeeper.intake.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The signing secrets of webhook sources. */
@Repository
public class WebhookSecretRows {

    public record Row(UUID id, String source, String secret, Instant addedAt, String addedBy) {}

    private final NamedParameterJdbcTemplate jdbc;

    WebhookSecretRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> secretsOf(String source) {
        return jdbc.queryForList(
                "select secret from webhook_secret where source = :source",
                new MapSqlParameterSource("source", source),
                String.class);
    }

    public List<Row> all() {
        return jdbc.query(
                "select id, source, secret, added_at, added_by from webhook_secret order by source, added_at",
                (rs, n) -> new Row(
                        UUID.fromString(rs.getString("id")),
                        rs.getString("source"),
                        rs.getString("secret"),
                        Utc.read(rs, "added_at"),
                        rs.getString("added_by")));
    }

    public UUID add(String source, String secret, Instant now, String by) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into webhook_secret (id, source, secret, added_at, added_by) "
                        + "values (:id, :source, :secret, :at, :by)",
                new MapSqlParameterSource("id", id.toString())
                        .addValue("source", source)
                        .addValue("secret", secret)
                        .addValue("at", Utc.of(now))
                        .addValue("by", by));
        return id;
    }

    public boolean remove(UUID id) {
        return jdbc.update("delete from webhook_secret where id = :id", new MapSqlParameterSource("id", id.toString()))
                == 1;
    }
}
