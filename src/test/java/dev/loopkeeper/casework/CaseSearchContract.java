package dev.loopkeeper.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.MailServer;
import dev.loopkeeper.OtherTeam;
import dev.loopkeeper.StatementCounter;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.intake.CustomerDetails;
import dev.loopkeeper.intake.CustomerProfile;
import dev.loopkeeper.intake.CustomerSearch;
import dev.loopkeeper.intake.ResponseSubmission;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.Segment;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The case list and the customer search, on whatever database the subclass gives it: every case in any state, found
 * by what a caller says, under the case screen's rule of who sees what. Each test's customers carry a word of its
 * own, so other tests' cases never show up in its searches.
 */
@Import(StatementCounter.class)
abstract class CaseSearchContract {

    /** Monday 23 November 2026, 10:00 in Madrid: inside EMEA working hours. */
    static final Instant MONDAY_10AM_MADRID = Instant.parse("2026-11-23T09:00:00Z");

    static final MailServer mail = MailServer.start();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", mail::port);
    }

    @Autowired
    CaseIntake intake;

    @Autowired
    Casework casework;

    @Autowired
    Taskwork taskwork;

    @Autowired
    CaseSearch search;

    @Autowired
    CaseExport export;

    @Autowired
    CustomerSearch customers;

    @Autowired
    IdentityService identity;

    final Actor fiona = new Actor("fiona", Set.of("frontline", "team-emea"));
    final Actor sam = new Actor("sam", Set.of("supervisors"));
    Actor olga;
    /** A word only this test's customers have in their names. */
    String tag;

    @BeforeEach
    void mondayMorningInMadrid() throws Exception {
        ClockUtil.setCurrentTime(Date.from(MONDAY_10AM_MADRID));
        mail.ensureRunning();
        olga = OtherTeam.olga(identity);
        tag = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void aClosedCaseIsFoundByTheCustomersNameLikeAnOpenOne() {
        UUID closed = emea("John " + tag, "john." + tag + "@example.com", "+44 20 7946 0018", "Refund never came");
        UUID open = emea("Johnny " + tag, null, null, "Late again");
        close(closed);

        assertThat(ids(sam, query().withText("john " + tag))).containsExactlyInAnyOrder(closed, open);
        assertThat(rows(sam, query().withText(tag).withStates(Set.of(CaseState.CLOSED))))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.caseId()).isEqualTo(closed);
                    assertThat(row.closedAs()).isEqualTo(CaseOutcome.RESOLVED);
                    assertThat(row.stateLabel()).isEqualTo("Closed: resolved");
                });
        assertThat(search.count(sam, query().withText(tag), ZoneOffset.UTC)).isEqualTo(2);
    }

    @Test
    void aCaseIsFoundByExternalIdEmailPhoneAsWrittenElsewhereAndWordsOfTheComment() {
        UUID caseId =
                emea("Ann " + tag, "ann." + tag + "@example.com", "+44 20 7946 0018", "The router keeps rebooting");
        String externalId = casework.find(caseId).orElseThrow().customerExternalId();

        assertThat(ids(sam, query().withText(externalId))).containsExactly(caseId);
        assertThat(ids(sam, query().withText("ann." + tag + "@example.com"))).containsExactly(caseId);
        assertThat(ids(sam, query().withText(tag + " router"))).containsExactly(caseId);
        assertThat(ids(sam, query().withText(tag + " rebooting router"))).containsExactly(caseId);
        assertThat(ids(sam, query().withText(tag + " fridge"))).isEmpty();
        // the same number as a caller from inside the UK would give it
        assertThat(ids(sam, query().withText("020 7946 0018"))).contains(caseId);
    }

    @Test
    void theStatusFilterTellsCasesToDoFromCasesWaitingAndClosedOnes() {
        UUID toDo = emea("Todo " + tag, null, null, "x");
        // with an email and a phone, so a retry on another channel is left after the first call
        UUID waiting = emea("Waiting " + tag, "w@example.com", "+34 600 123 456", "x");
        UUID closed = emea("Closed " + tag, null, null, "x");
        UUID unreachable = emea("Unreachable " + tag, null, null, "x");
        taskwork.claim(openTask(waiting), fiona);
        casework.completeContact(
                openTask(waiting), new ContactReport(Channel.PHONE, ContactOutcome.NO_ANSWER, null), fiona);
        close(closed);
        closeUnreachable(unreachable);

        assertThat(ids(sam, query().withText(tag).withStates(Set.of(CaseState.TO_DO))))
                .containsExactly(toDo);
        assertThat(ids(sam, query().withText(tag).withStates(Set.of(CaseState.WAITING_FOR_REPLY))))
                .containsExactly(waiting);
        assertThat(ids(sam, query().withText(tag).withStates(Set.of(CaseState.CLOSED))))
                .containsExactlyInAnyOrder(closed, unreachable);
        CaseQuery unreachableOnly = new CaseQuery(
                null,
                Set.of(CaseOutcome.UNREACHABLE),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                tag);
        assertThat(ids(sam, unreachableOnly)).containsExactly(unreachable);
        assertThat(rows(sam, query().withText("Waiting " + tag)).get(0).state()).isEqualTo(CaseState.WAITING_FOR_REPLY);
    }

    @Test
    void frontlineSeeTheirGroupsCasesOpenOrClosedAndNoOneElses() {
        UUID emea = emea("Team " + tag, null, null, "x");
        close(emea);

        assertThat(ids(fiona, query().withText(tag))).containsExactly(emea);
        assertThat(ids(olga, query().withText(tag))).isEmpty();
        assertThat(search.count(olga, query().withText(tag), ZoneOffset.UTC)).isZero();
        assertThat(search.ofCustomer(olga, casework.find(emea).orElseThrow().customerExternalId()))
                .isEmpty();
    }

    @Test
    void anAgentsUnfilteredCountIsTheNumberOfCasesTheyCanList() {
        emea("Count " + tag, null, null, "x");

        long count = search.count(fiona, CaseQuery.all(), ZoneOffset.UTC);

        assertThat(count)
                .isPositive()
                .isEqualTo(search.page(fiona, CaseQuery.all(), ZoneOffset.UTC, PageRequest.of(0, 100_000))
                        .size());
    }

    @Test
    void filtersNarrowByScoreSegmentHolderAndPeriod() {
        UUID three = emea("Three " + tag, null, null, "x");
        UUID six = emeaScored(6, "Six " + tag);
        taskwork.claim(openTask(three), fiona);
        LocalDate monday = LocalDate.of(2026, 11, 23);

        assertThat(ids(
                        sam,
                        new CaseQuery(
                                null,
                                null,
                                Set.of(Segment.DETRACTOR),
                                5,
                                10,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                tag)))
                .containsExactly(six);
        assertThat(ids(
                        sam,
                        new CaseQuery(
                                null, null, null, null, null, null, "fiona", null, null, null, null, null, null, tag)))
                .containsExactly(three);
        assertThat(ids(
                        sam,
                        new CaseQuery(
                                null,
                                null,
                                null,
                                null,
                                null,
                                "team-emea",
                                null,
                                "EMEA",
                                null,
                                monday,
                                monday,
                                null,
                                null,
                                tag)))
                .containsExactlyInAnyOrder(three, six);
        assertThat(ids(
                        sam,
                        new CaseQuery(
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                monday.plusDays(1),
                                null,
                                null,
                                null,
                                tag)))
                .isEmpty();
    }

    @Test
    void pagesAreSortedInTheDatabaseAndAPageWithItsCountCostsTwoStatements() {
        for (int i = 0; i < 5; i++) {
            emeaScored(i, "Paged " + (char) ('E' - i) + " " + tag);
        }
        CaseQuery mine = query().withText(tag);

        List<CaseRow> byName = search.page(sam, mine, ZoneOffset.UTC, PageRequest.of(0, 3, Sort.by("customerName")));
        List<CaseRow> next = search.page(sam, mine, ZoneOffset.UTC, PageRequest.of(1, 3, Sort.by("customerName")));
        int statements = StatementCounter.statementsOf(() -> {
            search.page(sam, mine, ZoneOffset.UTC, PageRequest.of(0, 50));
            return search.count(sam, mine, ZoneOffset.UTC);
        });

        assertThat(byName)
                .extracting(CaseRow::customerName)
                .containsExactly("Paged A " + tag, "Paged B " + tag, "Paged C " + tag);
        assertThat(next).extracting(CaseRow::customerName).containsExactly("Paged D " + tag, "Paged E " + tag);
        assertThat(statements).isEqualTo(2);
    }

    @Test
    void theExportHasEveryCaseOfTheQueryNotOnlyAPageAndNoFormulas() {
        for (int i = 0; i < 60; i++) {
            emeaScored(3, "Export " + i + " " + tag);
        }
        emea("=HYPERLINK(\"x\") " + tag, null, null, "says \"hi\", twice");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        export.write(sam, query().withText(tag), ZoneOffset.UTC, Sort.unsorted(), out);

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(62);
        assertThat(lines.get(0)).startsWith("case_id,state,closed_as,customer_external_id,customer_name");
        assertThat(lines).anyMatch(line -> line.contains(",\"'=HYPERLINK(\"\"x\"\") " + tag + "\","));
        assertThat(lines).anyMatch(line -> line.endsWith(",\"says \"\"hi\"\", twice\""));
    }

    @Test
    void aCustomerIsFoundByNameEmailOrPhoneAndTheirCallerCardHasTheOpenCase() {
        UUID caseId = emea("Carla " + tag, "carla." + tag + "@example.com", "+44 20 7946 0018", "x");
        String externalId = casework.find(caseId).orElseThrow().customerExternalId();

        List<CustomerProfile> found = customers.page("carla " + tag, PageRequest.of(0, 10));
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.externalId()).isEqualTo(externalId);
            assertThat(c.latestScore()).isEqualTo(3);
            assertThat(c.responses()).isEqualTo(1);
        });
        assertThat(customers.count("carla " + tag)).isEqualTo(1);
        assertThat(customers.byEmail("CARLA." + tag + "@example.com"))
                .map(CustomerProfile::externalId)
                .contains(externalId);
        assertThat(customers.byExternalId(externalId)).isPresent();
        assertThat(search.openCaseOf(externalId)).map(CaseRow::caseId).contains(caseId);
        close(caseId);
        assertThat(search.openCaseOf(externalId)).isEmpty();
    }

    @Test
    void aCaseOpenedByHandGoesThroughIntakeWithTheCustomersRegion() {
        UUID first = emea("Hand " + tag, null, null, "x");
        close(first);
        String externalId = casework.find(first).orElseThrow().customerExternalId();

        ClockUtil.setCurrentTime(Date.from(MONDAY_10AM_MADRID.plusSeconds(3600)));
        UUID manual = intake.openForCustomer(externalId, Segment.DETRACTOR, "Asked at the counter for a call", "fiona")
                .caseId();

        CaseSummary opened = casework.find(manual).orElseThrow();
        assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(opened.score()).isEqualTo(6);
        assertThat(opened.openTasks())
                .extracting(CaseSummary.OpenTaskView::taskKey)
                .containsExactly(ClosedLoop.CONTACT_CUSTOMER);
        assertThat(rows(fiona, query().withText(tag + " counter")))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.region()).isEqualTo("EMEA");
                    assertThat(row.comment()).isEqualTo("Asked at the counter for a call");
                });
        assertThat(search.ofCustomer(fiona, externalId))
                .extracting(CaseRow::caseId)
                .containsExactly(manual, first);
    }

    // ---------------------------------------------------------------------------------------------------

    static CaseQuery query() {
        return CaseQuery.all();
    }

    List<UUID> ids(Actor actor, CaseQuery query) {
        return rows(actor, query).stream().map(CaseRow::caseId).toList();
    }

    List<CaseRow> rows(Actor actor, CaseQuery query) {
        return search.page(actor, query, ZoneId.of("Europe/Madrid"), PageRequest.of(0, 100));
    }

    UUID emea(String name, String email, String phone, String comment) {
        return intake.receive(response(3, name, email, phone, comment)).caseId();
    }

    UUID emeaScored(int score, String name) {
        return intake.receive(response(score, name, null, null, "x")).caseId();
    }

    static ResponseSubmission response(int score, String name, String email, String phone, String comment) {
        String unique = UUID.randomUUID().toString();
        return new ResponseSubmission(
                "test-survey",
                "evt-" + unique,
                MONDAY_10AM_MADRID,
                score,
                comment,
                new CustomerDetails("C-" + unique, name, email, phone, Channel.PHONE, "standard", null),
                Map.of("region", "EMEA", "product", "Broadband"));
    }

    /** Reached and resolved: the loop closes. */
    void close(UUID caseId) {
        taskwork.claim(openTask(caseId), fiona);
        casework.completeContact(
                openTask(caseId), new ContactReport(Channel.PHONE, ContactOutcome.REACHED, null), fiona);
        Map<String, Object> values = new HashMap<>();
        values.put(ClosedLoop.Vars.RESOLUTION_SUMMARY, "Sorted");
        values.put(ClosedLoop.Vars.ROOT_CAUSE, "billing");
        values.put(ClosedLoop.Vars.why(1), "Refund stuck");
        values.put(ClosedLoop.Vars.FIXED_NOW, true);
        values.put(ClosedLoop.Vars.SYSTEMIC, false);
        taskwork.completeTask(openTask(caseId), values, fiona);
    }

    @Autowired
    dev.loopkeeper.casework.domain.CaseProgress progress;

    /** Every attempt went unanswered (the process's last step, recorded as it records it). */
    void closeUnreachable(UUID caseId) {
        progress.markUnreachable(caseId);
    }

    String openTask(UUID caseId) {
        return casework.find(caseId).orElseThrow().openTasks().get(0).taskId();
    }
}
