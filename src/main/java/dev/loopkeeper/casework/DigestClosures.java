package dev.loopkeeper.casework;

import dev.loopkeeper.outreach.ClosedCases;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The cases the digests say closed: those closed in the window that one of the groups took part in (owned, or was
 * offered a task of), as {@code case_participant} remembers them. Two statements, on the index by closing time.
 */
@Component
class DigestClosures implements ClosedCases {

    private static final String CLOSED_IN_WINDOW =
            " from follow_up_case c where c.closed_at >= :since" + " and c.closed_at < :until";

    private static final String OF_GROUPS = " and exists (select 1 from case_participant p where p.case_id = c.id"
            + " and p.kind = 'group' and p.participant in (:groups))";

    private final NamedParameterJdbcTemplate db;

    DigestClosures(NamedParameterJdbcTemplate db) {
        this.db = db;
    }

    @Override
    public Closed between(Set<String> groups, Instant since, Instant until, int lines) {
        String where = CLOSED_IN_WINDOW + (groups == null ? "" : OF_GROUPS);
        MapSqlParameterSource parameters = new MapSqlParameterSource("since", utc(since))
                .addValue("until", utc(until))
                .addValue("groups", groups)
                .addValue("lines", lines);
        Integer count = db.queryForObject("select count(*)" + where, parameters, Integer.class);
        if (count == null || count == 0) {
            return Closed.NONE;
        }
        List<String> newest = db.query(
                "select c.customer_name, c.segment, c.closed_as" + where + " order by c.closed_at desc limit :lines",
                parameters,
                (row, n) -> line(row.getString(1), row.getString(2), row.getString(3)));
        return new Closed(count, newest);
    }

    private static String line(String customer, String segment, String closedAs) {
        String how = closedAs == null ? "closed" : closedAs.toLowerCase().replace('_', ' ');
        return (customer == null ? "A customer" : customer) + " (" + segment.toLowerCase() + "): " + how;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
