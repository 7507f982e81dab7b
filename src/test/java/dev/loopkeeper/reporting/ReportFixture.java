package dev.loopkeeper.reporting;

import dev.loopkeeper.sharedkernel.persistence.ChangedDays;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small company in early 2031 (years after anything else the tests store), written straight into the tables the
 * reports read, with every figure worked out by hand in {@link ReportsContract}. Written once per database.
 */
final class ReportFixture {

    private final JdbcTemplate db;

    ReportFixture(JdbcTemplate db) {
        this.db = db;
    }

    void seedOnce() {
        Integer done =
                db.queryForObject("select count(*) from customer where external_id = 'rep-seeded'", Integer.class);
        if (done != null && done > 0) {
            return;
        }
        customer("rep-seeded", null, null);
        // January in Madrid: 25 promoters, 15 passives, 10 detractors. The first answered on 31 Dec at 23:30 UTC,
        // which is already 1 January in Madrid. 20 of the promoters name the region north.
        for (int i = 0; i < 50; i++) {
            Instant at = i == 0 ? Instant.parse("2030-12-31T23:30:00Z") : Instant.parse("2031-01-15T12:00:00Z");
            int score = i < 25 ? 10 : i < 40 ? 8 : 3;
            String customer = customer("rep-jan-" + i, i >= 40 ? new BigDecimal("2000") : null, i < 25 ? "gold" : null);
            response(customer, score, at, i < 20 ? "north" : null);
        }
        // February in Madrid: 10 promoters, 10 passives, 20 detractors; the first on 31 Jan 23:30 UTC.
        for (int i = 0; i < 40; i++) {
            Instant at = i == 0 ? Instant.parse("2031-01-31T23:30:00Z") : Instant.parse("2031-02-10T12:00:00Z");
            int score = i < 10 ? 9 : i < 20 ? 7 : 0;
            response(customer("rep-feb-" + i, null, null), score, at, null);
        }
        // March: 5 promoters and 5 detractors, too few to compare.
        for (int i = 0; i < 10; i++) {
            response(customer("rep-mar-" + i, null, null), i < 5 ? 9 : 6, Instant.parse("2031-03-10T12:00:00Z"), null);
        }

        // Cases opened on 10 January 2031, 08:00 UTC.
        UUID c1 = kase(
                "DETRACTOR",
                "team-a",
                "2031-01-11T08:00:00Z",
                "2031-01-10T09:00:00Z",
                "2031-01-12T09:00:00Z",
                "RESOLVED",
                "fiona");
        UUID c2 = kase(
                "DETRACTOR",
                "team-a",
                "2031-01-11T08:00:00Z",
                "2031-01-10T11:00:00Z",
                "2031-01-11T11:00:00Z",
                "RESOLVED",
                "fiona");
        UUID c3 = kase(
                "DETRACTOR",
                "team-a",
                "2031-01-11T08:00:00Z",
                "2031-01-12T08:00:00Z",
                "2031-01-12T20:00:00Z",
                "RESOLVED",
                "frank");
        UUID c4 = kase("DETRACTOR", "team-b", "2031-01-11T08:00:00Z", null, null, "UNREACHABLE", null);
        UUID c5 = kase("PASSIVE", "team-b", "2031-01-12T08:00:00Z", "2031-01-10T08:30:00Z", null, "THANKED", "frank");
        kase("PROMOTER", "team-b", null, null, null, "THANKED", null);
        kase("PASSIVE", "team-a", null, null, null, "NO_FOLLOW_UP", null);
        UUID c8 = kase("DETRACTOR", "team-a", "2031-01-11T08:00:00Z", null, null, null, null);
        attempts(c1, 1, "fiona");
        attempts(c2, 2, "fiona");
        attempts(c3, 3, "frank");
        attempts(c4, 3, "frank");
        attempts(c5, 1, "frank");
        resolution(c1, "PRODUCT");
        resolution(c2, "PRODUCT");
        resolution(c3, "PROCESS");
        breach(c3, "team-a", "Task_ContactCustomer");
        breach(c4, "team-b", "Task_ContactCustomer");
        breach(c8, "team-a", "Task_ContactCustomer");
        breach(c1, "team-a", "Task_LogResolution");
        UUID delivery = theme("Reports delivery");
        UUID price = theme("Reports price");
        mentions(c1, delivery);
        mentions(c2, delivery);
        mentions(c3, delivery);
        mentions(c1, price);
        action("2031-01-01T00:00:00Z", "2031-01-11T00:00:00Z");
        action("2031-01-05T00:00:00Z", "2031-01-25T00:00:00Z");
        action("2031-01-10T00:00:00Z", "2031-01-14T00:00:00Z");
        action("2031-01-20T00:00:00Z", "2031-02-02T00:00:00Z");
        // Re-surveys answered in January: 3 → 9 and 2 → 7 recovered, 3 → 4 did not; a passive's and an unanswered
        // one do not count.
        customer("rep-back-1", new BigDecimal("5000"), null);
        resurvey(c1, "rep-back-1", 3, 9, "ANSWERED");
        resurvey(c2, "rep-back-2", 2, 7, "ANSWERED");
        resurvey(c3, "rep-back-3", 3, 4, "ANSWERED");
        resurvey(c5, "rep-back-5", 8, 10, "ANSWERED");
        resurvey(c4, "rep-back-4", 1, null, "SENT");
        // Written in SQL, so it marks its days for the reports' counts as every writer does (ChangedDays).
        for (long day = ChangedDays.dayOf(Instant.parse("2030-12-25T00:00:00Z"));
                day < ChangedDays.dayOf(Instant.parse("2031-04-01T00:00:00Z"));
                day++) {
            for (ChangedDays.Kind kind : ChangedDays.Kind.values()) {
                db.update("insert into report_day_mark (kind, day_no) values (?, ?)", kind.column(), day);
            }
        }
    }

