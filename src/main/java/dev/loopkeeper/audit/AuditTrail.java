package dev.loopkeeper.audit;

import dev.loopkeeper.casework.CaseExport;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Groups;
import dev.loopkeeper.sharedkernel.audit.AuditAction;
import dev.loopkeeper.sharedkernel.audit.Audited;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: written from {@link Audited} events in the transaction of the action itself, read by admins. The
 * app only ever inserts here; there is no update or delete in this class or anywhere else.
 */
@Service
public class AuditTrail {

    static final List<String> CSV_HEADER =
            List.of("at", "actor", "action", "target_kind", "target", "case_id", "client_address", "reason", "detail");

    private static final int MAX_TEXT = 1000;

    private final JdbcTemplate db;
    private final Clock clock;

    AuditTrail(JdbcTemplate db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Synchronous, so the entry commits or rolls back with the action it records. */
    @EventListener
    void on(Audited action) {
        db.update(
                "insert into audit_entry (at, actor, action, target_kind, target, case_id, client_address, reason, detail)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                utc(clock.instant()),
                cut(action.actor(), 64),
                action.action().key(),
                action.action().targetKind(),
                cut(action.target(), 200),
                action.caseId() == null ? null : action.caseId().toString(),
                cut(ClientAddress.current(), 64),
                cut(action.reason(), MAX_TEXT),
                cut(action.detail(), MAX_TEXT));
    }

    /** A page of the entries the filter finds, newest first. Admins only. */
    @Transactional(readOnly = true)
    public List<AuditEntry> page(Actor reader, AuditFilter filter, int offset, int limit) {
        requireAdmin(reader);
        Where where = where(filter);
        List<Object> args = new ArrayList<>(where.args());
        args.add(limit);
        args.add(offset);
        return db.query(
                "select * from audit_entry" + where.sql() + " order by id desc limit ? offset ?",
                (rs, n) -> entry(rs),
                args.toArray());
    }

    @Transactional(readOnly = true)
    public int count(Actor reader, AuditFilter filter) {
        requireAdmin(reader);
        Where where = where(filter);
        Integer count = db.queryForObject(
                "select count(*) from audit_entry" + where.sql(),
                Integer.class,
                where.args().toArray());
        return count == null ? 0 : count;
    }

    /**
     * Every entry the filter finds as CSV, streamed row by row (formula-safe cells, times in UTC). The export is
     * itself an entry, written before the rows, so it lists itself.
     */
    @Transactional
    public void writeCsv(Actor reader, AuditFilter filter, OutputStream out) {
        requireAdmin(reader);
        on(Audited.of(reader.userId(), AuditAction.AUDIT_EXPORT, "audit").detail(describe(filter)));
        Where where = where(filter);
        try {
            Writer writer = new OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
            writer.write(CaseExport.line(CSV_HEADER));
            db.query(
                    con -> {
                        var statement =
                                con.prepareStatement("select * from audit_entry" + where.sql() + " order by id desc");
                        statement.setFetchSize(500);
                        for (int i = 0; i < where.args().size(); i++) {
                            statement.setObject(i + 1, where.args().get(i));
                        }
                        return statement;
                    },
                    rs -> {
                        AuditEntry e = entry(rs);
                        try {
                            writer.write(CaseExport.line(java.util.Arrays.asList(
                                    e.at().toString(),
                                    e.actor(),
                                    e.action(),
                                    e.targetKind(),
                                    e.target(),
                                    e.caseId(),
                                    e.clientAddress(),
                                    e.reason(),
                                    e.detail())));
                        } catch (IOException failed) {
                            throw new UncheckedIOException(failed);
                        }
                    });
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireAdmin(Actor reader) {
        if (!reader.isIn(Groups.ADMINS)) {
            throw new AccessDeniedException("Only admins read the audit trail");
        }
    }

    private record Where(String sql, List<Object> args) {}

    private static Where where(AuditFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            conditions.add("actor = ?");
            args.add(filter.actor().strip());
        }
        if (filter.action() != null) {
            conditions.add("action = ?");
            args.add(filter.action().key());
        }
        if (filter.target() != null && !filter.target().isBlank()) {
            conditions.add("(target = ? or case_id = ?)");
            args.add(filter.target().strip());
            args.add(filter.target().strip());
        }
        if (filter.from() != null) {
            conditions.add("at >= ?");
            args.add(utc(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("at < ?");
            args.add(utc(filter.to()));
        }
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), args);
    }

    private static String describe(AuditFilter filter) {
        List<String> parts = new ArrayList<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            parts.add("actor=" + filter.actor().strip());
        }
        if (filter.action() != null) {
            parts.add("action=" + filter.action().key());
        }
        if (filter.target() != null && !filter.target().isBlank()) {
            parts.add("target=" + filter.target().strip());
        }
        if (filter.from() != null) {
            parts.add("from=" + filter.from());
        }
        if (filter.to() != null) {
            parts.add("to=" + filter.to());
        }
        return parts.isEmpty() ? "everything" : String.join(" ", parts);
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(
                rs.getObject("at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("target_kind"),
                rs.getString("target"),
                rs.getString("case_id"),
                rs.getString("client_address"),
                rs.getString("reason"),
                rs.getString("detail"));
    }

    /** As every table stores times: UTC wall-clock time, whatever the JVM's or the database session's zone. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
