package dev.loopkeeper.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The loop's counts per hour a case opened, for the whole company ('') and for each group that took part in the
 * cases (a case counts for each of its groups), with the definitions of {@link LoopKpis}'s statements:
 *
 * <ul>
 *   <li>{@code needed|SEGMENT}, {@code contacted|SEGMENT}, {@code unreachable}: the follow-up rate and reachability;
 *   <li>{@code attempts}, {@code attempted}: contact attempts, and the cases with any;
 *   <li>{@code outcome|CLOSED_AS} ({@code OPEN} while open), {@code cause|ROOT_CAUSE} per resolution,
 *       {@code theme|THEME_ID} per theme of the response that opened the case;
 *   <li>{@code toFirst|seconds} and {@code toResolution|seconds}: histograms of the times, to the minute under a
 *       day and to the hour from a day on (what the screen shows), so a percentile is exact at that resolution;
 *   <li>{@code sla|GROUP|judged} (reached, with an SLA), {@code sla|GROUP|inTime}, {@code sla|GROUP|waiting} (not
 *       reached yet, with an SLA: judged once its due time passed, which a read finds out);
 *   <li>{@code agent|AGENT|contacted}, {@code …|inTime}, {@code …|resolved}, {@code …|attempts}.
 * </ul>
 */
final class CaseCounter implements ReportCounts.Counter {

    private final NamedParameterJdbcTemplate db;

    CaseCounter(NamedParameterJdbcTemplate db) {
        this.db = db;
    }

    /** The histogram's bin of a duration: its start, to the minute under a day, to the hour from a day on. */
    static long bin(long seconds) {
        long step = seconds < 86_400 ? 60 : 3600;
        return Math.floorDiv(seconds, step) * step;
    }

    private record Row(
            long hour,
            String segment,
            String closedAs,
            Instant opened,
            Instant firstContact,
            Instant slaDue,
            Instant resolved,
            String agent,
            long attempts,
            List<String> groups,
            List<String> causes,
            List<String> themes) {}

    @Override
    public Map<String, Map<Long, Counts>> count(Instant from, Instant to) {
        MapSqlParameterSource params =
                new MapSqlParameterSource("from", ResponseCounter.utc(from)).addValue("to", ResponseCounter.utc(to));
        Map<String, Row> cases = new HashMap<>();
        db.query(
                "select c.id, c.opened_at, c.segment, c.closed_as, c.first_contact_at, c.sla_due_at, c.resolved_at,"
                        + " c.contact_agent, (select count(*) from contact_attempt a where a.case_id = c.id)"
                        + " as attempts from follow_up_case c where c.opened_at >= :from and c.opened_at < :to",
                params,
                rs -> {
                    Instant opened = instant(rs.getObject("opened_at", LocalDateTime.class));
                    cases.put(
                            rs.getString("id"),
                            new Row(
                                    ReportCounts.hourOf(opened),
                                    rs.getString("segment"),
                                    rs.getString("closed_as"),
                                    opened,
                                    instant(rs.getObject("first_contact_at", LocalDateTime.class)),
                                    instant(rs.getObject("sla_due_at", LocalDateTime.class)),
                                    instant(rs.getObject("resolved_at", LocalDateTime.class)),
                                    rs.getString("contact_agent"),
                                    rs.getLong("attempts"),
                                    new ArrayList<>(1),
                                    new ArrayList<>(1),
                                    new ArrayList<>(1)));
                });
        if (cases.isEmpty()) {
            return Map.of();
        }
        db.query(
                "select gp.case_id, gp.participant from case_participant gp join follow_up_case c on c.id = gp.case_id"
                        + " where gp.kind = 'group' and c.opened_at >= :from and c.opened_at < :to",
                params,
                rs -> {
                    Row row = cases.get(rs.getString("case_id"));
                    if (row != null) {
                        row.groups().add(rs.getString("participant"));
                    }
                });
        db.query(
                "select s.case_id, s.root_cause from resolution s join follow_up_case c on c.id = s.case_id"
                        + " where c.opened_at >= :from and c.opened_at < :to",
                params,
                rs -> {
                    Row row = cases.get(rs.getString("case_id"));
                    if (row != null) {
                        row.causes().add(rs.getString("root_cause"));
                    }
                });
        // the themes of the response that opened the case (its id is the response's), by theme id: a theme renamed
        // keeps its counts
        db.query(
                "select rt.response_id, rt.theme_id from response_theme rt join follow_up_case c"
                        + " on c.id = rt.response_id where c.opened_at >= :from and c.opened_at < :to",
                params,
                rs -> {
                    Row row = cases.get(rs.getString("response_id"));
                    if (row != null) {
                        row.themes().add(rs.getString("theme_id"));
                    }
                });
        Map<String, Map<Long, Counts>> counted = new HashMap<>();
        for (Row row : cases.values()) {
            Counts company = counts(counted, "", row.hour());
            add(company, row);
            for (String group : row.groups()) {
                Counts ofGroup = counts(counted, group, row.hour());
                add(ofGroup, row);
                sla(company, group, row);
                sla(ofGroup, group, row);
            }
        }
        return counted;
    }

