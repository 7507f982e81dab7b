package dev.loopkeeper.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopkeeper.MailServer;
import dev.loopkeeper.audit.AuditFilter;
import dev.loopkeeper.audit.AuditTrail;
import dev.loopkeeper.casework.CaseData;
import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.casework.ContactOutcome;
import dev.loopkeeper.casework.ContactReport;
import dev.loopkeeper.casework.Taskwork;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.intake.CustomerDetails;
import dev.loopkeeper.intake.ResponseSubmission;
import dev.loopkeeper.outreach.EmailDraft;
import dev.loopkeeper.reporting.LoopKpis;
import dev.loopkeeper.reporting.ReportCounts;
import dev.loopkeeper.reporting.ReportPeriod;
import dev.loopkeeper.reporting.ReportScope;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.audit.AuditAction;
import dev.loopkeeper.survey.AnswerForm;
import dev.loopkeeper.survey.SurveyRequest;
import dev.loopkeeper.survey.Surveys;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One customer's data on request: the export holds everything every module keeps about them, and after an erasure
 * a scan of every column of every table — ours and the engine's, byte arrays included — finds neither their name,
 * email, phone nor id, while the scores, segments and dates reports count are still there. On whatever database the
 * subclass gives it.
 */
abstract class CustomerPrivacyContract {

    static final Actor ADA = new Actor("ada", Set.of("admins", "camunda-admin"));
    static final Actor FIONA = new Actor("fiona", Set.of("frontline", "team-emea"));
    static final Actor SAM = new Actor("sam", Set.of("supervisors"));

