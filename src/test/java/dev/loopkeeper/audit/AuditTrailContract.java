package dev.loopkeeper.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loopkeeper.TestResponses;
import dev.loopkeeper.casework.CaseExport;
import dev.loopkeeper.casework.CaseQuery;
import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.ContactOutcome;
import dev.loopkeeper.casework.ContactReport;
import dev.loopkeeper.casework.TaskNotAvailable;
import dev.loopkeeper.casework.Taskwork;
import dev.loopkeeper.identity.DirectoryListing;
import dev.loopkeeper.identity.EmployeeDirectory;
import dev.loopkeeper.identity.EntryKind;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.modeling.DeployedVersion;
import dev.loopkeeper.modeling.Draft;
import dev.loopkeeper.modeling.Drafts;
import dev.loopkeeper.modeling.ModelDeployment;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.audit.AuditAction;
import dev.loopkeeper.sla.Escalations;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every kind of human action leaves one audit entry — who, when, what, on which target, from where and why — through
 * the service that carries it out, whichever door called it; an action that fails leaves none; only admins read the
 * trail, and its export is itself an entry. On whatever database the subclass gives it.
 */
abstract class AuditTrailContract {

    static final Actor FIONA = new Actor("fiona", Set.of("frontline", "team-emea"));
    static final Actor FRANK = new Actor("frank", Set.of("frontline", "team-emea"));
    static final Actor SAM = new Actor("sam", Set.of("supervisors"));
    static final Actor PAULA = new Actor("paula", Set.of("process-owners"));
    static final Actor ADA = new Actor("ada", Set.of("admins", "camunda-admin"));

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail trail;

    @Autowired
    CaseIntake intake;

    @Autowired
    Casework casework;

    @Autowired
    Taskwork taskwork;

    @Autowired
    Escalations escalations;

    @Autowired
    CaseExport caseExport;

    @Autowired
    Drafts drafts;

    @Autowired
    ModelDeployment deployment;

    @Autowired
    dev.loopkeeper.modeling.InstanceMigration migration;

    @Autowired
    EmployeeDirectory directory;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcTemplate db;

    Instant monday;

    /** A Monday 10:00 UTC in a week no other test uses, so a period filter finds only this test's entries. */
    @BeforeEach
    void aWeekOfItsOwn() {
        monday = java.time.LocalDate.of(2031, 1, 6)
                .plusWeeks(Math.abs(UUID.randomUUID().getMostSignificantBits() % 2000))
                .atTime(10, 0)
                .toInstant(ZoneOffset.UTC);
        ClockUtil.setCurrentTime(Date.from(monday));
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void everyWayOfWorkingATaskIsAnEntryOnItsCase() {
        UUID caseId = openCase();
        String task = contactTask(caseId);

        taskwork.claim(task, FIONA);
        taskwork.unclaim(task, FIONA);
        taskwork.claim(task, FIONA);
        taskwork.reassign(task, "frank", FIONA);
        taskwork.delegate(task, "fiona", FRANK);
        taskwork.handBack(task, FIONA);
        casework.completeContact(task, new ContactReport(Channel.PHONE, ContactOutcome.REACHED, "Spoke to her"), FRANK);

        List<AuditEntry> onCase = oldestFirst(new AuditFilter(null, null, caseId.toString(), null, null));
        assertThat(onCase)
                .extracting(AuditEntry::actor, AuditEntry::action)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("fiona", "claim"),
                        org.assertj.core.groups.Tuple.tuple("fiona", "release"),
                        org.assertj.core.groups.Tuple.tuple("fiona", "claim"),
                        org.assertj.core.groups.Tuple.tuple("fiona", "reassign"),
                        org.assertj.core.groups.Tuple.tuple("frank", "delegate"),
                        org.assertj.core.groups.Tuple.tuple("fiona", "hand-back"),
                        org.assertj.core.groups.Tuple.tuple("frank", "complete"));
        assertThat(onCase).allSatisfy(entry -> {
            assertThat(entry.at()).isEqualTo(monday);
            assertThat(entry.targetKind()).isEqualTo("task");
            assertThat(entry.target()).isEqualTo(task);
            assertThat(entry.caseId()).isEqualTo(caseId.toString());
            assertThat(entry.detail()).startsWith(ClosedLoop.CONTACT_CUSTOMER);
        });
        assertThat(onCase.get(3).detail()).endsWith("to frank");
        assertThat(onCase.get(4).detail()).endsWith("to fiona");
        assertThat(onCase.get(5).detail()).endsWith("to frank");
    }

