package dev.loopkeeper.outreach.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The connected tools ({@code staff_tool}) and the cases' help-desk tickets ({@code help_desk_ticket}). */
@Repository
public class StaffToolRows {

    /** A tool's connection; url and secret are credentials. */
    public record Tool(String name, String url, String account, String secret, Instant changedAt, String changedBy) {}

    public record Ticket(UUID caseId, long ticketId, String ticketUrl, Instant openedAt, String openedBy) {}

    private final NamedParameterJdbcTemplate jdbc;

    StaffToolRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Tool> tool(String name) {
        return jdbc
                .query(
                        "select name, url, account, secret, changed_at, changed_by from staff_tool where name = :name",
                        new MapSqlParameterSource("name", name),
                        (rs, n) -> new Tool(
                                rs.getString("name"),
                                rs.getString("url"),
                                rs.getString("account"),
                                rs.getString("secret"),
                                instant(rs, "changed_at"),
                                rs.getString("changed_by")))
                .stream()
                .findFirst();
    }

    /** Replaces the tool's connection (a delete and an insert: the same statements on H2 and MariaDB). */
    public void save(Tool tool) {
        remove(tool.name());
        jdbc.update(
                "insert into staff_tool (name, url, account, secret, changed_at, changed_by) "
                        + "values (:name, :url, :account, :secret, :at, :by)",
                new MapSqlParameterSource("name", tool.name())
                        .addValue("url", tool.url())
                        .addValue("account", tool.account())
                        .addValue("secret", tool.secret())
                        .addValue("at", utc(tool.changedAt()))
                        .addValue("by", tool.changedBy()));
    }

    public void remove(String name) {
        jdbc.update("delete from staff_tool where name = :name", new MapSqlParameterSource("name", name));
    }

    public Optional<Ticket> ticketOf(UUID caseId) {
        return jdbc
                .query(
                        "select case_id, ticket_id, ticket_url, opened_at, opened_by from help_desk_ticket "
                                + "where case_id = :caseId",
                        new MapSqlParameterSource("caseId", caseId.toString()),
                        (rs, n) -> new Ticket(
                                UUID.fromString(rs.getString("case_id")),
                                rs.getLong("ticket_id"),
                                rs.getString("ticket_url"),
                                instant(rs, "opened_at"),
                                rs.getString("opened_by")))
                .stream()
                .findFirst();
    }

    public void addTicket(Ticket ticket) {
        jdbc.update(
                "insert into help_desk_ticket (case_id, ticket_id, ticket_url, opened_at, opened_by) "
                        + "values (:caseId, :ticketId, :url, :at, :by)",
                new MapSqlParameterSource("caseId", ticket.caseId().toString())
                        .addValue("ticketId", ticket.ticketId())
                        .addValue("url", ticket.ticketUrl())
                        .addValue("at", utc(ticket.openedAt()))
                        .addValue("by", ticket.openedBy()));
    }

    /** Our columns hold UTC wall-clock time, as Hibernate writes it ({@code hibernate.jdbc.time_zone: UTC}). */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
