package dev.loopkeeper.reporting;

import org.springframework.jdbc.core.JdbcTemplate;

/** {@link ReportFixture} for the view tests in {@code reporting.ui}. */
public final class ReportFixtureAccess {

    private ReportFixtureAccess() {}

    public static void seedOnce(JdbcTemplate jdbc) {
        new ReportFixture(jdbc).seedOnce();
    }
}