    @Test
    void anActionThatFailsLeavesNoEntry() {
        UUID caseId = openCase();
        String task = contactTask(caseId);
        taskwork.claim(task, FIONA);

        assertThatThrownBy(() -> taskwork.claim(task, FRANK)).isInstanceOf(TaskNotAvailable.class);
        assertThatThrownBy(() -> taskwork.delegate(task, "nobody-at-all", FIONA))
                .isInstanceOf(TaskNotAvailable.class);

        assertThat(oldestFirst(new AuditFilter(null, null, caseId.toString(), null, null)))
                .extracting(AuditEntry::actor, AuditEntry::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("fiona", "claim"));
    }

    @Test
    void aSupervisorsReassignExtendAndTakeOverAreEntriesWithTheirReason() {
        UUID reassigned = breached();
        UUID extended = breached();
        UUID takenOver = breached();

        escalations.decide(review(reassigned), Escalations.Decision.REASSIGN, "frank", null, "Fiona is off", SAM);
        escalations.decide(
                review(extended),
                Escalations.Decision.EXTEND,
                null,
                monday.plus(java.time.Duration.ofDays(3)),
                "Customer asked for Thursday",
                SAM);
        escalations.decide(review(takenOver), Escalations.Decision.TAKE_OVER, null, null, "VIP", SAM);

        assertThat(last(AuditAction.REASSIGN_CONTACT, reassigned)).satisfies(e -> {
            assertThat(e.actor()).isEqualTo("sam");
            assertThat(e.reason()).isEqualTo("Fiona is off");
            assertThat(e.detail()).isEqualTo("to frank");
        });
        assertThat(last(AuditAction.EXTEND_SLA, extended)).satisfies(e -> {
            assertThat(e.actor()).isEqualTo("sam");
            assertThat(e.reason()).isEqualTo("Customer asked for Thursday");
            assertThat(e.detail()).contains("contact due");
        });
        assertThat(last(AuditAction.TAKE_OVER, takenOver)).satisfies(e -> {
            assertThat(e.actor()).isEqualTo("sam");
            assertThat(e.reason()).isEqualTo("VIP");
        });
        assertThat(oldestFirst(new AuditFilter("sam", AuditAction.COMPLETE, takenOver.toString(), null, null)))
                .hasSize(1);
    }

    @Test
    void deployingAndRollingBackAModelAreEntriesWithTheNote() {
        String key = "Process_Audited_"
                + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
        Draft first = drafts.start(PAULA, key + ".bpmn", dev.loopkeeper.modeling.BrokenModels.valid(key));
        DeployedVersion v1 = deployment.deploy(PAULA, first.id(), "A first version");
        Draft second = drafts.start(
                PAULA,
                key + ".bpmn",
                dev.loopkeeper.modeling.BrokenModels.valid(key).replace("name=\"Call back\"", "name=\"Ring back\""));
        DeployedVersion v2 = deployment.deploy(PAULA, second.id(), "Friendlier wording");
        DeployedVersion v3 = deployment.rollBack(ADA, v1.model().definitionId(), "Wording confused people");

        assertThat(last(AuditAction.DEPLOY, v2.model().definitionId())).satisfies(e -> {
            assertThat(e.actor()).isEqualTo("paula");
            assertThat(e.targetKind()).isEqualTo("model");
            assertThat(e.reason()).isEqualTo("Friendlier wording");
            assertThat(e.detail()).contains(key + " version 2");
        });
        assertThat(last(AuditAction.ROLL_BACK, v3.model().definitionId())).satisfies(e -> {
            assertThat(e.actor()).isEqualTo("ada");
            assertThat(e.reason()).isEqualTo("Wording confused people");
            assertThat(e.detail()).contains("back to version 1 as version 3");
        });
    }

