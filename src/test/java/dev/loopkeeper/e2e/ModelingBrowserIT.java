package dev.loopkeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.sla.SlaClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A process owner in the browser: opens the follow-up policy in the decision table editor, shortens the
 * detractor SLA to 4 business hours and deploys it; the next detractor's contact task is due by it. Then puts
 * email first in the detractors' channel order; the next detractor's contact form offers email. On the way,
 * screenshots of the library and the three editors for the README.
 */
// The policy deployed here would otherwise be the one every later journey in this JVM starts cases with
@DirtiesContext
class ModelingBrowserIT extends BrowserJourney {

    /** The "contact within" output of the general detractor rule (a detractor who is not high-value nor EMEA). */
    static final String DETRACTOR_CONTACT_WITHIN = "LiteralExpression_Detractor_contactWithin";

    /** The channel order of the same rule. */
    static final String DETRACTOR_CHANNEL_ORDER = "LiteralExpression_Detractor_channelOrder";

    static final String REGION = "US";

    @Autowired
    SlaClock sla;

    @Autowired
    RuntimeService runtime;

    @Test
    void aProcessOwnerShortensTheDetractorSlaAndTheNextDetractorIsDueByIt() {
        signIn("paula");
        ModelLibraryPage library = ModelLibraryPage.open(page);
        screenshot("modeling-library");

        ModelEditorPage process = library.editLatest("Closed loop");
        process.bpmnElement(ClosedLoop.CONTACT_CUSTOMER).click();
        assertThat(process.propertiesHeader()).hasText("Contact customer");
        // Camunda 7's attributes, editable: whom the task is offered to and when it is due
        Locator assignment = process.openPropertiesGroup("User assignment");
        assertThat(assignment.getByLabel("Candidate groups")).hasValue("${ownerGroup}");
        assertThat(assignment.getByLabel("Due date")).hasValue("${slaDueAt}");
        screenshot("modeling-bpmn-editor");
        library = process.discard();

        ModelEditorPage form = library.editLatest("contact-customer");
        assertThat(form.formField("Outcome")).isVisible();
        screenshot("modeling-form-editor");
        library = form.discard();

        ModelEditorPage policy = library.editLatest("Follow-up policy");
        assertThat(policy.decisionCell(DETRACTOR_CONTACT_WITHIN)).hasText("\"PT24H\"");
        policy.changeDecisionCell(DETRACTOR_CONTACT_WITHIN, "\"PT4H\"");
        assertThat(policy.decisionCell(DETRACTOR_CONTACT_WITHIN)).hasText("\"PT4H\"");
        screenshot("modeling-dmn-editor");
        library = policy.deploy("Detractors within 4 business hours");
        assertThat(library.versionNote("Detractors within 4 business hours"))
                .not()
                .hasCount(0);

        Instant posted = Instant.now();
        UUID caseId = postResponse(usDetractor("phone"));
        // the job executor alerts the owners, then the SLA clock starts and the task is created
        JsonNode contact = await().atMost(Duration.ofSeconds(30))
                .until(() -> caseState(caseId).at("/openTasks/0"), task -> !task.isMissingNode());
        Instant seen = Instant.now();
        assertThat(contact.path("taskKey").asText()).isEqualTo(ClosedLoop.CONTACT_CUSTOMER);
        Instant due = Instant.parse(contact.path("dueAt").asText());
        assertThat(due)
                .as("due 4 business hours after the clock started, between posting and the task appearing")
                .isBetween(
                        sla.dueAfter(posted.minusSeconds(1), "PT4H", true, REGION),
                        sla.dueAfter(seen, "PT4H", true, REGION))
                .as("no longer by the shipped 24 business hours")
                .isBefore(sla.dueAfter(posted, "PT24H", true, REGION));
    }

    @Test
    void aProcessOwnerPutsEmailFirstForDetractorsAndTheNextDetractorIsOfferedEmail() {
        MainLayoutPage signedIn = signIn("paula");
        ModelEditorPage policy = ModelLibraryPage.open(page).editLatest("Follow-up policy");
        assertThat(policy.decisionCell(DETRACTOR_CHANNEL_ORDER)).hasText("\"phone,email,sms\"");
        policy.changeDecisionCell(DETRACTOR_CHANNEL_ORDER, "\"email,phone,sms\"");
        assertThat(policy.decisionCell(DETRACTOR_CHANNEL_ORDER)).hasText("\"email,phone,sms\"");
        screenshot("modeling-channel-order");
        ModelLibraryPage library = policy.deploy("Detractors: email first");
        assertThat(library.versionNote("Detractors: email first")).not().hasCount(0);

        // a customer with a phone and an email address who states no preference
        UUID caseId = postResponse(usDetractor(null));
        JsonNode contact = await().atMost(Duration.ofSeconds(30))
                .until(() -> caseState(caseId).at("/openTasks/0"), task -> !task.isMissingNode());
        assertThat(contact.path("taskKey").asText()).isEqualTo(ClosedLoop.CONTACT_CUSTOMER);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseId.toString())
                        .singleResult())
                .extracting(instance -> runtime.getVariable(instance.getId(), ClosedLoop.Vars.CHANNEL))
                .isEqualTo("email");

        signedIn.logOut().signIn("fiona", DEMO_PASSWORD);
        CasePage.open(page, caseId).claim();
        assertThat(page.locator("#field-channelUsed vaadin-select-value-button"))
                .hasText("Email");
        screenshot("contact-form-email-first");
    }

    /**
     * A detractor from the US, neither a gold or platinum customer nor worth 10,000: the general detractor rule.
     *
     * @param preferredChannel the channel the customer prefers, or null for none
     */
    private static String usDetractor(String preferredChannel) {
        return """
                {"source": "browser-journey", "sourceEventId": "%s", "respondedAt": "%s", "score": 2,
                 "comment": "Nobody called back",
                 "customer": {"externalId": "C-%s", "name": "%s", "email": "dana@example.com",
                              "phone": "+1 212 555 0100",%s "tier": "silver", "lifetimeValue": 1200},
                 "properties": {"region": "%s", "product": "Broadband"}}
                """.formatted(
                        UUID.randomUUID(),
                        Instant.now(),
                        UUID.randomUUID(),
                        uniqueCustomer("Dana Miller"),
                        preferredChannel == null ? "" : " \"preferredChannel\": \"" + preferredChannel + "\",",
                        REGION);
    }
}
