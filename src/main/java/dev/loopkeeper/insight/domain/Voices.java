package dev.loopkeeper.insight.domain;

import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sharedkernel.persistence.ChangedDays;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * What customers said, as insight keeps it ({@code customer_voice}), and the themes each response speaks of
 * ({@code response_theme}). Plain batched JDBC: the inserts run on intake's path, one statement per table per
 * transaction whatever the number of responses.
 */
@Repository
public class Voices {

    public static final String KEYWORD = "keyword";
    public static final String AGENT = "agent";

    /** A response as insight keeps it. */
    public record Voice(
            UUID responseId,
            Instant respondedAt,
            int score,
            String comment,
            String language,
            String customerRef,
            BigDecimal lifetimeValue,
            boolean openedCase) {

        public Segment segment() {
            return Segment.of(score);
        }
    }

    /** A stored response waiting for its tags, with whether an agent decided them. */
    public record Untagged(UUID responseId, Instant respondedAt, String comment, String language, boolean judged) {}

    /** A theme of a response, and whether keywords found it or an agent decided it. */
    public record Tag(UUID themeId, String origin) {}

    private static final int IN_LIST = 500;

    private final NamedParameterJdbcTemplate db;
    private final ChangedDays changedDays;

    Voices(NamedParameterJdbcTemplate db, ChangedDays changedDays) {
        this.changedDays = changedDays;
        this.db = db;
    }

    public static LocalDate weekOf(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().with(DayOfWeek.MONDAY);
    }

    public static LocalDateTime utc(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : UUID.fromString(value.strip());
    }

    /** Stores new responses, tagged by keywords of the taxonomy at {@code version}; one statement per table. */
    public void insert(List<Voice> voices, long version, Map<UUID, Set<UUID>> themes) {
        if (voices.isEmpty()) {
            return;
        }
        db.batchUpdate(
                "insert into customer_voice (response_id, responded_at, week, score, segment, comment, language, "
                        + "customer_ref, lifetime_value, opened_case, tagged_version) values (:id, :at, :week, "
                        + ":score, :segment, :comment, :language, :customer, :value, :opened, :version)",
                voices.stream()
                        .map(v -> new MapSqlParameterSource("id", v.responseId().toString())
                                .addValue("at", utc(v.respondedAt()))
                                .addValue("week", weekOf(v.respondedAt()))
                                .addValue("score", v.score())
                                .addValue("segment", v.segment().name())
                                .addValue("comment", v.comment())
                                .addValue("language", v.language())
                                .addValue("customer", v.customerRef())
                                .addValue("value", v.lifetimeValue())
                                .addValue("opened", v.openedCase())
                                .addValue("version", version))
                        .toArray(SqlParameterSource[]::new));
        tag(themes, KEYWORD);
    }

    private void tag(Map<UUID, ? extends Collection<UUID>> themes, String origin) {
        List<SqlParameterSource> rows = new ArrayList<>();
        themes.forEach((response, ids) ->
                ids.forEach(theme -> rows.add(new MapSqlParameterSource("response", response.toString())
                        .addValue("theme", theme.toString())
                        .addValue("origin", origin))));
        if (!rows.isEmpty()) {
            db.batchUpdate(
                    "insert into response_theme (response_id, theme_id, origin) values (:response, :theme, :origin)",
                    rows.toArray(SqlParameterSource[]::new));
        }
        // the reports count the themes of the cases these responses opened
        changedDays.casesChanged(themes.keySet());
    }

    public Optional<Untagged> find(UUID responseId) {
        return db
                .query(
                        "select response_id, responded_at, comment, language, judged_by from customer_voice "
                                + "where response_id = :id",
                        new MapSqlParameterSource("id", responseId.toString()),
                        (rs, n) -> untagged(rs))
                .stream()
                .findFirst();
    }

    /** A survey tool changed the response: its score and comment, and its keyword tags unless an agent decided. */
    public void revise(UUID responseId, int score, String comment, long version, Set<UUID> themes, boolean judged) {
        db.update(
                "update customer_voice set score = :score, segment = :segment, comment = :comment, "
                        + "tagged_version = :version where response_id = :id",
                new MapSqlParameterSource("id", responseId.toString())
                        .addValue("score", score)
                        .addValue("segment", Segment.of(score).name())
                        .addValue("comment", comment)
                        .addValue("version", version));
        if (!judged) {
            retag(Map.of(responseId, themes));
        }
    }

    /** Responses tagged with an older taxonomy than {@code version}, in id order, at most {@code limit}. */
    public List<Untagged> taggedBefore(long version, int limit) {
        return db.query(
                "select response_id, responded_at, comment, language, judged_by from customer_voice "
                        + "where tagged_version < :version order by response_id limit " + limit,
                new MapSqlParameterSource("version", version),
                (rs, n) -> untagged(rs));
    }

