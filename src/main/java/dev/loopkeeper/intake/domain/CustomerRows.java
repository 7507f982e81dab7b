package dev.loopkeeper.intake.domain;

import dev.loopkeeper.intake.CustomerDetails;
import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.persistence.SearchText;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Customers written with one upsert statement each (batched for many), never read first: the database's unique
 * key on the external id decides between insert and update, and takes the row lock itself, so concurrent
 * responses of one customer queue for it instead of racing to insert it. A row is rewritten only when the
 * response tells something new.
 */
@Repository
public class CustomerRows {

    /** How a response's details meet what we knew. */
    public enum Merge {
        /** A live or recent response: what it says wins; a field it leaves empty keeps what we knew. */
        LATEST,
        /** A response from the past (an import of history): it only fills what we did not know yet. */
        FILL_GAPS
    }

    /**
     * The customer row after the upsert.
     *
     * @param returning whether the row was there before this upsert: a customer we know, who may have cases
     */
    public record Stored(
            UUID id,
            String externalId,
            String name,
            String email,
            String phone,
            Channel preferredChannel,
            String tier,
            BigDecimal lifetimeValue,
            boolean returning) {}

    private static final List<String> FIELDS =
            List.of("name", "email", "phone", "preferred_channel", "tier", "lifetime_value");

    private final NamedParameterJdbcTemplate jdbc;
    private final Map<Merge, String> upserts = new HashMap<>();

    CustomerRows(NamedParameterJdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        for (Merge merge : Merge.values()) {
            upserts.put(merge, dialect.isMariaDb() ? mariaDb(merge) : h2(merge));
        }
    }

    /**
     * Upserts every customer (one statement each, sent as one batch), then reads them back in one query. Rows are
     * written in the order of their external ids, so that two transactions writing overlapping customers take their
     * locks in the same order and cannot deadlock.
     *
     * @return the stored customers by external id
     */
    public Map<String, Stored> upsert(Collection<CustomerDetails> customers, Instant now, Merge merge) {
        Map<String, CustomerDetails> byId = new java.util.TreeMap<>();
        for (CustomerDetails details : customers) {
            byId.merge(
                    details.externalId(),
                    details,
                    (known, later) -> merge == Merge.LATEST ? combine(later, known) : combine(known, later));
        }
        // a row this upsert inserts gets the id proposed for it; a row that was there keeps its own
        Map<String, UUID> proposed = new HashMap<>();
        MapSqlParameterSource[] rows = byId.values().stream()
                .map(d -> parameters(d, proposed.computeIfAbsent(d.externalId(), id -> UUID.randomUUID()), now))
                .toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate(upserts.get(merge), rows);
        Map<String, String> searchTexts = new HashMap<>();
        Map<String, Stored> stored = find(byId.keySet(), proposed, searchTexts);
        index(stored.values(), searchTexts);
        return stored;
    }

    /** The search column follows what the upsert made of the row; written only where it changed. */
    private void index(Collection<Stored> stored, Map<String, String> searchTexts) {
        List<MapSqlParameterSource> changed = new ArrayList<>();
        for (Stored s : stored) {
            String text = SearchText.of(s.name(), s.externalId(), s.email(), s.phone());
            if (!Objects.equals(text, searchTexts.get(s.externalId()))) {
                changed.add(new MapSqlParameterSource("id", s.id().toString()).addValue("text", text));
            }
        }
        if (!changed.isEmpty()) {
            jdbc.batchUpdate(
                    "update customer set search_text = :text where id = :id",
                    changed.toArray(MapSqlParameterSource[]::new));
        }
    }

    private Map<String, Stored> find(
            Collection<String> externalIds, Map<String, UUID> proposed, Map<String, String> searchTexts) {
        Map<String, Stored> found = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(externalIds);
        for (int from = 0; from < ids.size(); from += 500) {
            jdbc.query(
                    "select id, external_id, name, email, phone, preferred_channel, tier, lifetime_value, "
                            + "search_text from customer where external_id in (:ids)",
                    Collections.singletonMap("ids", ids.subList(from, Math.min(ids.size(), from + 500))),
                    rs -> {
                        Stored stored = stored(rs, proposed);
                        found.put(stored.externalId(), stored);
                        searchTexts.put(stored.externalId(), rs.getString("search_text"));
                    });
        }
        return found;
    }

    private static Stored stored(ResultSet rs, Map<String, UUID> proposed) throws SQLException {
        String channel = rs.getString("preferred_channel");
        UUID id = UUID.fromString(rs.getString("id"));
        return new Stored(
                id,
                rs.getString("external_id"),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("phone"),
                channel == null ? null : Channel.valueOf(channel),
                rs.getString("tier"),
                rs.getBigDecimal("lifetime_value"),
                !id.equals(proposed.get(rs.getString("external_id"))));
    }

