package dev.loopkeeper.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.loopkeeper.MailServer;
import dev.loopkeeper.StatementCounter;
import dev.loopkeeper.casework.Taskwork;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.intake.CustomerDetails;
import dev.loopkeeper.intake.FeedbackRevised;
import dev.loopkeeper.intake.HistoryDoor;
import dev.loopkeeper.intake.ResponseSubmission;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.outreach.StaffAlertView;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.Segment;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The systemic loop on whatever database the subclass gives it: themes found in every response on intake (and in
 * history and revisions), retagged when the themes change, corrected by agents, suggested from what detractors
 * say, weighed, watched for spikes, and fixed by actions that link their cases, tell every customer once and
 * thank the staff who handled them.
 */
@Import(StatementCounter.class)
abstract class SystemicLoopContract {

    static final MailServer mail = MailServer.start();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", mail::port);
    }

    static final Actor PAULA = new Actor("paula", Set.of("process-owners"));
    static final Actor FIONA = new Actor("fiona", Set.of("frontline", "team-emea"));

    @Autowired
    CaseIntake intake;

    @Autowired
    Themes themes;

    @Autowired
    CaseThemes caseThemes;

    @Autowired
    ThemeSuggestions suggestions;

    @Autowired
    ThemeTrends trends;

    @Autowired
    ThemePriorities priorities;

    @Autowired
    Improvements improvements;

    @Autowired
    Retagging retagging;

    @Autowired
    Taskwork taskwork;

    @Autowired
    Outreach outreach;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    /** Made-up words, fresh per test: the database is shared by the tests of a class. */
    String word;

    String other;

    @BeforeEach
    void freshWords() throws Exception {
        word = nonsense();
        other = nonsense();
        mail.ensureRunning();
        mail.purge();
        retagging.runPending();
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    static String nonsense() {
        Random random = new Random();
        StringBuilder w = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            w.append((char) ('a' + random.nextInt(26)));
        }
        return w.toString();
    }

    UUID theme(String name, Map<String, List<String>> keywords) {
        return themes.create(new ThemeDraft(name, "paula", keywords), PAULA);
    }

    UUID respond(int score, String comment) {
        return respond(score, comment, Instant.now().minus(Duration.ofMinutes(5)), new BigDecimal("1000"));
    }

    UUID respond(int score, String comment, Instant at, BigDecimal lifetimeValue) {
        return intake.receive(submission(score, comment, at, lifetimeValue)).caseId();
    }

    /** A response of this customer (a customer's responses share their reference). */
    UUID respondAs(String customer, int score, String comment, Instant at) {
        return intake.receive(submission(customer, score, comment, at, new BigDecimal("1000")))
                .caseId();
    }

    static ResponseSubmission submission(int score, String comment, Instant at, BigDecimal lifetimeValue) {
        return submission("C-" + UUID.randomUUID(), score, comment, at, lifetimeValue);
    }

    static ResponseSubmission submission(
            String customer, int score, String comment, Instant at, BigDecimal lifetimeValue) {
        String unique = UUID.randomUUID().toString();
        return new ResponseSubmission(
                "test-survey",
                "evt-" + unique,
                at,
                score,
                comment,
                new CustomerDetails(
                        customer,
                        "Customer " + unique.substring(0, 4),
                        "c-" + unique.substring(0, 8) + "@example.com",
                        "+34 600 123 456",
                        Channel.PHONE,
                        "bronze",
                        lifetimeValue),
                Map.of("region", "EMEA", "product", "Broadband"));
    }

    /** The case's themes of this test (the demo's own themes may find something in its comments too). */
    List<String> themeNamesOf(UUID caseId) {
        return caseThemes.of(caseId).stream()
                .map(CaseThemes.Tag::theme)
                .filter(name -> name.contains(word))
                .toList();
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    class Tagging {

        @Test
        void aResponseIsTaggedOnIntakeWithTheKeywordsOfItsLanguage() {
            theme("Tag " + word, Map.of("en", List.of(word), "de", List.of(other)));

            UUID english = respond(3, "The " + word + "s were wrong again and nobody called me back");
            UUID german = respond(3, "Die " + other + " ist immer noch nicht da und niemand ruft an");
            UUID germanWordInEnglish = respond(3, "The " + other + " was fine but I am still not happy with it");

            assertThat(themeNamesOf(english)).containsExactly("Tag " + word);
            assertThat(themeNamesOf(german)).containsExactly("Tag " + word);
            assertThat(themeNamesOf(germanWordInEnglish)).isEmpty();
        }

        @Test
        void taggingAddsOneInsertPerTableToIntakeAndReadsNoThemes() {
            theme("Cost " + word, Map.of("en", List.of(word)));
            respond(5, "warm up the cache");

            int voices = StatementCounter.statementsOn("customer_voice", () -> respond(3, "My " + word + " broke"));
            int tags = StatementCounter.statementsOn("response_theme", () -> respond(3, "My " + word + " broke"));
            int themesRead = StatementCounter.statementsOn("theme_keyword", () -> respond(3, "My " + word + " broke"));
            int untagged = StatementCounter.statementsOn("response_theme", () -> respond(3, "Nothing to see"));
            int actions = StatementCounter.statementsOn("improvement_action", () -> respond(3, "Nothing to see"));

            assertThat(voices).isEqualTo(1);
            assertThat(tags).isEqualTo(1);
            assertThat(themesRead).isZero();
            assertThat(untagged).isZero();
            assertThat(actions).isZero();
        }

        @Test
        void historyRowsAreTaggedToo() {
            UUID id = theme("History " + word, Map.of("en", List.of(word)));
            Instant longAgo = Instant.now().minus(Duration.ofDays(60));

            HistoryDoor.keep(
                    context,
                    List.of(
                            submission(2, "An old " + word + " complaint", longAgo, null),
                            submission(9, "Nothing about it", longAgo, null)));

            assertThat(jdbc.queryForObject(
                            "select count(*) from response_theme t join customer_voice v on v.response_id ="
                                    + " t.response_id where t.theme_id = ? and v.opened_case = false",
                            Integer.class,
                            id.toString()))
                    .isEqualTo(1);
        }

        @Test
        void aRevisedCommentIsTaggedAgain() {
            theme("Revised " + word, Map.of("en", List.of(word)));
            UUID caseId = respond(4, "First I said nothing in particular");

            new TransactionTemplate(transactions)
                    .executeWithoutResult(s -> events.publishEvent(new FeedbackRevised(
                            caseId,
                            Instant.now(),
                            4,
                            2,
                            "First I said nothing in particular",
                            "Then I said the " + word + " is broken")));

            assertThat(themeNamesOf(caseId)).containsExactly("Revised " + word);
        }

        @Test
        void aChangeOfTheThemesRetagsEveryResponseInTheBackgroundWithProgress() {
            UUID caseId = respond(3, "The " + word + " is a disgrace");
            assertThat(themeNamesOf(caseId)).isEmpty();

            UUID id = theme("Later " + word, Map.of("en", List.of("something-else")));
            themes.update(id, new ThemeDraft("Later " + word, "paula", Map.of("en", List.of(word))), PAULA);

            RetagProgress before = themes.retagging();
            assertThat(before.waiting()).isPositive();
            assertThat(before.done()).isFalse();

            assertThat(retagging.runPending()).isEqualTo(before.waiting());

            assertThat(themes.retagging().done()).isTrue();
            assertThat(themes.retagging().fraction()).isEqualTo(1.0);
            assertThat(themeNamesOf(caseId)).containsExactly("Later " + word);
        }

        @Test
        void theAgentsJudgementWinsOverKeywordsAndIsRecorded() {
            UUID found = theme("Found " + word, Map.of("en", List.of(word)));
            UUID meant = theme("Meant " + word, Map.of("en", List.of(other)));
            UUID caseId = respond(3, "The " + word + " is a disgrace");
            assertThat(themeNamesOf(caseId)).containsExactly("Found " + word);

            caseThemes.judge(caseId, Set.of(meant), FIONA);
            themes.update(found, new ThemeDraft("Found " + word, null, Map.of("en", List.of(word, "disgrace"))), PAULA);
            retagging.runPending();

            assertThat(caseThemes.of(caseId))
                    .extracting(CaseThemes.Tag::theme, CaseThemes.Tag::byAgent)
                    .containsExactly(tuple("Meant " + word, true));
            assertThat(jdbc.queryForMap(
                            "select judged_by, themes_before, themes_after from theme_judgement where response_id = ?",
                            caseId.toString()))
                    .containsEntry("JUDGED_BY", "fiona")
                    .containsEntry("THEMES_BEFORE", "Found " + word)
                    .containsEntry("THEMES_AFTER", "Meant " + word);
            assertThat(found).isNotEqualTo(meant);
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    class Suggestions {

        @Test
        void wordsAndPhrasesDetractorsUseThatNoThemeCoversAreSuggestedAndBecomeAThemeInOneClick() {
            String phrase = word + " " + other;
            for (int i = 0; i < 4; i++) {
                respond(i < 2 ? 2 : 7, "Again the " + phrase + " failed, comment " + i);
            }
            respond(10, "Loved the " + phrase + " though");

            ThemeSuggestions.Suggestion suggested = suggestions.suggestions().stream()
                    .filter(s -> s.phrase().equals(phrase))
                    .findFirst()
                    .orElseThrow();
            assertThat(suggested.comments()).isEqualTo(4);
            assertThat(suggested.language()).isEqualTo("en");
            assertThat(suggested.examples())
                    .hasSize(3)
                    .allSatisfy(e -> assertThat(e.excerpt()).contains(phrase));

            UUID id = suggestions.adopt(suggested, PAULA);

            assertThat(themes.find(id).orElseThrow().keywords()).containsEntry("en", List.of(phrase));
            assertThat(suggestions.suggestions())
                    .extracting(ThemeSuggestions.Suggestion::phrase)
                    .doesNotContain(phrase, word, other);
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    class Spikes {

        @Test
        void aThemeAboveItsUsualRangeAlertsItsOwnerOncePerSpike() {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            ClockUtil.setCurrentTime(Date.from(now));
            UUID id = theme("Spike " + word, Map.of("en", List.of(word)));
            for (int week = 1; week <= 8; week++) {
                respond(5, "Some " + word + " trouble", now.minus(Duration.ofDays(7L * week + 2)), null);
            }
            assertThat(trends.watch()).doesNotContain(id);
            for (int i = 0; i < 6; i++) {
                respond(3, "So much " + word + " trouble " + i, now.minus(Duration.ofHours(i + 1)), null);
            }

            ThemeTrends.SpikeStatus status = trends.spikes().stream()
                    .filter(s -> s.themeId().equals(id))
                    .findFirst()
                    .orElseThrow();
            assertThat(status.verdict().mentions()).isEqualTo(6);
            assertThat(status.verdict().mean()).isEqualTo(1.0);
            assertThat(status.verdict().spike()).isTrue();
            assertThat(trends.watch()).contains(id);
            assertThat(trends.watch()).doesNotContain(id);

            List<StaffAlertView> alerts = outreach.unreadAlertsFor(PAULA).stream()
                    .filter(a -> a.subject().equals("Theme rising: Spike " + word))
                    .toList();
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).kind()).isEqualTo("theme-spike");
            assertThat(alerts.get(0).body()).contains("6 times in the last 7 days");
            assertThat(themes.find(id).orElseThrow().spiking()).isTrue();
        }

        @Test
        void weeklyTrendsCountMentionsPerSegment() {
            UUID id = theme("Trend " + word, Map.of("en", List.of(word)));
            respond(2, "Bad " + word);
            respond(8, "Meh " + word);
            respond(10, "Great " + word);

            ThemeTrends.Trend all = trends.weekly(4, Set.of(Segment.values())).stream()
                    .filter(t -> t.themeId().equals(id))
                    .findFirst()
                    .orElseThrow();
            ThemeTrends.Trend detractors = trends.weekly(4, Set.of(Segment.DETRACTOR)).stream()
                    .filter(t -> t.themeId().equals(id))
                    .findFirst()
                    .orElseThrow();

            assertThat(all.weeks()).hasSize(4);
            assertThat(all.total()).isEqualTo(3);
            assertThat(detractors.total()).isEqualTo(1);
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    class Priorities {

        @Test
        void aThemeIsWeighedByMentionsDetractorShareNpsDragAndRevenueAtRisk() {
            UUID id = theme("Costly " + word, Map.of("en", List.of(word)));
            Instant at = Instant.now().minus(Duration.ofHours(1));
            respond(1, "The " + word + " again", at, new BigDecimal("1000"));
            respond(2, "The " + word + " again", at, new BigDecimal("2000"));
            respond(7, "The " + word + " was meh", at, new BigDecimal("500"));
            respond(10, "Great service", at, new BigDecimal("500"));

            ThemePriorities.ThemeImpact impact = priorities.matrix().themes().stream()
                    .filter(t -> t.themeId().equals(id))
                    .findFirst()
                    .orElseThrow();

            assertThat(impact.mentions()).isEqualTo(3);
            assertThat(impact.customers()).isEqualTo(3);
            assertThat(impact.detractorShare()).isEqualTo(2.0 / 3);
            assertThat(impact.npsDrag()).isPositive();
            // 1000 × 0.30 + 2000 × 0.30 + 500 × 0.10
            assertThat(impact.revenueAtRisk()).isEqualByComparingTo("950.00");
        }
    }

    // ---------------------------------------------------------------------------------------------
    @Nested
    class Actions {

        @Test
        void anActionFromAThemeLinksItsCasesAndFutureOnesWhileItIsOpen() {
            UUID id = theme("Action " + word, Map.of("en", List.of(word)));
            Instant earlier = Instant.now().minus(Duration.ofMinutes(5));
            String customer = "C-" + UUID.randomUUID();
            UUID first = respondAs(customer, 2, "My " + word + " is broken", earlier);
            UUID second = respond(7, "The " + word + " again");
            respond(3, "Something else entirely");

            UUID action = improvements.create(
                    new NewImprovement(
                            "Fix the " + word,
                            null,
                            "product-defect",
                            "paula",
                            Instant.now().plus(Duration.ofDays(30)),
                            id,
                            "Half the complaints",
                            improvements.casesOfTheme(id)),
                    PAULA);
            assertThat(improvements.linkedCases(action)).containsExactlyInAnyOrder(first, second);

            UUID later = respond(4, "Still the " + word);
            assertThat(improvements.linkedCases(action)).contains(later).hasSize(3);

            release(action);
            Instant afterTheFix = Instant.now().plus(Duration.ofMinutes(1));
            // a passive this time: a detractor would join their open case, which is linked (issue 16's repeats)
            UUID sameCustomerAgain = respondAs(customer, 7, "And the " + word + " once more", afterTheFix);
            UUID someoneNew = respondAs("C-" + UUID.randomUUID(), 9, "The " + word + " is fine now", afterTheFix);

            assertThat(improvements.linkedCases(action))
                    .doesNotContain(sameCustomerAgain, someoneNew)
                    .hasSize(3);
            ImprovementView view = improvements.find(action).orElseThrow();
            assertThat(view.themeName()).isEqualTo("Action " + word);
            assertThat(view.expectedImpact()).isEqualTo("Half the complaints");
            ImprovementResult result = improvements.result(action);
            assertThat(result.leadTime()).isNotNull();
            assertThat(result.responsesBefore()).isEqualTo(3);
            assertThat(result.npsBefore()).isCloseTo(-200.0 / 3, within(0.01));
            assertThat(result.responsesAfter()).isEqualTo(1);
            assertThat(result.npsAfter()).isEqualTo(0.0);
        }

        @Test
        void whenTheFixShipsEveryLinkedCustomerIsToldOnceAndTheStaffWhoHandledThemToo() throws Exception {
            UUID id = theme("Shipped " + word, Map.of("en", List.of(word)));
            UUID worked = respond(2, "My " + word + " is broken");
            UUID closed = respond(10, "Even with the " + word + " I like you");
            closeByThanks(closed);
            Task contact = tasks.createTaskQuery()
                    .processInstanceBusinessKey(worked.toString())
                    .singleResult();
            taskwork.claim(contact.getId(), FIONA);
            UUID action = improvements.create(
                    new NewImprovement(
                            "Fix the " + word,
                            null,
                            null,
                            "paula",
                            Instant.now().plus(Duration.ofDays(30)),
                            id,
                            null,
                            improvements.casesOfTheme(id)),
                    PAULA);
            mail.purge();

            release(action);

            assertThat(mail.received())
                    .extracting(m -> m.getAllRecipients()[0].toString())
                    .filteredOn(address -> address.contains("@example.com"))
                    .hasSize(2);
            List<StaffAlertView> notes = outreach.unreadAlertsFor(FIONA).stream()
                    .filter(a ->
                            a.kind().equals("you-said-we-did") && a.subject().contains(word))
                    .toList();
            assertThat(notes).extracting(StaffAlertView::userId).contains("fiona");
            assertThat(notes).extracting(StaffAlertView::group).contains("team-emea");

            int mails = mail.received().length;
            improvements.announce(action);

            assertThat(mail.received()).hasSize(mails);
            assertThat(outreach.unreadAlertsFor(FIONA).stream()
                            .filter(a -> a.kind().equals("you-said-we-did")
                                    && a.subject().contains(word)))
                    .hasSize(notes.size());
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** Implemented, verified, and the "Announce fix" job run. */
    void release(UUID action) {
        ProcessInstance improvement = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(action.toString())
                .processDefinitionKey(ImprovementProcess.PROCESS_ID)
                .singleResult();
        complete(
                improvement,
                ImprovementProcess.IMPLEMENT,
                Map.of(ImprovementProcess.Vars.IMPLEMENTATION_SUMMARY, "Done"));
        complete(
                improvement,
                ImprovementProcess.VERIFY_FIX,
                Map.of(
                        ImprovementProcess.Vars.VERIFICATION,
                        "verified",
                        ImprovementProcess.Vars.VERIFICATION_NOTES,
                        "ok"));
        management
                .createJobQuery()
                .processInstanceId(improvement.getId())
                .activityId(ImprovementProcess.ANNOUNCE_FIX)
                .list()
                .forEach(job -> management.executeJob(job.getId()));
        assertThat(improvements.find(action).orElseThrow().status()).isEqualTo(ImprovementStatus.ANNOUNCED);
    }

    void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey)
                .singleResult();
        tasks.complete(task.getId(), variables);
    }

    /** A promoter's loop: thanked by email and closed, as its jobs run. */
    void closeByThanks(UUID caseId) {
        ProcessInstance loop = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString())
                .singleResult();
        for (int round = 0; round < 20; round++) {
            List<String> due = new ArrayList<>();
            management
                    .createJobQuery()
                    .processInstanceId(loop.getId())
                    .executable()
                    .list()
                    .forEach(j -> due.add(j.getId()));
            if (due.isEmpty()) {
                break;
            }
            due.forEach(management::executeJob);
        }
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(loop.getId())
                        .count())
                .isZero();
    }
}
