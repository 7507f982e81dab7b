package dev.loopkeeper.outreach;

import static dev.loopkeeper.outreach.MessageStep.ACKNOWLEDGEMENT;
import static dev.loopkeeper.outreach.MessageStep.RETRY;
import static dev.loopkeeper.outreach.MessageStep.THANK_YOU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.loopkeeper.outreach.domain.DeliveryLog;
import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.Segment;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Customer emails through a real SMTP server, and the delivery log that makes each one go out once. */
class EmailOutreachTest extends OutreachIntegrationTest {

    @Autowired
    Outreach outreach;

    @Autowired
    ReplyLinks replyLinks;

    @Autowired
    DeliveryLog deliveryLog;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void detractorGetsAnApologyWithAReplyLinkThatVerifies() throws Exception {
        UUID caseId = UUID.randomUUID();

        Delivery delivery = outreach.email(
                message(uniqueKey("ack"), caseId, ACKNOWLEDGEMENT, Segment.DETRACTOR, "dana@example.com"));

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.template()).isEqualTo("acknowledgement-detractor");
        MimeMessage[] received = mail.received();
        assertThat(received).hasSize(1);
        MimeMessage email = received[0];
        assertThat(email.getAllRecipients())
                .extracting(Object::toString)
                .containsExactly("Dana Doe <dana@example.com>");
        assertThat(email.getFrom()[0].toString()).contains("loopkeeper@localhost");
        assertThat(email.getSubject()).isEqualTo("We are sorry, and we would like to put it right");
        String html = part(email, "text/html");
        String text = part(email, "text/plain");
        assertThat(html).contains("Dear Dana Doe,").contains("We are sorry that we let you down");
        assertThat(text)
                .contains("Dear Dana Doe,")
                .contains("We are sorry that we let you down")
                .doesNotContain("<p>");
        ReplyLinks.Reply reply = replyLinks.verify(replyToken(text));
        assertThat(reply.caseId()).isEqualTo(caseId);
        assertThat(reply.channel()).isEqualTo(Channel.EMAIL);
        assertThat(replyToken(html)).isEqualTo(replyToken(text));
    }

    @Test
    void eachSegmentGetsItsOwnWordsAndPromotersTheReviewAndReferralLinks() throws Exception {
        outreach.email(
                message(uniqueKey("ack"), UUID.randomUUID(), ACKNOWLEDGEMENT, Segment.PASSIVE, "pat@example.com"));
        Delivery thanks = outreach.email(
                message(uniqueKey("thanks"), UUID.randomUUID(), THANK_YOU, Segment.PROMOTER, "pia@example.com"));

        assertThat(mail.received()).hasSize(2);
        MimeMessage passive = mail.receivedBy("pat@example.com");
        MimeMessage promoter = mail.receivedBy("pia@example.com");
        assertThat(passive.getSubject()).isEqualTo("Thank you for your feedback: how could we do better?");
        assertThat(part(passive, "text/html")).contains("not quite well enough").doesNotContain("sorry");
        assertThat(thanks.template()).isEqualTo("thank-you-promoter");
        assertThat(promoter.getSubject()).isEqualTo("Thank you for recommending us");
        assertThat(part(promoter, "text/html"))
                .contains("href=\"https://reviews.example.com/loopkeeper-demo\"")
                .contains("href=\"https://loopkeeper.example/refer\"")
                .contains(PUBLIC_URL + "/reply/");
        assertThat(part(promoter, "text/plain"))
                .contains("write a review: https://reviews.example.com/loopkeeper-demo");
    }

    @Test
    void aSegmentWithoutItsOwnTemplateGetsTheStepTemplate() throws Exception {
        Delivery retry = outreach.email(
                message(uniqueKey("retry"), UUID.randomUUID(), RETRY, Segment.PROMOTER, "pia@example.com"));

        assertThat(retry.template()).isEqualTo("retry");
        assertThat(mail.received()[0].getSubject()).isEqualTo("We tried to reach you about your feedback");
    }

    @Test
    void aSecondSendWithTheSameKeySendsNothing() {
        CustomerMessage message =
                message(uniqueKey("ack"), UUID.randomUUID(), ACKNOWLEDGEMENT, Segment.DETRACTOR, "dana@example.com");

        Delivery first = outreach.email(message);
        Delivery second = outreach.email(message);

        assertThat(mail.received()).hasSize(1);
        assertThat(second).isEqualTo(first);
        assertThat(second.attempts()).isEqualTo(1);
    }

    @Test
    void aSendWhoseTransactionRolledBackIsNotRepeatedByTheRetry() {
        UUID caseId = UUID.randomUUID();
        CustomerMessage message =
                message(uniqueKey("ack"), caseId, ACKNOWLEDGEMENT, Segment.DETRACTOR, "dana@example.com");
        TransactionTemplate job = new TransactionTemplate(transactions);

        // SMTP takes the message, then something later in the job fails and its transaction rolls back
        assertThatThrownBy(() -> job.executeWithoutResult(tx -> {
                    outreach.email(message);
                    throw new IllegalStateException("the job failed after sending");
                }))
                .hasMessage("the job failed after sending");
        Delivery retried = job.execute(tx -> outreach.email(message));

        assertThat(mail.received()).hasSize(1);
        assertThat(retried.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(retried.attempts()).isEqualTo(1);
    }

    @Test
    void aFailedSendIsLoggedDespiteTheRollbackAndTheRetrySends() {
        UUID caseId = UUID.randomUUID();
        CustomerMessage message =
                message(uniqueKey("ack"), caseId, ACKNOWLEDGEMENT, Segment.DETRACTOR, "dana@example.com");
        TransactionTemplate job = new TransactionTemplate(transactions);
        mail.stop();

        assertThatThrownBy(() -> job.executeWithoutResult(tx -> outreach.email(message)))
                .isInstanceOf(OutreachFailed.class)
                .hasMessageContaining("attempt 1");

        Delivery failed = outreach.deliveriesOf(caseId).get(0);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).contains("Couldn't connect to host");
        assertThat(failed.lastAttemptAt()).isNotNull();

        mail.ensureRunning();
        Delivery retried = job.execute(tx -> outreach.email(message));

        assertThat(retried.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(retried.attempts()).isEqualTo(2);
        assertThat(retried.lastError()).isNull();
        assertThat(mail.received()).hasSize(1);
    }

    @Test
    void anAttemptThatMayStillBeRunningIsNotStartedTwiceUntilItsLeaseRunsOut() {
        UUID caseId = UUID.randomUUID();
        CustomerMessage message =
                message(uniqueKey("ack"), caseId, ACKNOWLEDGEMENT, Segment.DETRACTOR, "dana@example.com");
        Instant start = Instant.now();
        ClockUtil.setCurrentTime(Date.from(start));
        // Another node started this send and has not recorded how it went (still talking SMTP, or died)
        deliveryLog.startAttempt(
                message.deliveryKey(),
                caseId,
                Medium.EMAIL,
                ACKNOWLEDGEMENT,
                message.address(),
                "acknowledgement-detractor",
                Duration.ofMinutes(2));

        assertThatThrownBy(() -> outreach.email(message))
                .isInstanceOf(OutreachFailed.class)
                .hasMessageContaining("is being sent since");
        assertThat(mail.received()).isEmpty();

        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofMinutes(3))));
        Delivery resent = outreach.email(message);

        assertThat(resent.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(resent.attempts()).isEqualTo(2);
        assertThat(mail.received()).hasSize(1);
    }

    @Test
    void theCaseTimelineListsEveryDeliveryOfTheCase() {
        UUID caseId = UUID.randomUUID();
        outreach.email(message(uniqueKey("ack"), caseId, ACKNOWLEDGEMENT, Segment.DETRACTOR, "dana@example.com"));
        outreach.email(message(uniqueKey("retry"), caseId, RETRY, Segment.DETRACTOR, "dana@example.com"));
        outreach.email(message(uniqueKey("other"), UUID.randomUUID(), RETRY, Segment.DETRACTOR, "dana@example.com"));

        assertThat(outreach.deliveriesOf(caseId))
                .extracting(Delivery::step, Delivery::channel, Delivery::recipient, Delivery::status)
                .containsExactlyInAnyOrder(
                        tuple(ACKNOWLEDGEMENT, Medium.EMAIL, "dana@example.com", DeliveryStatus.SENT),
                        tuple(RETRY, Medium.EMAIL, "dana@example.com", DeliveryStatus.SENT));
    }
}