    @Test
    void migratingRunningInstancesIsAnEntry() {
        String key = "Process_Migrated_" + UUID.randomUUID().toString().substring(0, 8);
        String model = dev.loopkeeper.modeling.BrokenModels.valid(key);
        DeployedVersion v1 = deployment.deploy(
                PAULA, drafts.start(PAULA, key + ".bpmn", model).id(), null);
        runtime.startProcessInstanceById(v1.model().definitionId(), java.util.Map.of("ownerGroup", "frontline"));
        DeployedVersion v2 = deployment.deploy(
                PAULA,
                drafts.start(PAULA, key + ".bpmn", model.replace("name=\"Call back\"", "name=\"Ring back\""))
                        .id(),
                null);

        String batch =
                migration.start(PAULA, v1.model().definitionId(), v2.model().definitionId());

        assertThat(last(AuditAction.MIGRATE, v1.model().definitionId())).satisfies(e -> {
            assertThat(e.actor()).isEqualTo("paula");
            assertThat(e.targetKind()).isEqualTo("process");
            assertThat(e.detail()).isEqualTo("1 instances to " + v2.model().definitionId() + ", batch " + batch);
        });
    }

    @Test
    void aDirectoryChangeIsAnEntry() {
        String name = "Audrey Auditor " + UUID.randomUUID().toString().substring(0, 6);
        DirectoryListing saved =
                directory.save(PAULA, new DirectoryListing(null, EntryKind.EMPLOYEE, name, null, null, "sam"));
        directory.remove(PAULA, saved.id());

        assertThat(oldestFirst(new AuditFilter(
                        "paula", AuditAction.DIRECTORY_CHANGE, saved.id().toString(), null, null)))
                .extracting(AuditEntry::detail)
                .containsExactly("added EMPLOYEE " + name, "removed");
    }

    @Test
    void aCaseExportIsAnEntryWithItsFiltersButNotItsSearchText() {
        caseExport.write(
                SAM,
                new CaseQuery(
                        null, null, null, null, null, null, null, "EMEA", null, null, null, null, null, "Maria Lopez"),
                ZoneOffset.UTC,
                Sort.unsorted(),
                new ByteArrayOutputStream());

        AuditEntry export = thisWeek(new AuditFilter("sam", AuditAction.CASE_EXPORT, null, null, null))
                .get(0);
        assertThat(export.detail()).isEqualTo("region=EMEA and a text search").doesNotContain("Maria");
    }

