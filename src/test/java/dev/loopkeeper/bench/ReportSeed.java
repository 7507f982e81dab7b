package dev.loopkeeper.bench;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the reports read, at scale, written with batched inserts (seeding is not what is measured): N responses over
 * the last year from N/2 customers (a third with a lifetime value), each with a region property; N/2 cases in 20
 * groups, four in five reached (one attempt, two for one in four), most resolved with a root cause, one in ten
 * breached; a re-survey answered for one in five closed detractor cases.
 */
final class ReportSeed {

    static final int GROUPS = 20;
    private static final String[] REGIONS = {"EMEA", "AMER", "APAC"};
    private static final String[] CAUSES = {"PRODUCT", "PROCESS", "PEOPLE", "PRICE", "OTHER"};

    private ReportSeed() {}

    static String group(int n) {
        return "bench-report-group-%02d".formatted(n);
    }

    static void seed(JdbcTemplate jdbc, int responses, int cases) {
        Random random = new Random(18);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int customers = Math.max(1, responses / 2);
        List<Object[]> rows = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            rows.add(new Object[] {
                "bench-report-customer-" + c,
                "BR-" + c,
                c % 3 == 0 ? new BigDecimal(500 + random.nextInt(5000)) : null,
                Timestamp.from(now)
            });
            if (rows.size() == 5000 || c == customers - 1) {
                jdbc.batchUpdate(
                        "insert into customer (id, external_id, tier, lifetime_value, created_at, updated_at, version)"
                                + " values (?, ?, 'standard', ?, ?, ?, 0)",
                        rows.stream()
                                .map(r -> new Object[] {r[0], r[1], r[2], r[3], r[3]})
                                .toList());
                rows.clear();
            }
        }
        List<Object[]> properties = new ArrayList<>();
        for (int i = 0; i < responses; i++) {
            String id = UUID.randomUUID().toString();
            int score = random.nextInt(11);
            Timestamp at = Timestamp.from(now.minusSeconds(random.nextInt(365 * 86400)));
            rows.add(new Object[] {
                id,
                id,
                "bench-report-customer-" + random.nextInt(customers),
                score,
                score <= 6 ? "DETRACTOR" : score <= 8 ? "PASSIVE" : "PROMOTER",
                at,
                at
            });
            properties.add(new Object[] {id, REGIONS[random.nextInt(REGIONS.length)]});
            if (rows.size() == 5000 || i == responses - 1) {
                jdbc.batchUpdate(
                        "insert into feedback_response (id, source, source_event_id, customer_id, score, segment,"
                                + " responded_at, received_at) values (?, 'bench-reports', ?, ?, ?, ?, ?, ?)",
                        rows);
                jdbc.batchUpdate(
                        "insert into response_property (response_id, prop_name, prop_value) values (?, 'region', ?)",
                        properties);
                rows.clear();
                properties.clear();
            }
        }
        List<Object[]> participants = new ArrayList<>();
        List<Object[]> attempts = new ArrayList<>();
        List<Object[]> resolutions = new ArrayList<>();
        List<Object[]> breaches = new ArrayList<>();
        List<Object[]> resurveys = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            String id = UUID.randomUUID().toString();
            int score = random.nextInt(11);
            String segment = score <= 6 ? "DETRACTOR" : score <= 8 ? "PASSIVE" : "PROMOTER";
            Instant opened = now.minusSeconds(random.nextInt(365 * 86400));
            Instant due = opened.plusSeconds(86400);
            boolean reached = random.nextInt(5) != 0;
            Instant contact = reached ? opened.plusSeconds(random.nextInt(3 * 86400)) : null;
            boolean resolved = reached && random.nextInt(10) != 0;
            Instant resolvedAt = resolved ? contact.plusSeconds(random.nextInt(5 * 86400)) : null;
            String closedAs = resolved ? "RESOLVED" : reached ? null : random.nextBoolean() ? "UNREACHABLE" : null;
            String agent = reached ? "bench-agent-" + random.nextInt(100) : null;
            String group = group(1 + random.nextInt(GROUPS));
            rows.add(new Object[] {
                id,
                closedAs == null ? "OPEN" : "CLOSED",
                closedAs,
                segment,
                score,
                "BR-" + random.nextInt(customers),
                Timestamp.from(opened),
                Timestamp.from(due),
                ts(contact),
                ts(resolvedAt),
                closedAs == null ? null : ts(resolvedAt == null ? opened.plusSeconds(5 * 86400) : resolvedAt),
                agent
            });
            participants.add(new Object[] {id, group, Timestamp.from(opened)});
            if (reached) {
                int tries = random.nextInt(4) == 0 ? 2 : 1;
                for (int a = 1; a <= tries; a++) {
                    attempts.add(new Object[] {UUID.randomUUID().toString(), id, a, agent, ts(contact)});
                }
            }
            if (resolved) {
                resolutions.add(new Object[] {
                    UUID.randomUUID().toString(), id, CAUSES[random.nextInt(CAUSES.length)], agent, ts(resolvedAt)
                });
                if (segment.equals("DETRACTOR") && random.nextInt(5) == 0) {
                    int after = random.nextInt(11);
                    Timestamp answered = Timestamp.from(resolvedAt.plusSeconds(14 * 86400));
                    resurveys.add(new Object[] {
                        UUID.randomUUID().toString(), "BR-" + random.nextInt(customers), id, score, answered, after
                    });
                }
            }
            if (random.nextInt(10) == 0) {
                breaches.add(
                        new Object[] {UUID.randomUUID().toString(), id, Timestamp.from(due), Timestamp.from(due), group
                        });
            }
            if (rows.size() == 5000 || i == cases - 1) {
                jdbc.batchUpdate(
                        "insert into follow_up_case (id, status, closed_as, segment, score, customer_external_id,"
                                + " opened_at, sla_due_at, first_contact_at, resolved_at, closed_at, contact_agent,"
                                + " version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                        rows);
                jdbc.batchUpdate(
                        "insert into case_participant (case_id, kind, participant, joined_at) values (?, 'group', ?, ?)",
                        participants);
                jdbc.batchUpdate(
                        "insert into contact_attempt (id, case_id, attempt_no, channel, outcome, agent, attempted_at)"
                                + " values (?, ?, ?, 'PHONE', 'REACHED', ?, ?)",
                        attempts);
                jdbc.batchUpdate(
                        "insert into resolution (id, case_id, summary, root_cause, fixed_now, systemic, logged_by,"
                                + " logged_at) values (?, ?, 'seeded', ?, true, false, ?, ?)",
                        resolutions);
                jdbc.batchUpdate(
                        "insert into sla_breach (id, case_id, process_instance_id, activity_id, due_at, breached_at,"
                                + " candidate_group) values (?, ?, 'bench', 'Task_ContactCustomer', ?, ?, ?)",
                        breaches);
                if (!resurveys.isEmpty()) {
                    jdbc.batchUpdate(
                            "insert into survey_invitation (id, customer_external_id, language, touchpoint,"
                                    + " follows_case_id, follows_score, status, send_after, attempts, answered_at,"
                                    + " score, created_at, version) values (?, ?, 'en', 'resurvey', ?, ?, 'ANSWERED',"
                                    + " now(), 1, ?, ?, now(), 0)",
                            resurveys);
                }
                rows.clear();
                participants.clear();
                attempts.clear();
                resolutions.clear();
                breaches.clear();
                resurveys.clear();
            }
        }
        jdbc.execute("analyze table customer, feedback_response, response_property, follow_up_case, case_participant,"
                + " contact_attempt, resolution, sla_breach, survey_invitation");
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