    static final MailServer mail = MailServer.start();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", mail::port);
    }

    @Autowired
    CustomerPrivacy privacy;

    @Autowired
    Surveys surveys;

    @Autowired
    CaseIntake intake;

    @Autowired
    Casework casework;

    @Autowired
    Taskwork taskwork;

    @Autowired
    CaseData caseData;

    @Autowired
    AuditTrail trail;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate db;

    @Autowired
    ReportCounts reportCounts;

    @Autowired
    LoopKpis kpis;

    String unique;
    String externalId;
    String name;
    String email;
    String phone;

    @BeforeEach
    void aCustomerOfTheirOwn() {
        mail.ensureRunning();
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T09:00:00Z")));
        unique = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        externalId = "CRM-" + unique;
        name = "Zenobia Quarterfield" + unique;
        email = "zenobia." + unique + "@example.org";
        long digits = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
        phone = "+34 611 " + String.format("%06d", digits);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void theExportHoldsEverythingKeptAboutTheCustomer() throws Exception {
        List<UUID> cases = aCustomerWithAHistory();

        JsonNode export = export(email);

        assertThat(export.get("customerExternalId").asText()).isEqualTo(externalId);
        assertThat(export.get("customer").get(0).get("name").asText()).isEqualTo(name);
        assertThat(export.get("customer").get(0).get("phone").asText()).isEqualTo(phone);
        assertThat(export.get("responses")).hasSize(3);
        assertThat(export.get("responseProperties").findValuesAsText("prop_value"))
                .contains("Broadband");
        assertThat(export.get("cases").findValuesAsText("id")).containsExactlyInAnyOrderElementsOf(texts(cases));
        assertThat(export.get("contactAttempts").findValuesAsText("notes")).contains("Spoke to " + name);
        assertThat(export.get("caseComments").findValuesAsText("body")).contains(name + " prefers mornings");
        assertThat(export.get("deliveryLog").findValuesAsText("recipient")).contains(email);
        assertThat(export.get("surveyInvitations").findValuesAsText("email")).contains(email);
        assertThat(export.get("processVariables").findValuesAsText("name")).contains("caseId");
        assertThat(export.get("voices")).isNotEmpty();
        assertThat(export.get("repeatResponses")).hasSize(1);
        assertThat(trail.page(ADA, new AuditFilter("ada", AuditAction.CUSTOMER_EXPORT, customerId(), null, null), 0, 5))
                .singleElement()
                .satisfies(entry -> assertThat(entry.detail()).isEqualTo("2 cases, 3 responses"));
    }

    @Test
    void afterAnErasureNoColumnOfAnyTableHoldsTheirNameEmailPhoneOrId() throws Exception {
        List<UUID> cases = aCustomerWithAHistory();
        String customerId = customerId();
        assertThat(traces())
                .as("the scan finds the customer before the erasure")
                .isNotEmpty();

        Erasure erasure = privacy.erase(ADA, externalId, externalId, "Asked by email");

        assertThat(erasure.cases()).isEqualTo(2);
        assertThat(erasure.openCasesClosed())
                .as("the detractor's case, still open")
                .isPositive();
        assertThat(traces()).isEmpty();
        assertThat(cases)
                .allSatisfy(caseId -> assertThat(runtime.createProcessInstanceQuery()
                                .processInstanceBusinessKey(caseId.toString())
                                .count())
                        .isZero());
        // what reports count is still there, under the replacement id
        assertThat(db.queryForList(
                        "select score, segment, status, closed_reason from follow_up_case where customer_external_id = ?",
                        erasure.replacementId()))
                .hasSize(2)
                .allSatisfy(row -> {
                    assertThat(value(row, "score")).isNotNull();
                    assertThat(value(row, "status")).isEqualTo("CLOSED");
                })
                .anySatisfy(row -> assertThat(value(row, "closed_reason")).isEqualTo(CaseData.ERASED));
        // and the reports' counts follow the cases the erasure closed in SQL
        reportCounts.countChanges();
        ReportPeriod day = new ReportPeriod(
                LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 23), ZoneOffset.UTC, ReportPeriod.Granularity.WEEK);
        Map<String, Long> outcomes = new HashMap<>();
        db.queryForList(
                        "select coalesce(closed_as, 'OPEN') as k, count(*) as n from follow_up_case"
                                + " where opened_at >= ? and opened_at < ? group by coalesce(closed_as, 'OPEN')",
                        LocalDateTime.of(2026, 11, 23, 0, 0),
                        LocalDateTime.of(2026, 11, 24, 0, 0))
                .forEach(row -> outcomes.put((String) value(row, "k"), ((Number) value(row, "n")).longValue()));
        assertThat(kpis.outcomes(ReportScope.company(day)))
                .as("outcomes counted as the rows have them after the erasure")
                .containsExactlyInAnyOrderElementsOf(outcomes.entrySet().stream()
                        .map(e -> new LoopKpis.Count(e.getKey(), e.getValue()))
                        .toList());
        assertThat(db.queryForObject(
                        "select count(*) from feedback_response where customer_id = ?", Integer.class, customerId))
                .isEqualTo(3);
        assertThat(db.queryForObject(
                        "select count(*) from survey_invitation where customer_external_id = ? and score = 3",
                        Integer.class,
                        erasure.replacementId()))
                .isEqualTo(1);
        // the erasure is audited by the customer's internal id and nothing personal
        assertThat(trail.page(ADA, new AuditFilter("ada", AuditAction.CUSTOMER_ERASURE, customerId, null, null), 0, 5))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.reason()).isEqualTo("Asked by email");
                    assertThat(entry.detail())
                            .startsWith("2 cases (" + erasure.openCasesClosed()
                                    + " open, closed erased on request), 3 responses");
                });
    }

    @Test
    void onlyAdminsExportOrEraseAndOnlyWithTheCustomersIdTyped() {
        aCustomerWithAHistory();

        for (Actor notAdmin : List.of(FIONA, SAM)) {
            assertThatThrownBy(() -> privacy.export(notAdmin, externalId, new ByteArrayOutputStream()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> privacy.erase(notAdmin, externalId, externalId, null))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> privacy.erase(ADA, email, "yes", null))
                .isInstanceOf(ErasureRefused.class)
                .hasMessageContaining(externalId);
        assertThatThrownBy(() -> privacy.erase(ADA, "nobody@nowhere.example", "x", null))
                .isInstanceOf(ErasureRefused.class);

        assertThat(traces()).isNotEmpty();
        assertThat(trail.page(ADA, new AuditFilter(null, AuditAction.CUSTOMER_ERASURE, customerId(), null, null), 0, 5))
                .isEmpty();
    }

    // --- the customer

    /**
     * Invited to a survey and answered it (a case, still open), answered again by the API (a second case), talked to
     * by an agent who wrote their name in the notes and a comment, emailed, alerted about.
     */
    List<UUID> aCustomerWithAHistory() {
        CustomerDetails details =
                new CustomerDetails(externalId, name, email, phone, Channel.PHONE, "gold", new BigDecimal("900"));
        UUID thanked = intake.receive(response(details, "promoter", 9, "Great service, " + name + " here"))
                .caseId();
        runDueJobs(thanked);
        runDueJobs(thanked);
        UUID invitation =
                surveys.invite(new SurveyRequest(details, "installation", "en")).invitationId();
        UUID open = surveys.answer(invitation, new AnswerForm(3, "I am " + name + ", nobody came", true, Channel.PHONE))
                .caseId();
        UUID repeat = intake.receive(response(details, "again", 2, "Call me on " + phone + " or write to " + email))
                .caseId();
        assertThat(repeat).as("a second detractor response joins the open case").isEqualTo(open);
        runDueJobs(open);
        String contact = casework.find(open).orElseThrow().openTasks().get(0).taskId();
        taskwork.claim(contact, FIONA);
        casework.completeContact(
                contact, new ContactReport(Channel.PHONE, ContactOutcome.REACHED, "Spoke to " + name), FIONA);
        casework.comment(open, name + " prefers mornings", FIONA);
        casework.sendEmail(open, new EmailDraft("About your installation, " + name, "Dear " + name));
        List<UUID> cases = caseData.caseIdsOf(externalId);
        assertThat(cases).containsExactlyInAnyOrder(thanked, open);
        return cases;
    }

    ResponseSubmission response(CustomerDetails details, String event, int score, String comment) {
        return new ResponseSubmission(
                "test-survey",
                "evt-" + event + "-" + unique,
                Instant.parse("2026-11-23T09:00:00Z"),
                score,
                comment,
                details,
                Map.of("region", "EMEA", "product", "Broadband"));
    }

    /** The case's async steps (alerts, acknowledgements), once each; a failing send is left for its retry. */
    void runDueJobs(UUID caseId) {
        var processInstance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString())
                .singleResult();
        if (processInstance == null) {
            return;
        }
        for (Job job : management
                .createJobQuery()
                .processInstanceId(processInstance.getId())
                .executable()
                .list()) {
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException failed) {
                // its incident and error are kept, as in production: the scan must find nothing in them either
            }
        }
    }

    // --- the scan

    /** Every table and column (with its row's first column) where the customer's name, email, phone or id appears. */
    List<String> traces() {
        List<String> needles = new ArrayList<>(List.of(
                name.toLowerCase(Locale.ROOT),
                email.toLowerCase(Locale.ROOT),
                phone,
                phone.replaceAll("[^0-9]", ""),
                externalId.toLowerCase(Locale.ROOT)));
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String quote = meta.getIdentifierQuoteString().strip();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs =
                    meta.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).as("the scan sees our tables and the engine's").hasSizeGreaterThan(40);
            assertThat(tables.stream().map(t -> t.toLowerCase(Locale.ROOT)))
                    .contains("customer", "follow_up_case", "act_ge_bytearray", "act_hi_varinst", "act_ru_variable");
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("select * from " + quote + table + quote)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            String text = text(rows.getObject(c));
                            if (text == null) {
                                continue;
                            }
                            String lower = text.toLowerCase(Locale.ROOT);
                            for (String needle : needles) {
                                if (lower.contains(needle)) {
                                    found.add(table + "." + rows.getMetaData().getColumnName(c) + " of "
                                            + rows.getObject(1) + " holds " + needle);
                                }
                            }
                        }
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private static String text(Object value) throws java.sql.SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            // UTF-8 text, Java serialization (modified UTF-8) and JSON all keep ASCII as it is
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (value instanceof Blob blob) {
            return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.ISO_8859_1);
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return value.toString();
    }

    // --- helpers

    JsonNode export(String key) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        privacy.export(ADA, key, out);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    String customerId() {
        return db.queryForObject("select id from customer where external_id = ?", String.class, externalId);
    }

    static List<String> texts(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }

    static Object value(Map<String, Object> row, String column) {
        return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase(Locale.ROOT));
    }
}
