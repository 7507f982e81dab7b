package dev.loopkeeper.casework;

import dev.loopkeeper.sharedkernel.Actor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Who holds how much open work, computed by the database; and moving it from one person to another. */
@Service
@Transactional(readOnly = true)
public class Workload {

    /** Open tasks of one person or group, how many are due today and how many are late. */
    public record Load(String who, long open, long dueToday, long breached) {}

    private static final String COUNTS = """
            count(*) as open_tasks,
            sum(case when due_at < :endOfToday then 1 else 0 end) as due_today,
            sum(case when due_at < :now then 1 else 0 end) as breached
            """;

    private final NamedParameterJdbcTemplate db;
    private final Taskwork taskwork;
    private final Clock clock;

    Workload(NamedParameterJdbcTemplate db, Taskwork taskwork, Clock clock) {
        this.db = db;
        this.taskwork = taskwork;
        this.clock = clock;
    }

    /** Per person holding tasks, busiest first. */
    public List<Load> perPerson(ZoneId zone) {
        return db.query(
                "select assignee as who, " + COUNTS + " from open_task where assignee is not null "
                        + "group by assignee order by open_tasks desc, assignee",
                times(zone),
                (rs, n) -> load(rs));
    }

    /** Per group, all its open tasks whoever holds them, busiest first. */
    public List<Load> perGroup(ZoneId zone) {
        return db.query(
                "select candidate_group as who, " + COUNTS + " from open_task where candidate_group is not null "
                        + "group by candidate_group order by open_tasks desc, candidate_group",
                times(zone),
                (rs, n) -> load(rs));
    }

    /**
     * Moves every open task of one person to another, for example before an absence. Tasks outside the
     * receiver's groups stay where they are, and say so.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public BulkOutcome move(String from, String to, Actor lead) {
        List<String> taskIds = db.queryForList(
                "select id from open_task where assignee = :from order by due_at", Map.of("from", from), String.class);
        return taskwork.reassignAll(taskIds, to, lead);
    }

    private Map<String, Object> times(ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return Map.of(
                "now",
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                "endOfToday",
                LocalDateTime.ofInstant(today.plusDays(1).atStartOfDay(zone).toInstant(), ZoneOffset.UTC));
    }

    private static Load load(ResultSet rs) throws SQLException {
        return new Load(rs.getString("who"), rs.getLong("open_tasks"), rs.getLong("due_today"), rs.getLong("breached"));
    }
}
