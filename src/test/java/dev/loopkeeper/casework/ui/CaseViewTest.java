package dev.loopkeeper.casework.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import dev.loopkeeper.KaribuUi;
import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.MailServer;
import dev.loopkeeper.TestResponses;
import dev.loopkeeper.casework.CaseTimeline;
import dev.loopkeeper.casework.Casework;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.Taskwork;
import dev.loopkeeper.casework.TimelineEntry;
import dev.loopkeeper.insight.CaseThemes;
import dev.loopkeeper.insight.ThemeView;
import dev.loopkeeper.intake.CaseIntake;
import dev.loopkeeper.outreach.Medium;
import dev.loopkeeper.outreach.StaffTools;
import dev.loopkeeper.sharedkernel.ui.NotFoundView;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The case screen: the form of the task at hand, the loop so far, comments, and an email to the customer. */
@LoopkeeperTest
class CaseViewTest {

    static final MailServer mail = MailServer.start();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", mail::port);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    CaseIntake intake;

    @Autowired
    Casework casework;

    @Autowired
    Taskwork taskwork;

    @Autowired
    CaseThemes caseThemes;

    @Autowired
    CaseTimeline timeline;

    @Autowired
    StaffTools tools;

    UUID caseId;
    String customer;

    @BeforeEach
    void aDetractorsCase() throws Exception {
        mail.ensureRunning();
        mail.purge();
        customer = "Case Screen " + UUID.randomUUID();
        caseId = intake.receive(TestResponses.customer(
                        3,
                        customer,
                        "standard",
                        "EMEA",
                        "maria@example.com",
                        "+34 600 123 456",
                        "Waited 40 minutes and my refund never came"))
                .caseId();
        KaribuUi.signIn(context, "fiona", "frontline", "team-emea");
        open();
    }

    @AfterEach
    void signOut() {
        KaribuUi.signOut();
    }

    @Test
    void theTimelineSpeaksTheReadersLanguageWhileItsEnglishStaysForTheApi() {
        _click(_get(Button.class, spec -> spec.withText("Claim")));
        _get(RadioButtonGroup.class, spec -> spec.withLabel("Outcome")).setValue("no-answer");
        _click(_get(Button.class, spec -> spec.withText("Complete contact customer")));
        casework.comment(
                caseId,
                "Rang at noon",
                new dev.loopkeeper.sharedkernel.Actor("fiona", java.util.Set.of("frontline", "team-emea")));

        UI.getCurrent().setLocale(java.util.Locale.GERMAN);
        open();
        String shown = _find(ListItem.class).stream()
                .filter(item -> item.getElement().hasAttribute("data-kind"))
                .map(item -> item.getElement().getTextRecursively())
                .reduce("", (a, b) -> a + "\n" + b);

        assertThat(shown)
                .contains("Antwort erhalten: 3 (Kritiker)")
                .contains("Versuch 1 per Telefon: keine Antwort")
                .contains("Kommentar — fiona")
                .doesNotContain("!casework.", "!sharedkernel.", "Response received", "Attempt 1");
        dev.loopkeeper.sharedkernel.Actor fiona =
                new dev.loopkeeper.sharedkernel.Actor("fiona", java.util.Set.of("frontline", "team-emea"));
        assertThat(timeline.of(timeline.file(caseId, fiona).orElseThrow()))
                .extracting(TimelineEntry::title)
                .contains("Response received: 3 (detractor)", "Attempt 1 by phone: no answer", "Comment");
    }

    @Test
    void theCommentShowsItsThemesAndTheCustomerCanBeCalledOrMailed() {
        List<String> themed = _find(Span.class).stream()
                .filter(span -> span.getElement().hasAttribute("data-theme"))
                .map(span -> span.getText() + ":" + span.getElement().getAttribute("data-theme"))
                .toList();
        assertThat(themed).containsExactly("Waited:waiting", "refund:billing");
        assertThat(_find(com.vaadin.flow.component.html.Anchor.class))
                .extracting(a -> a.getHref())
                .contains("tel:+34600123456", "mailto:maria@example.com");
    }