    /** Each field of the first that is set, else the second's. */
    private static CustomerDetails combine(CustomerDetails first, CustomerDetails second) {
        return new CustomerDetails(
                first.externalId(),
                or(first.name(), second.name()),
                or(first.email(), second.email()),
                or(first.phone(), second.phone()),
                or(first.preferredChannel(), second.preferredChannel()),
                or(first.tier(), second.tier()),
                or(first.lifetimeValue(), second.lifetimeValue()));
    }

    private static <T> T or(T first, T second) {
        return first != null ? first : second;
    }

    private static MapSqlParameterSource parameters(CustomerDetails d, UUID id, Instant now) {
        return new MapSqlParameterSource()
                .addValue("id", id.toString())
                .addValue("external_id", d.externalId())
                .addValue("name", d.name())
                .addValue("email", d.email())
                .addValue("phone", d.phone())
                .addValue(
                        "preferred_channel",
                        d.preferredChannel() == null
                                ? null
                                : d.preferredChannel().name(),
                        Types.VARCHAR)
                .addValue("tier", d.tier())
                .addValue("lifetime_value", d.lifetimeValue(), Types.DECIMAL)
                // a new row is searchable as it is inserted; a changed one is indexed after the upsert
                .addValue("search_text", SearchText.of(d.name(), d.externalId(), d.email(), d.phone()))
                .addValue("now", Utc.of(now));
    }

    /**
     * MariaDB: INSERT ... ON DUPLICATE KEY UPDATE. Its assignments run left to right and later ones see the new
     * values, so the version and time, which depend on whether anything changes, come first.
     */
    private static String mariaDb(Merge merge) {
        List<String> changed = new ArrayList<>();
        List<String> assignments = new ArrayList<>();
        for (String field : FIELDS) {
            if (merge == Merge.LATEST) {
                changed.add("(values(" + field + ") is not null and not (values(" + field + ") <=> " + field + "))");
                assignments.add(field + " = coalesce(values(" + field + "), " + field + ")");
            } else {
                changed.add("(" + field + " is null and values(" + field + ") is not null)");
                assignments.add(field + " = coalesce(" + field + ", values(" + field + "))");
            }
        }
        String anyChange = String.join(" or ", changed);
        return "insert into customer (id, external_id, name, email, phone, preferred_channel, tier, lifetime_value, "
                + "search_text, created_at, updated_at, version) values (:id, :external_id, :name, :email, :phone, "
                + ":preferred_channel, :tier, :lifetime_value, :search_text, :now, :now, 0) on duplicate key update "
                + "updated_at = if(" + anyChange + ", values(updated_at), updated_at), "
                + "version = if(updated_at = values(updated_at), version + 1, version), "
                + String.join(", ", assignments);
    }

    /** H2: the standard MERGE, which updates only when the condition says something changes. */
    private static String h2(Merge merge) {
        List<String> changed = new ArrayList<>();
        List<String> assignments = new ArrayList<>();
        for (String field : FIELDS) {
            if (merge == Merge.LATEST) {
                changed.add("(s." + field + " is not null and s." + field + " is distinct from c." + field + ")");
                assignments.add(field + " = coalesce(s." + field + ", c." + field + ")");
            } else {
                changed.add("(c." + field + " is null and s." + field + " is not null)");
                assignments.add(field + " = coalesce(c." + field + ", s." + field + ")");
            }
        }
        return "merge into customer c using (select cast(:id as char(36)) id, cast(:external_id as varchar(120)) "
                + "external_id, cast(:name as varchar(200)) name, cast(:email as varchar(320)) email, "
                + "cast(:phone as varchar(40)) phone, cast(:preferred_channel as varchar(10)) preferred_channel, "
                + "cast(:tier as varchar(40)) tier, cast(:lifetime_value as decimal(14, 2)) lifetime_value, "
                + "cast(:search_text as varchar(4000)) search_text, cast(:now as timestamp(6)) now) s "
                + "on c.external_id = s.external_id "
                + "when matched and (" + String.join(" or ", changed) + ") then update set "
                + String.join(", ", assignments) + ", updated_at = s.now, version = c.version + 1 "
                + "when not matched then insert (id, external_id, name, email, phone, preferred_channel, tier, "
                + "lifetime_value, search_text, created_at, updated_at, version) values (s.id, s.external_id, s.name, "
                + "s.email, s.phone, s.preferred_channel, s.tier, s.lifetime_value, s.search_text, s.now, s.now, 0)";
    }
}