    @Test
    void aChangeThroughTheEnginesRestApiIsAnEntryWithTheCallersAddress() throws Exception {
        String user = "audit" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = engineRest("ada", "POST", "/engine-rest/user/create", """
                {"profile": {"id": "%s", "firstName": "Aud", "lastName": "It", "email": "%s@example.com"},
                 "credentials": {"password": "a-long-enough-password-1"}}
                """.formatted(user, user));
        HttpResponse<String> read = engineRest("ada", "GET", "/engine-rest/user/" + user + "/profile", null);
        HttpResponse<String> refused = engineRest("fiona", "DELETE", "/engine-rest/user/" + user, null);

        assertThat(created.statusCode()).isEqualTo(204);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).isGreaterThanOrEqualTo(400);
        List<AuditEntry> engineCalls = thisWeek(new AuditFilter(null, AuditAction.ENGINE_API, null, null, null));
        assertThat(engineCalls).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("ada");
            assertThat(e.detail()).isEqualTo("POST /engine-rest/user/create");
            assertThat(e.clientAddress()).isEqualTo("127.0.0.1");
        });
        identity.deleteUser(user);
    }

    @Test
    void onlyAdminsReadTheTrailAndItsExportListsItself() {
        UUID caseId = openCase();
        taskwork.claim(contactTask(caseId), FIONA);
        AuditFilter onCase = new AuditFilter(null, null, caseId.toString(), null, null);

        for (Actor notAdmin : List.of(FIONA, SAM, PAULA)) {
            assertThatThrownBy(() -> trail.page(notAdmin, onCase, 0, 10)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> trail.writeCsv(notAdmin, onCase, new ByteArrayOutputStream()))
                    .isInstanceOf(AccessDeniedException.class);
        }
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        trail.writeCsv(ADA, onCase, csv);

        assertThat(csv.toString(StandardCharsets.UTF_8).split("\r\n"))
                .hasSize(2)
                .satisfies(lines -> {
                    assertThat(lines[0])
                            .isEqualTo("at,actor,action,target_kind,target,case_id,client_address,reason,detail");
                    assertThat(lines[1]).contains(",fiona,claim,task,").contains(caseId.toString());
                });
        assertThat(thisWeek(new AuditFilter("ada", AuditAction.AUDIT_EXPORT, null, null, null)))
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("target=" + caseId));
    }

    @Test
    void theAppCannotChangeAnEntryThroughItsService() {
        assertThat(java.util.Arrays.stream(AuditTrail.class.getDeclaredMethods())
                        .map(java.lang.reflect.Method::getName))
                .noneMatch(name -> name.matches("(?i).*(update|delete|remove|change|erase).*"));
    }

    // --- scenes

    UUID openCase() {
        return intake.receive(TestResponses.customer(
                        3, "Maria Lopez", "standard", "EMEA", "maria@example.com", "+34 600 123 456", "Too slow"))
                .caseId();
    }

    String contactTask(UUID caseId) {
        return casework.find(caseId).orElseThrow().openTasks().get(0).taskId();
    }

    /** A case whose contact SLA has just passed, with its review open for supervisors. */
    UUID breached() {
        UUID caseId = openCase();
        String pi = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString())
                .singleResult()
                .getId();
        Job timer = management
                .createJobQuery()
                .processInstanceId(pi)
                .activityId(ClosedLoop.SLA_BREACHED)
                .singleResult();
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(1)));
        management.executeJob(timer.getId());
        for (Job alert : management
                .createJobQuery()
                .processInstanceId(pi)
                .activityId(ClosedLoop.SEND_SUPERVISOR_ALERTS)
                .list()) {
            try {
                management.executeJob(alert.getId());
            } catch (RuntimeException noMailServer) {
                // the review task is there all the same
            }
        }
        ClockUtil.setCurrentTime(Date.from(monday));
        return caseId;
    }

    String review(UUID caseId) {
        return casework.find(caseId).orElseThrow().openTasks().stream()
                .filter(t -> t.taskKey().equals(ClosedLoop.REVIEW_ESCALATION))
                .findFirst()
                .orElseThrow()
                .taskId();
    }

    AuditEntry last(AuditAction action, Object target) {
        return trail.page(ADA, new AuditFilter(null, action, target.toString(), null, null), 0, 1)
                .get(0);
    }

    List<AuditEntry> oldestFirst(AuditFilter filter) {
        List<AuditEntry> newestFirst = new java.util.ArrayList<>(trail.page(ADA, filter, 0, 100));
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    List<AuditEntry> thisWeek(AuditFilter filter) {
        return trail.page(
                ADA,
                new AuditFilter(
                        filter.actor(),
                        filter.action(),
                        filter.target(),
                        monday,
                        monday.plus(java.time.Duration.ofDays(7))),
                0,
                100);
    }

    HttpResponse<String> engineRest(String user, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