    @Test
    void theAgentWhoResolvesTheCaseDecidesItsThemesAndTheirChoiceStays() {
        assertThat(_find(Button.class, spec -> spec.withText("Save themes"))).isEmpty();
        _click(_get(Button.class, spec -> spec.withText("Claim")));
        _get(RadioButtonGroup.class, spec -> spec.withLabel("Outcome")).setValue("reached");
        _click(_get(Button.class, spec -> spec.withText("Complete contact customer")));

        @SuppressWarnings("unchecked")
        MultiSelectComboBox<ThemeView> choice = _get(MultiSelectComboBox.class, spec -> spec.withLabel("Themes"));
        assertThat(choice.getSelectedItems())
                .extracting(ThemeView::name)
                .containsExactlyInAnyOrder("waiting", "billing");
        ThemeView staff = choice.getListDataView()
                .getItems()
                .filter(t -> t.name().equals("staff"))
                .findFirst()
                .orElseThrow();
        choice.setValue(Set.of(staff));
        NotificationsKt.clearNotifications();
        _click(_get(Button.class, spec -> spec.withText("Save themes")));

        NotificationsKt.expectNotifications("Themes saved");
        assertThat(caseThemes.of(caseId))
                .extracting(CaseThemes.Tag::theme, CaseThemes.Tag::byAgent)
                .containsExactly(tuple("staff", true));
    }

    @Test
    void theContactFormMovesTheCaseOnAndSaysWhatComesNext() {
        _click(_get(Button.class, spec -> spec.withText("Claim")));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> outcome = _get(RadioButtonGroup.class, spec -> spec.withLabel("Outcome"));
        @SuppressWarnings("unchecked")
        Select<String> channel = _get(Select.class, spec -> spec.withLabel("Channel used"));
        assertThat(channel.getValue()).isEqualTo("phone"); // the policy's first channel, prefilled
        outcome.setValue("reached");
        _get(TextArea.class, spec -> spec.withLabel("Notes")).setValue("Refund pushed through");
        NotificationsKt.clearNotifications();

        _click(_get(Button.class, spec -> spec.withText("Complete contact customer")));

        NotificationsKt.expectNotifications("Done. Next: Log resolution, yours");
        assertThat(_find(ListItem.class))
                .anyMatch(item -> item.getElement().getAttribute("data-kind").equals("attempt"));
        assertThat(_get(TextField.class, spec -> spec.withLabel("Why? (1)"))).isNotNull();
    }

    @Test
    void theServerRefusalMarksTheFieldsAndAHiddenFieldAppearsWhenItMatters() {
        taskwork.claim(
                casework.find(caseId).orElseThrow().openTasks().get(0).taskId(),
                new dev.loopkeeper.sharedkernel.Actor("fiona", java.util.Set.of("frontline", "team-emea")));
        open();
        _get(RadioButtonGroup.class, spec -> spec.withLabel("Outcome")).setValue("reached");
        _click(_get(Button.class, spec -> spec.withText("Complete contact customer")));

        assertThat(_find(ComboBox.class, spec -> spec.withLabel("Improvement action")))
                .isEmpty();
        _get(
                        Checkbox.class,
                        spec -> spec.withLabel(
                                "Systemic: other customers are affected and it needs an improvement action"))
                .setValue(true);
        ComboBox<?> action = _get(ComboBox.class, spec -> spec.withLabel("Improvement action"));
        NotificationsKt.clearNotifications();

        _click(_get(Button.class, spec -> spec.withText("Complete log resolution")));

        TextArea summary = _get(TextArea.class, spec -> spec.withLabel("What happened and what you did"));
        assertThat(summary.isInvalid()).isTrue();
        assertThat(summary.getErrorMessage()).isEqualTo("is required");
        assertThat(action.isInvalid()).isTrue();
        assertThat(casework.find(caseId).orElseThrow().openTasks().get(0).taskKey())
                .isEqualTo(ClosedLoop.LOG_RESOLUTION);
    }

    @Test
    void aCommentJoinsTheTimeline() {
        _get(TextArea.class, spec -> spec.withLabel("Comment for colleagues")).setValue("Customer prefers mornings");
        _click(_get(Button.class, spec -> spec.withText("Add comment")));

        assertThat(_find(ListItem.class))
                .anyMatch(item -> "comment".equals(item.getElement().getAttribute("data-kind"))
                        && item.getElement().getTextRecursively().contains("Customer prefers mornings"));
    }