    public long countTaggedBefore(long version) {
        Long n = db.queryForObject(
                "select count(*) from customer_voice where tagged_version < :version",
                new MapSqlParameterSource("version", version),
                Long.class);
        return n == null ? 0 : n;
    }

    public long count() {
        Long n = db.queryForObject("select count(*) from customer_voice", Map.of(), Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Replaces the keyword tags of responses no agent judged, and marks all of them tagged at {@code version}
     * with their language and week (rows from before themes existed had neither).
     */
    public void retagged(List<Untagged> batch, Map<UUID, String> languages, Map<UUID, Set<UUID>> themes, long version) {
        if (batch.isEmpty()) {
            return;
        }
        retag(themes);
        db.batchUpdate(
                "update customer_voice set tagged_version = :version, language = :language, week = :week "
                        + "where response_id = :id",
                batch.stream()
                        .map(u -> new MapSqlParameterSource("id", u.responseId().toString())
                                .addValue("version", version)
                                .addValue("language", languages.get(u.responseId()))
                                .addValue("week", weekOf(u.respondedAt())))
                        .toArray(SqlParameterSource[]::new));
    }

    private void retag(Map<UUID, Set<UUID>> themes) {
        List<String> ids = themes.keySet().stream().map(UUID::toString).toList();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            db.update(
                    "delete from response_theme where origin = :origin and response_id in (:ids)",
                    new MapSqlParameterSource("origin", KEYWORD)
                            .addValue("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIST))));
        }
        tag(themes, KEYWORD);
    }

    public List<Tag> tagsOf(UUID responseId) {
        return db.query(
                "select theme_id, origin from response_theme where response_id = :id",
                new MapSqlParameterSource("id", responseId.toString()),
                (rs, n) -> new Tag(uuid(rs, "theme_id"), rs.getString("origin")));
    }

    /** An agent decided the response's themes: they replace the keywords' for good, and the decision is kept. */
    public void judge(UUID responseId, Set<UUID> themes, String by, Instant at, String before, String after) {
        MapSqlParameterSource id = new MapSqlParameterSource("id", responseId.toString());
        db.update("delete from response_theme where response_id = :id", id);
        tag(Map.of(responseId, themes), AGENT);
        db.update(
                "update customer_voice set judged_by = :by, judged_at = :at where response_id = :id",
                new MapSqlParameterSource("id", responseId.toString())
                        .addValue("by", by)
                        .addValue("at", utc(at)));
        db.update(
                "insert into theme_judgement (id, response_id, judged_by, judged_at, themes_before, themes_after) "
                        + "values (:jid, :id, :by, :at, :before, :after)",
                new MapSqlParameterSource("jid", UUID.randomUUID().toString())
                        .addValue("id", responseId.toString())
                        .addValue("by", by)
                        .addValue("at", utc(at))
                        .addValue("before", before)
                        .addValue("after", after));
    }

    /** A theme is gone: so are its tags. */
    public void forgetTheme(UUID themeId) {
        changedDays.casesChanged(db
                .queryForList(
                        "select response_id from response_theme where theme_id = :theme",
                        new MapSqlParameterSource("theme", themeId.toString()),
                        String.class)
                .stream()
                .map(UUID::fromString)
                .toList());
        db.update(
                "delete from response_theme where theme_id = :theme",
                new MapSqlParameterSource("theme", themeId.toString()));
    }

    // --- reading --------------------------------------------------------------------------------------------

    /** Mentions per theme, week and segment, from the week of {@code from} on: [theme, week, segment, count]. */
    public record WeeklyCount(UUID themeId, LocalDate week, Segment segment, int mentions) {}

    public List<WeeklyCount> weekly(LocalDate fromWeek) {
        return db.query(
                "select t.theme_id, v.week, v.segment, count(*) n from response_theme t "
                        + "join customer_voice v on v.response_id = t.response_id where v.week >= :from "
                        + "group by t.theme_id, v.week, v.segment",
                new MapSqlParameterSource("from", fromWeek),
                (rs, n) -> new WeeklyCount(
                        uuid(rs, "theme_id"),
                        rs.getObject("week", LocalDate.class),
                        Segment.valueOf(rs.getString("segment")),
                        rs.getInt("n")));
    }

    /** Mentions per theme answered at or after {@code from} and before {@code to}. */
    public Map<UUID, Integer> mentionsBetween(Instant from, Instant to) {
        Map<UUID, Integer> counts = new HashMap<>();
        db.query(
                "select t.theme_id, count(*) n from response_theme t join customer_voice v "
                        + "on v.response_id = t.response_id where v.responded_at >= :from and v.responded_at < :to "
                        + "group by t.theme_id",
                new MapSqlParameterSource("from", utc(from)).addValue("to", utc(to)),
                rs -> {
                    counts.put(uuid(rs, "theme_id"), rs.getInt("n"));
                });
        return counts;
    }

    /** Responses per segment answered since {@code from}: the NPS every theme's drag is measured against. */
    public Map<Segment, Integer> segmentsSince(Instant from) {
        Map<Segment, Integer> counts = new HashMap<>();
        db.query(
                "select segment, count(*) n from customer_voice where responded_at >= :from group by segment",
                new MapSqlParameterSource("from", utc(from)),
                rs -> {
                    counts.put(Segment.valueOf(rs.getString("segment")), rs.getInt("n"));
                });
        return counts;
    }

    /** Per theme and customer since {@code from}: their mentions, lowest score and (highest) lifetime value. */
    public record CustomerOfTheme(
            UUID themeId,
            String customerRef,
            int mentions,
            int detractorMentions,
            int promoterMentions,
            int lowestScore,
            BigDecimal lifetimeValue) {}

    public List<CustomerOfTheme> customersOfThemes(Instant from) {
        return db.query(
                "select t.theme_id, v.customer_ref, count(*) n, "
                        + "sum(case when v.segment = 'DETRACTOR' then 1 else 0 end) d, "
                        + "sum(case when v.segment = 'PROMOTER' then 1 else 0 end) p, "
                        + "min(v.score) low, max(v.lifetime_value) ltv from response_theme t "
                        + "join customer_voice v on v.response_id = t.response_id where v.responded_at >= :from "
                        + "group by t.theme_id, v.customer_ref",
                new MapSqlParameterSource("from", utc(from)),
                (rs, n) -> new CustomerOfTheme(
                        uuid(rs, "theme_id"),
                        rs.getString("customer_ref"),
                        rs.getInt("n"),
                        rs.getInt("d"),
                        rs.getInt("p"),
                        rs.getInt("low"),
                        rs.getBigDecimal("ltv")));
    }

    /** Detractors' and passives' comments since {@code from}, the latest first, at most {@code limit}. */
    public List<PhraseCounter.Comment> critical(Instant from, int limit) {
        return db.query(
                "select response_id, comment, language from customer_voice where responded_at >= :from "
                        + "and segment in ('DETRACTOR', 'PASSIVE') and comment is not null "
                        + "order by responded_at desc limit " + limit,
                new MapSqlParameterSource("from", utc(from)),
                (rs, n) -> new PhraseCounter.Comment(
                        uuid(rs, "response_id"), rs.getString("comment"), rs.getString("language")));
    }

    /** The responses with a case that speak of the theme since {@code from}: the cases an action can link. */
    public List<UUID> casesOf(UUID themeId, Instant from) {
        return db.query(
                "select v.response_id from response_theme t join customer_voice v on v.response_id = t.response_id "
                        + "where t.theme_id = :theme and v.opened_case = true and v.responded_at >= :from "
                        + "order by v.responded_at",
                new MapSqlParameterSource("theme", themeId.toString()).addValue("from", utc(from)),
                (rs, n) -> uuid(rs, "response_id"));
    }

    /** Promoters, passives and detractors among the responses of the theme's customers, before and after a time. */
    public record Nps(int promoters, int passives, int detractors) {

        public int responses() {
            return promoters + passives + detractors;
        }

        /** -100 to 100; null without responses. */
        public Double score() {
            return responses() == 0 ? null : 100.0 * (promoters - detractors) / responses();
        }
    }

    /**
     * The NPS of the customers who raised the theme before {@code at}: from their responses at or after {@code from}
     * and before {@code at} (false), and from those at or after {@code at} (true).
     */
    public Map<Boolean, Nps> npsOfThemeCustomers(UUID themeId, Instant from, Instant at) {
        String customers = "select c.customer_ref from response_theme t join customer_voice c on c.response_id = "
                + "t.response_id where t.theme_id = :theme and c.responded_at < :at";
        MapSqlParameterSource params = new MapSqlParameterSource("theme", themeId.toString())
                .addValue("from", utc(from))
                .addValue("at", utc(at));
        Map<Boolean, Nps> nps = new HashMap<>();
        nps.put(false, nps("v.responded_at >= :from and v.responded_at < :at", customers, params));
        nps.put(true, nps("v.responded_at >= :at", customers, params));
        return nps;
    }

    private Nps nps(String when, String customers, MapSqlParameterSource params) {
        int[] counts = new int[Segment.values().length];
        db.query(
                "select v.segment, count(*) n from customer_voice v where " + when + " and v.customer_ref in ("
                        + customers + ") group by v.segment",
                params,
                rs -> {
                    counts[Segment.valueOf(rs.getString("segment")).ordinal()] += rs.getInt("n");
                });
        return new Nps(
                counts[Segment.PROMOTER.ordinal()],
                counts[Segment.PASSIVE.ordinal()],
                counts[Segment.DETRACTOR.ordinal()]);
    }

    private static Untagged untagged(ResultSet rs) throws SQLException {
        return new Untagged(
                uuid(rs, "response_id"),
                instant(rs, "responded_at"),
                rs.getString("comment"),
                rs.getString("language"),
                rs.getString("judged_by") != null);
    }
}
