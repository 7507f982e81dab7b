package dev.loopkeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.ContactOutcome;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A frontline agent in the browser: works a new case from the tasklist, and sees only what her role allows. */
class FrontlineBrowserIT extends BrowserJourney {

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Test
    void anAgentWhoGetsNoAnswerLeavesTheCaseWaitingForTheCustomersReplyOrTheRetry() {
        String detractor = uniqueCustomer("Dana Detractor");
        String passive = uniqueCustomer("Pat Passive");
        String promoter = uniqueCustomer("Priya Promoter");
        UUID caseId = postResponse(response(detractor, 3));
        postResponse(response(passive, 7));
        postResponse(response(promoter, 10));

        TasklistPage tasklist = signIn("fiona").openTasklist();
        assertThat(tasklist.rowOf(detractor).getByText("Contact customer")).isVisible();
        assertThat(tasklist.rowOf(passive)).not().hasCount(0);
        assertThat(tasklist.rowOf(promoter)).not().hasCount(0);
        screenshot("tasklist");

        tasklist.claim(detractor);
        assertThat(tasklist.rowOf(detractor).getByText("fiona", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(caseState(caseId).at("/openTasks/0/assignee").asText()).isEqualTo("fiona");

        ContactDialog dialog = tasklist.openContactDialog(detractor)
                .chooseOutcome(ContactOutcome.NO_ANSWER)
                .chooseChannel("Phone")
                .writeNotes("Rang twice at 10:05, voicemail full.");
        screenshot("contact-dialog");
        tasklist = dialog.complete();

        // gone from the grid as soon as the server has taken the contact
        assertThat(tasklist.rowOf(detractor)).hasCount(0);
        JsonNode state = caseState(caseId);
        assertThat(state.get("status").asText()).isEqualTo("open");
        assertThat(state.get("lastContactOutcome").asText()).isEqualTo("no-answer");
        assertThat(state.get("openTasks")).isEmpty();
        // the job executor sends the retry outreach; then the case waits for a reply or the retry timer
        String processInstance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString())
                .singleResult()
                .getId();
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> runtime.getActiveActivityIds(processInstance),
                        ids -> ids.contains(ClosedLoop.AWAIT_REPLY));
        assertThat(caseState(caseId).get("openTasks")).isEmpty();

        // and a fresh look at the tasklist agrees: the other cases are there, this one is not
        tasklist = TasklistPage.open(page);
        assertThat(tasklist.rowOf(passive)).not().hasCount(0);
        assertThat(tasklist.rowOf(detractor)).hasCount(0);
    }

    @Test
    void anAgentWorksACaseFromIntakeToResolutionThroughARetry() {
        String customer = uniqueCustomer("Rita Retry");
        UUID caseId = postResponse(response(customer, 2));

        TasklistPage tasklist = signIn("fiona").openTasklist();
        tasklist.claim(customer).logContact(customer, ContactOutcome.NO_ANSWER);

        // the retry is scheduled: the case screen says when the next attempt is due
        CasePage screen = CasePage.open(page, caseId);
        String processInstance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString())
                .singleResult()
                .getId();
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> runtime.getActiveActivityIds(processInstance),
                        ids -> ids.contains(ClosedLoop.AWAIT_REPLY));
        screen = CasePage.open(page, caseId);
        assertThat(screen.waiting()).containsText("Next attempt due");
        screenshot("case-waiting-for-retry");

        // two business days pass: the engine's clock moves, its job executor fires the retry timer (and the
        // SLA timer, a day overdue by then: a supervisor gets a review task, which fiona does not see)
        Job retry = management
                .createJobQuery()
                .processInstanceId(processInstance)
                .activityId(ClosedLoop.RETRY_DUE)
                .timers()
                .singleResult();
        ClockUtil.setCurrentTime(Date.from(retry.getDuedate().toInstant().plusSeconds(60)));
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> caseState(caseId).get("openTasks").findValuesAsText("taskKey"),
                        keys -> keys.contains(ClosedLoop.CONTACT_CUSTOMER));

        screen = CasePage.open(page, caseId).claim();
        screenshot("case");
        screen.contact("Reached the customer", "Email");
        assertThat(screen.notification("Done. Next: Log resolution, yours")).isVisible();
        screen.logResolution(
                "Refund had been stuck in approval; pushed it through and apologised.",
                "Billing",
                "The refund waited for a manual approval");
        assertThat(screen.notification("Done. The loop is closed: resolved.")).isVisible();

        JsonNode state = caseState(caseId);
        assertThat(state.get("status").asText()).isEqualTo("closed");
        assertThat(state.get("closedAs").asText()).isEqualTo("resolved");
    }

    @Test
    void anAgentWhoTypesTheAddressOfASupervisorsPageIsRefused() {
        MainLayoutPage layout = signIn("fiona");
        assertThat(layout.signedInUser()).hasText("fiona");
        assertThat(layout.menu()).contains("Tasklist").doesNotContain("Improvements");

        page.navigate("/improvements");
        Vaadin.awaitIdle(page);

        // our not-found page, as for an address that does not exist: the view is not revealed, nor any other route
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found")))
                .isVisible();
        assertThat(page.getByText("Available routes")).hasCount(0);
        assertThat(page.locator("a[href='supervision/escalations']")).hasCount(0);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Improvement actions")))
                .hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New improvement action")))
                .hasCount(0);
        screenshot("access-denied");
    }

    @Test
    void aSupervisorOpensTheSamePageFromTheMenu() {
        MainLayoutPage layout = signIn("sam");
        assertThat(layout.menu()).contains("Improvements");

        layout.menuItem("Improvements").click();
        Vaadin.awaitIdle(page);

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Improvement actions")))
                .isVisible();
        assertThat(page).hasURL(baseUrl() + "/improvements");
    }
}