    private static Counts counts(Map<String, Map<Long, Counts>> counted, String grp, long hour) {
        return counted.computeIfAbsent(grp, g -> new HashMap<>()).computeIfAbsent(hour, h -> new Counts());
    }

    private static void add(Counts counts, Row row) {
        String closedAs = row.closedAs() == null ? "" : row.closedAs();
        boolean contacted = row.firstContact() != null;
        boolean needed = !closedAs.equals("NO_FOLLOW_UP") && !(closedAs.equals("THANKED") && !contacted);
        boolean inTime =
                contacted && row.slaDue() != null && !row.firstContact().isAfter(row.slaDue());
        if (needed) {
            counts.add(Counts.key("needed", row.segment()), 1);
            counts.add(Counts.key("contacted", row.segment()), contacted ? 1 : 0);
            counts.add("unreachable", closedAs.equals("UNREACHABLE") ? 1 : 0);
        }
        counts.add("attempts", row.attempts());
        counts.add("attempted", row.attempts() > 0 ? 1 : 0);
        counts.add(Counts.key("outcome", row.closedAs() == null ? "OPEN" : row.closedAs()), 1);
        row.causes().forEach(cause -> counts.add(Counts.key("cause", cause), 1));
        row.themes().forEach(theme -> counts.add(Counts.key("theme", theme), 1));
        if (contacted) {
            counts.add(Counts.key("toFirst", Long.toString(bin(seconds(row.opened(), row.firstContact())))), 1);
            if (row.resolved() != null) {
                counts.add(
                        Counts.key("toResolution", Long.toString(bin(seconds(row.firstContact(), row.resolved())))), 1);
            }
        }
        if (row.agent() != null) {
            counts.add(Counts.key("agent", row.agent(), "contacted"), 1);
            counts.add(Counts.key("agent", row.agent(), "inTime"), inTime ? 1 : 0);
            counts.add(Counts.key("agent", row.agent(), "resolved"), row.resolved() != null ? 1 : 0);
            counts.add(Counts.key("agent", row.agent(), "attempts"), row.attempts());
        }
    }

    private static void sla(Counts counts, String group, Row row) {
        if (row.slaDue() == null) {
            return;
        }
        if (row.firstContact() == null) {
            counts.add(Counts.key("sla", group, "waiting"), 1);
        } else {
            counts.add(Counts.key("sla", group, "judged"), 1);
            counts.add(Counts.key("sla", group, "inTime"), row.firstContact().isAfter(row.slaDue()) ? 0 : 1);
        }
    }

    /** Whole seconds, as the database's {@code timestampdiff(second, …)} counts them. */
    private static long seconds(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return d.isNegative() ? -Duration.between(to, from).getSeconds() : d.getSeconds();
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
