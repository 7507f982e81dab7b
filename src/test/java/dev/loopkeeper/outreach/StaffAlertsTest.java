package dev.loopkeeper.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loopkeeper.sharedkernel.Actor;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** In-app alerts to staff, and their emails to every member who has an address. */
class StaffAlertsTest extends OutreachIntegrationTest {

    @Autowired
    Outreach outreach;

    @Autowired
    IdentityService identity;

    String team;
    String ann;
    String bob;
    String cyd;

    /** A team of its own per test: Ann and Bob have email addresses, Cyd has none. */
    @BeforeEach
    void team() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        team = "team-" + suffix;
        Group group = identity.newGroup(team);
        group.setName("Team " + suffix);
        identity.saveGroup(group);
        ann = member("ann-" + suffix, "Ann", "ann-" + suffix + "@loopkeeper.example");
        bob = member("bob-" + suffix, "Bob", "bob-" + suffix + "@loopkeeper.example");
        cyd = member("cyd-" + suffix, "Cyd", null);
    }

    private String member(String id, String firstName, String email) {
        User user = identity.newUser(id);
        user.setFirstName(firstName);
        user.setLastName("Tester");
        user.setEmail(email);
        identity.saveUser(user);
        identity.createMembership(id, team);
        return id;
    }

    private StaffAlert breachOf(UUID caseId) {
        return new StaffAlert(
                "sla-breach:" + caseId,
                caseId,
                team,
                null,
                "sla-breach",
                "Case overdue: Dana Doe",
                "The contact SLA ran out.\nPlease call today.");
    }

    @Test
    void aGroupAlertEmailsEveryMemberWithAnAddressAndIsStoredOnce() throws Exception {
        UUID caseId = UUID.randomUUID();

        outreach.alertStaff(breachOf(caseId));
        outreach.alertStaff(breachOf(caseId));

        MimeMessage[] received = mail.received();
        assertThat(received).hasSize(2);
        assertThat(Arrays.stream(received).map(StaffAlertsTest::recipient))
                .containsExactlyInAnyOrder(ann + "@loopkeeper.example", bob + "@loopkeeper.example");
        assertThat(received[0].getSubject()).isEqualTo("[Loopkeeper] Case overdue: Dana Doe");
        assertThat(part(received[0], "text/plain"))
                .contains("The contact SLA ran out.")
                .contains(PUBLIC_URL)
                .doesNotContain("/reply/");
        assertThat(outreach.unreadAlertsFor(new Actor(cyd, Set.of(team))))
                .singleElement()
                .satisfies(alert -> {
                    assertThat(alert.caseId()).isEqualTo(caseId);
                    assertThat(alert.kind()).isEqualTo("sla-breach");
                    assertThat(alert.subject()).isEqualTo("Case overdue: Dana Doe");
                    assertThat(alert.group()).isEqualTo(team);
                });
        assertThat(outreach.deliveriesOf(caseId))
                .hasSize(2)
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));
    }

    @Test
    void aUserAlertReachesThatUserAndNobodyElse() throws Exception {
        UUID caseId = UUID.randomUUID();

        outreach.alertStaff(new StaffAlert(
                "recognition:" + caseId,
                caseId,
                null,
                bob,
                "recognition",
                "A customer named you",
                "Dana Doe said you were wonderful."));

        assertThat(mail.received()).extracting(StaffAlertsTest::recipient).containsExactly(bob + "@loopkeeper.example");
        assertThat(outreach.unreadAlertsFor(new Actor(bob, Set.of()))).hasSize(1);
        assertThat(outreach.unreadAlertsFor(new Actor(ann, Set.of(team)))).isEmpty();
    }

    @Test
    void anAlertIsUnreadForTheWholeGroupUntilOneMemberReadsIt() {
        UUID caseId = UUID.randomUUID();
        outreach.alertStaff(breachOf(caseId));
        StaffAlertView alert =
                outreach.unreadAlertsFor(new Actor(ann, Set.of(team))).get(0);

        assertThatThrownBy(() -> outreach.markRead(alert.id(), new Actor("stranger", Set.of("frontline"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(outreach.unreadAlertsFor(new Actor(bob, Set.of(team)))).hasSize(1);

        outreach.markRead(alert.id(), new Actor(ann, Set.of(team)));

        assertThat(outreach.unreadAlertsFor(new Actor(bob, Set.of(team)))).isEmpty();
        assertThat(outreach.unreadAlertsFor(new Actor(ann, Set.of(team)))).isEmpty();
    }

    @Test
    void theInAppAlertIsStoredEvenWhileItsEmailsFailAndTheRetryEmailsOnlyTheRest() {
        UUID caseId = UUID.randomUUID();
        mail.stop();

        assertThatThrownBy(() -> outreach.alertStaff(breachOf(caseId)))
                .isInstanceOf(OutreachFailed.class)
                .hasMessageContaining(ann)
                .hasMessageContaining(bob);
        assertThat(outreach.unreadAlertsFor(new Actor(cyd, Set.of(team)))).hasSize(1);

        mail.ensureRunning();
        outreach.alertStaff(breachOf(caseId));

        assertThat(mail.received()).hasSize(2);
        assertThat(outreach.unreadAlertsFor(new Actor(cyd, Set.of(team)))).hasSize(1);
        assertThat(outreach.deliveriesOf(caseId)).extracting(Delivery::attempts).containsOnly(2);
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