    @Test
    void anEmailStartsFromTheStepsTemplateAndGoesOutAsEdited() throws Exception {
        _click(_get(Button.class, spec -> spec.withText("Claim")));
        _click(_get(Button.class, spec -> spec.withText("Email customer")));
        TextField subject = _get(TextField.class, spec -> spec.withLabel("Subject"));
        assertThat(subject.getValue()).isNotBlank();
        subject.setValue("About your refund");
        TextArea text = _get(TextArea.class, spec -> spec.withLabel("Message"));
        text.setValue(text.getValue() + "\nFiona from customer care");

        _click(_get(Button.class, spec -> spec.withText("Send")));

        assertThat(mail.subjectsFor("maria@example.com")).containsExactly("About your refund");
        assertThat(MailServer.part(mail.allReceivedBy("maria@example.com").get(0), "text/plain"))
                .contains("Fiona from customer care");
        assertThat(_find(ListItem.class))
                .anyMatch(item -> "email".equals(item.getElement().getAttribute("data-kind")));
    }

    @Test
    void anotherTeamsCaseIsNotFoundJustLikeACaseThatDoesNotExist() {
        KaribuUi.signOut();
        KaribuUi.signIn(context, "olga", "frontline", "team-apac");

        open();
        _get(NotFoundView.class);
        String theirs = page();
        UI.getCurrent().navigate("cases/" + UUID.randomUUID());
        String unknown = page();
        UI.getCurrent().navigate("cases/not-a-case-id");
        String malformed = page();

        assertThat(theirs)
                .contains("Not found")
                .doesNotContain(customer, caseId.toString(), "cases/", "Exception")
                .isEqualTo(unknown)
                .isEqualTo(malformed);
    }

    @Test
    void supervisorsOpenAnyCase() {
        KaribuUi.signOut();
        KaribuUi.signIn(context, "sam", "supervisors");

        open();

        assertThat(_get(CaseView.class)).isNotNull();
        assertThat(page()).contains(customer);
    }

    /** Every component of the page with its text and attributes. */
    private static String page() {
        return com.github.mvysny.kaributesting.v10.PrettyPrintTreeKt.toPrettyTree(UI.getCurrent());
    }

    @Test
    void anAgentOpensAHelpDeskTicketAndTheCaseLinksToIt() throws Exception {
        assertThat(_find(Button.class, spec -> spec.withText("Open help-desk ticket")))
                .as("no help desk connected")
                .isEmpty();
        WireMockServer zendesk = new WireMockServer(options().dynamicPort());
        zendesk.start();
        try {
            zendesk.stubFor(post(urlEqualTo("/api/v2/tickets.json"))
                    .willReturn(okJson("{\"ticket\":{\"id\":4711}}").withStatus(201)));
            tools.connectHelpDesk(zendesk.baseUrl(), "agent@example.com", "zd-token", "ada");
            open();

            _click(_get(Button.class, spec -> spec.withText("Open help-desk ticket")));

            com.vaadin.flow.component.html.Anchor link =
                    _get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withText("Help-desk ticket #4711"));
            assertThat(link.getHref()).isEqualTo(zendesk.baseUrl() + "/agent/tickets/4711");
            assertThat(_find(Button.class, spec -> spec.withText("Open help-desk ticket")))
                    .isEmpty();
            JsonNode ticket = new ObjectMapper()
                    .readTree(zendesk.findAll(postRequestedFor(urlEqualTo("/api/v2/tickets.json")))
                            .get(0)
                            .getBodyAsString())
                    .path("ticket");
            assertThat(ticket.path("subject").asText()).isEqualTo("NPS 3 (detractor): " + customer);
            assertThat(ticket.path("comment").path("public").asBoolean(true)).isFalse();
            assertThat(ticket.path("comment").path("body").asText())
                    .contains("Waited 40 minutes and my refund never came", "maria@example.com", "/cases/" + caseId);
        } finally {
            tools.disconnect(Medium.HELP_DESK);
            zendesk.stop();
        }
    }

    private void open() {
        UI.getCurrent().navigate(CaseView.class, new RouteParameters("caseId", caseId.toString()));
    }
}
