package dev.loopkeeper.integrations.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.loopkeeper.KaribuUi;
import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.integrations.WebhookDeliveries;
import dev.loopkeeper.integrations.WebhookEvent;
import dev.loopkeeper.integrations.WebhookSubscriptions;
import dev.loopkeeper.outreach.Medium;
import dev.loopkeeper.outreach.StaffTools;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The admins' Integrations screen: connect a chat and send it a test, add a webhook subscription (its secret shown
 * once) and test it, see the delivery in the log and replay it. Credentials never come back to the screen.
 */
@LoopkeeperTest
class IntegrationsViewTest {

    static final WireMockServer peer = new WireMockServer(options().dynamicPort());

    static {
        peer.start();
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    StaffTools tools;

    @Autowired
    WebhookSubscriptions subscriptions;

    @BeforeEach
    void signInAsAdmin() {
        peer.resetAll();
        peer.stubFor(post(urlEqualTo("/slack"))
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        peer.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
        KaribuUi.signIn(context, "ada", "admins");
    }

    @AfterEach
    void forgetEverything() {
        KaribuUi.signOut();
        tools.disconnect(Medium.SLACK);
        subscriptions.all().forEach(s -> subscriptions.remove(s.id()));
    }

    @Test
    void anAdminConnectsSlackSendsATestAndNeverSeesTheUrlAgain() {
        IntegrationsView view = open();
        view.slackUrl.setValue(peer.baseUrl() + "/slack");
        _click(buttons("Save").get(0));

        assertThat(view.slackUrl.getValue()).isEmpty();
        assertThat(tools.connection(Medium.SLACK).connected()).isTrue();
        assertThat(open().slackUrl.getValue()).isEmpty();

        _click(buttons("Send test").get(0));

        assertThat(peer.findAll(postRequestedFor(urlEqualTo("/slack")))).hasSize(1);
        assertThat(lastNotification()).contains("Posted a test message to Slack");
    }

    @Test
    void aUrlInsideOurNetworkIsRefusedOnTheScreen() {
        IntegrationsView view = open();
        view.slackUrl.setValue("ftp://example.com/slack");
        _click(buttons("Save").get(0));

        assertThat(tools.connection(Medium.SLACK).connected()).isFalse();
        assertThat(lastNotification()).contains("https");
    }

    @Test
    void anAdminAddsASubscriptionTestsItAndReplaysTheDeliveryFromTheLog() {
        IntegrationsView view = open();
        view.webhookUrl.setValue(peer.baseUrl() + "/hook");
        view.webhookEvents.setValue(Set.of(WebhookEvent.CASE_OPENED, WebhookEvent.CASE_RESOLVED));
        _click(buttons("Add subscription").get(0));

        assertThat(lastNotification()).contains("whsec_").contains("not shown again");
        List<WebhookSubscriptions.Subscription> listed = GridKt._findAll(view.subscriptions);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).secretHint()).endsWith("…").hasSize(11);

        HorizontalLayout actions = (HorizontalLayout) GridKt._getCellComponent(view.subscriptions, 0, "actions");
        _click(_get(actions, Button.class, spec -> spec.withText("Send test")));

        assertThat(peer.findAll(postRequestedFor(urlEqualTo("/hook")))).hasSize(1);
        List<WebhookDeliveries.Delivery> log = GridKt._findAll(view.deliveries);
        assertThat(log).first().satisfies(d -> {
            assertThat(d.eventType()).isEqualTo("webhook.test");
            assertThat(d.status()).isEqualTo("SENT");
            assertThat(d.responseCode()).isEqualTo(200);
        });

        _click((Button) GridKt._getCellComponent(view.deliveries, 0, "replay"));

        assertThat(lastNotification()).contains(log.get(0).id());
        assertThat(GridKt._findAll(view.deliveries).get(0).status()).isEqualTo("PENDING");
    }

    @Test
    void aSupervisorMayNotOpenIt() {
        KaribuUi.signOut();
        KaribuUi.signIn(context, "sam", "supervisors");

        assertThatThrownBy(() -> UI.getCurrent().navigate(IntegrationsView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    private IntegrationsView open() {
        UI.getCurrent().navigate(IntegrationsView.class);
        return (IntegrationsView) UI.getCurrent().getCurrentView();
    }

    private static List<Button> buttons(String text) {
        return _find(Button.class, spec -> spec.withText(text));
    }

    private static String lastNotification() {
        List<Notification> shown = NotificationsKt.getNotifications();
        assertThat(shown).isNotEmpty();
        return shown.get(shown.size() - 1).getElement().getProperty("text");
    }
}
