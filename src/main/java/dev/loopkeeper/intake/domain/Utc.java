package dev.loopkeeper.intake.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants as our columns hold them: UTC wall-clock time without a zone, as Hibernate writes them
 * ({@code hibernate.jdbc.time_zone: UTC}), whatever the JVM's own time zone.
 */
public final class Utc {

    private Utc() {}

    public static LocalDateTime of(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant read(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
