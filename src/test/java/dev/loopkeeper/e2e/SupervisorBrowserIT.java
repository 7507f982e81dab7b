package dev.loopkeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.loopkeeper.casework.ClosedLoop;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A supervisor in the browser: a case breaches its SLA, she reassigns it, and the new assignee finds it. */
class SupervisorBrowserIT extends BrowserJourney {

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Test
    void aBreachedCaseIsReassignedFromEscalationsAndTheNewAssigneeSeesIt() {
        String customer = uniqueCustomer("Bruno Breach");
        UUID caseId = postResponse(response(customer, 1));
        String processInstance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId.toString())
                .singleResult()
                .getId();

        // nobody contacts the customer; the engine's clock moves past the SLA and its job executor fires the timer
        Job sla = management
                .createJobQuery()
                .processInstanceId(processInstance)
                .activityId(ClosedLoop.SLA_BREACHED)
                .timers()
                .singleResult();
        ClockUtil.setCurrentTime(Date.from(sla.getDuedate().toInstant().plusSeconds(60)));
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> caseState(caseId).get("openTasks").findValuesAsText("taskKey"),
                        keys -> keys.contains(ClosedLoop.REVIEW_ESCALATION));

        MainLayoutPage layout = signIn("sam");
        assertThat(layout.menu())
                .contains(
                        "Escalations",
                        "Breaches",
                        "Workload",
                        "Health of the loop",
                        "Incidents",
                        "The loop on the diagram");
        EscalationsPage escalations = EscalationsPage.open(page);
        assertThat(escalations
                        .rowOf(customer)
                        .getByText("frontline", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        screenshot("escalations");

        escalations.reassign(customer, "frank", "Fiona is on leave this week");
        assertThat(escalations.notification("Reassigned to frank: 1")).isVisible();
        assertThat(escalations.rowOf(customer)).hasCount(0);
        assertThat(caseState(caseId).get("openTasks").findValuesAsText("assignee"))
                .containsExactly("frank");

        // the breach stays on record, handled, with who held the case and how late it is
        page.navigate("/supervision/breaches");
        Vaadin.awaitIdle(page);
        assertThat(page.locator(Vaadin.GRID_ROW + "=" + customer).getByText("reassign by sam"))
                .isVisible();
        screenshot("breaches");
        // the diagram: a badge of waiting cases on "Contact customer"; a click lists them, one shows its path
        page.navigate("/supervision/diagram");
        com.microsoft.playwright.Locator waiting =
                page.locator(".lk-count.lk-waiting[data-activity=" + ClosedLoop.CONTACT_CUSTOMER + "]");
        assertThat(waiting).isVisible();
        screenshot("loop-diagram");
        waiting.click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Waiting at Contact customer")))
                .isVisible();
        page.locator(Vaadin.GRID_ROW + "=" + customer)
                .getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Its path"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("One case on the diagram")))
                .isVisible();
        assertThat(page.locator("g.lk-current[data-element-id=" + ClosedLoop.CONTACT_CUSTOMER + "]"))
                .hasCount(1);
        assertThat(page.locator("g.lk-passed[data-element-id=" + ClosedLoop.DECIDE_POLICY + "]"))
                .hasCount(1);
        screenshot("case-path");

        page.navigate("/supervision/workload");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Workload")))
                .isVisible();
        screenshot("workload");
        page.navigate("/supervision/health");
        assertThat(page.getByLabel("Cases opened").first()).isVisible();
        screenshot("health");

        TasklistPage tasklist = layout.logOut().signIn("frank", DEMO_PASSWORD).openTasklist();
        assertThat(tasklist.rowOf(customer).getByText("Contact customer")).isVisible();
        assertThat(tasklist.rowOf(customer)
                        .getByText("frank", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true)))
                .isVisible();
    }
}