    private String customer(String externalId, BigDecimal lifetimeValue, String tier) {
        String id = UUID.randomUUID().toString();
        LocalDateTime now = utc(Instant.parse("2030-12-01T00:00:00Z"));
        db.update(
                "insert into customer (id, external_id, tier, lifetime_value, created_at, updated_at, version)"
                        + " values (?, ?, ?, ?, ?, ?, 0)",
                id,
                externalId,
                tier,
                lifetimeValue,
                now,
                now);
        return id;
    }

    private void response(String customerId, int score, Instant at, String region) {
        String id = UUID.randomUUID().toString();
        String segment = score <= 6 ? "DETRACTOR" : score <= 8 ? "PASSIVE" : "PROMOTER";
        db.update(
                "insert into feedback_response (id, source, source_event_id, customer_id, score, segment, responded_at,"
                        + " received_at) values (?, 'reports-fixture', ?, ?, ?, ?, ?, ?)",
                id,
                id,
                customerId,
                score,
                segment,
                utc(at),
                utc(at));
        if (region != null) {
            db.update(
                    "insert into response_property (response_id, prop_name, prop_value) values (?, 'region', ?)",
                    id,
                    region);
        }
    }

    private UUID kase(
            String segment,
            String group,
            String slaDue,
            String firstContact,
            String resolved,
            String closedAs,
            String agent) {
        UUID id = UUID.randomUUID();
        LocalDateTime opened = utc(Instant.parse("2031-01-10T08:00:00Z"));
        db.update(
                "insert into follow_up_case (id, status, segment, score, customer_external_id, opened_at, sla_due_at,"
                        + " first_contact_at, resolved_at, closed_at, closed_as, contact_agent, version)"
                        + " values (?, ?, ?, ?, 'rep-seeded', ?, ?, ?, ?, ?, ?, ?, 0)",
                id.toString(),
                closedAs == null ? "OPEN" : "CLOSED",
                segment,
                segment.equals("DETRACTOR") ? 3 : segment.equals("PASSIVE") ? 8 : 10,
                opened,
                time(slaDue),
                time(firstContact),
                time(resolved),
                closedAs == null ? null : utc(Instant.parse("2031-01-20T00:00:00Z")),
                closedAs,
                agent);
        db.update(
                "insert into case_participant (case_id, kind, participant, joined_at) values (?, 'group', ?, ?)",
                id.toString(),
                group,
                opened);
        return id;
    }

    private void attempts(UUID caseId, int count, String agent) {
        for (int i = 1; i <= count; i++) {
            db.update(
                    "insert into contact_attempt (id, case_id, attempt_no, channel, outcome, agent, attempted_at)"
                            + " values (?, ?, ?, 'PHONE', 'NO_ANSWER', ?, ?)",
                    UUID.randomUUID().toString(),
                    caseId.toString(),
                    i,
                    agent,
                    utc(Instant.parse("2031-01-10T09:00:00Z")));
        }
    }

    private void resolution(UUID caseId, String rootCause) {
        db.update(
                "insert into resolution (id, case_id, summary, root_cause, fixed_now, systemic, logged_by, logged_at)"
                        + " values (?, ?, 'fixed', ?, ?, ?, 'fiona', ?)",
                UUID.randomUUID().toString(),
                caseId.toString(),
                rootCause,
                true,
                false,
                utc(Instant.parse("2031-01-12T09:00:00Z")));
    }

    private void breach(UUID caseId, String group, String step) {
        db.update(
                "insert into sla_breach (id, case_id, process_instance_id, activity_id, due_at, breached_at,"
                        + " candidate_group) values (?, ?, 'pi', ?, ?, ?, ?)",
                UUID.randomUUID().toString(),
                caseId.toString(),
                step,
                utc(Instant.parse("2031-01-11T08:00:00Z")),
                utc(Instant.parse("2031-01-11T08:00:00Z")),
                group);
    }

    private UUID theme(String name) {
        UUID id = UUID.randomUUID();
        db.update(
                "insert into theme (id, name, created_by, created_at) values (?, ?, 'paula', ?)",
                id.toString(),
                name,
                utc(Instant.parse("2030-12-01T00:00:00Z")));
        return id;
    }

    private void mentions(UUID caseId, UUID themeId) {
        db.update(
                "insert into response_theme (response_id, theme_id, origin) values (?, ?, 'keyword')",
                caseId.toString(),
                themeId.toString());
    }

    private void action(String created, String verified) {
        db.update(
                "insert into improvement_action (id, title, owner, deadline, status, created_by, created_at,"
                        + " verified_at, version) values (?, 'fix', 'paula', ?, 'VERIFIED', 'paula', ?, ?, 0)",
                UUID.randomUUID().toString(),
                utc(Instant.parse("2031-06-01T00:00:00Z")),
                utc(Instant.parse(created)),
                utc(Instant.parse(verified)));
    }

    private void resurvey(UUID follows, String customer, int before, Integer after, String status) {
        LocalDateTime at = utc(Instant.parse("2031-01-25T10:00:00Z"));
        db.update(
                "insert into survey_invitation (id, customer_external_id, language, touchpoint, follows_case_id,"
                        + " follows_score, status, send_after, attempts, answered_at, score, created_at, version)"
                        + " values (?, ?, 'en', 'resurvey', ?, ?, ?, ?, 1, ?, ?, ?, 0)",
                UUID.randomUUID().toString(),
                customer,
                follows.toString(),
                before,
                status,
                at,
                after == null ? null : at,
                after,
                at);
    }

    private static LocalDateTime time(String instant) {
        return instant == null ? null : utc(Instant.parse(instant));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
