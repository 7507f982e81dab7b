package dev.loopkeeper.insight.domain;

import static dev.loopkeeper.insight.domain.Voices.instant;
import static dev.loopkeeper.insight.domain.Voices.utc;
import static dev.loopkeeper.insight.domain.Voices.uuid;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/** The themes and their keywords ({@code theme}, {@code theme_keyword}), and the taxonomy's version and lease. */
@Repository
public class ThemeRows {

    /** A theme as stored; keywords per language, each list sorted. */
    public record Row(
            UUID id,
            String name,
            String owner,
            Map<String, List<String>> keywords,
            String createdBy,
            Instant createdAt,
            boolean spiking) {}

    private final NamedParameterJdbcTemplate db;

    ThemeRows(NamedParameterJdbcTemplate db) {
        this.db = db;
    }

    /** Every theme by name; two statements. */
    public List<Row> all() {
        Map<UUID, Map<String, List<String>>> keywords = new LinkedHashMap<>();
        db.query("select theme_id, language, phrase from theme_keyword order by language, phrase", Map.of(), rs -> {
            keywords.computeIfAbsent(uuid(rs, "theme_id"), k -> new TreeMap<>())
                    .computeIfAbsent(rs.getString("language"), k -> new ArrayList<>())
                    .add(rs.getString("phrase"));
        });
        return db.query(
                "select id, name, owner, created_by, created_at, spiking from theme order by name",
                Map.of(),
                (rs, n) -> new Row(
                        uuid(rs, "id"),
                        rs.getString("name"),
                        rs.getString("owner"),
                        keywords.getOrDefault(uuid(rs, "id"), Map.of()),
                        rs.getString("created_by"),
                        instant(rs, "created_at"),
                        rs.getBoolean("spiking")));
    }

    public Optional<Row> find(UUID id) {
        return all().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public boolean nameTaken(String name, UUID except) {
        Integer n = db.queryForObject(
                "select count(*) from theme where lower(name) = lower(:name) and id <> :except",
                new MapSqlParameterSource("name", name).addValue("except", String.valueOf(except)),
                Integer.class);
        return n != null && n > 0;
    }

    public void insert(UUID id, String name, String owner, String by, Instant at) {
        db.update(
                "insert into theme (id, name, owner, created_by, created_at) values (:id, :name, :owner, :by, :at)",
                new MapSqlParameterSource("id", id.toString())
                        .addValue("name", name)
                        .addValue("owner", owner)
                        .addValue("by", by)
                        .addValue("at", utc(at)));
    }

    public void update(UUID id, String name, String owner) {
        db.update(
                "update theme set name = :name, owner = :owner where id = :id",
                new MapSqlParameterSource("id", id.toString())
                        .addValue("name", name)
                        .addValue("owner", owner));
    }

    public void replaceKeywords(UUID id, Map<String, List<String>> keywords) {
        db.update("delete from theme_keyword where theme_id = :id", new MapSqlParameterSource("id", id.toString()));
        List<SqlParameterSource> rows = new ArrayList<>();
        keywords.forEach((language, phrases) ->
                phrases.forEach(phrase -> rows.add(new MapSqlParameterSource("id", id.toString())
                        .addValue("language", language)
                        .addValue("phrase", phrase))));
        if (!rows.isEmpty()) {
            db.batchUpdate(
                    "insert into theme_keyword (theme_id, language, phrase) values (:id, :language, :phrase)",
                    rows.toArray(SqlParameterSource[]::new));
        }
    }

    public void delete(UUID id) {
        MapSqlParameterSource p = new MapSqlParameterSource("id", id.toString());
        db.update("delete from theme_keyword where theme_id = :id", p);
        db.update("delete from theme where id = :id", p);
    }

    public boolean isEmpty() {
        Integer n = db.queryForObject("select count(*) from theme", Map.of(), Integer.class);
        return n == null || n == 0;
    }

    // --- the taxonomy's version and the retagging lease ---------------------------------------------------

    public long version() {
        Long v = db.queryForObject("select version from theme_taxonomy where id = 1", Map.of(), Long.class);
        return v == null ? 0 : v;
    }

    /** A change to the themes: every response tagged before it is to be retagged. */
    public long raiseVersion(Instant at) {
        db.update(
                "update theme_taxonomy set version = version + 1, changed_at = :at where id = 1",
                new MapSqlParameterSource("at", utc(at)));
        return version();
    }

    /** Takes or renews the retagging lease: true if this node holds it until {@code until}. */
    public boolean lease(String node, Instant now, Instant until) {
        return db.update(
                        "update theme_taxonomy set lease_owner = :node, lease_until = :until where id = 1 and "
                                + "(lease_owner is null or lease_owner = :node or lease_until < :now)",
                        new MapSqlParameterSource("node", node)
                                .addValue("now", utc(now))
                                .addValue("until", utc(until)))
                == 1;
    }

    public void release(String node) {
        db.update(
                "update theme_taxonomy set lease_owner = null, lease_until = null where id = 1 and lease_owner = :node",
                new MapSqlParameterSource("node", node));
    }

    // --- spikes --------------------------------------------------------------------------------------------

    /** Marks the theme spiking; true only for the one caller that changed it (so its owner is alerted once). */
    public boolean startSpike(UUID id) {
        return db.update(
                        "update theme set spiking = true where id = :id and spiking = false",
                        new MapSqlParameterSource("id", id.toString()))
                == 1;
    }

    public void endSpike(UUID id) {
        db.update(
                "update theme set spiking = false where id = :id and spiking = true",
                new MapSqlParameterSource("id", id.toString()));
    }

    public void recordSpike(UUID id, Instant at, int mentions, double mean, double sd, double threshold) {
        db.update(
                "insert into theme_spike (theme_id, detected_at, mentions, usual_mean, usual_sd, threshold) "
                        + "values (:id, :at, :mentions, :mean, :sd, :threshold)",
                new MapSqlParameterSource("id", id.toString())
                        .addValue("at", utc(at))
                        .addValue("mentions", mentions)
                        .addValue("mean", BigDecimal.valueOf(mean).setScale(2, RoundingMode.HALF_UP))
                        .addValue("sd", BigDecimal.valueOf(sd).setScale(2, RoundingMode.HALF_UP))
                        .addValue("threshold", BigDecimal.valueOf(threshold).setScale(2, RoundingMode.HALF_UP)));
    }

    /** A spike as recorded. */
    public record Spike(UUID themeId, Instant detectedAt, int mentions, double mean, double sd, double threshold) {}

    public List<Spike> spikesSince(Instant from) {
        return db.query(
                "select theme_id, detected_at, mentions, usual_mean, usual_sd, threshold from theme_spike "
                        + "where detected_at >= :from order by detected_at desc",
                new MapSqlParameterSource("from", utc(from)),
                (rs, n) -> new Spike(
                        uuid(rs, "theme_id"),
                        instant(rs, "detected_at"),
                        rs.getInt("mentions"),
                        rs.getDouble("usual_mean"),
                        rs.getDouble("usual_sd"),
                        rs.getDouble("threshold")));
    }
}
