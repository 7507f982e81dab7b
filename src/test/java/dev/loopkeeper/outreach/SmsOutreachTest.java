package dev.loopkeeper.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.loopkeeper.outreach.MessageStep.RETRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.Segment;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** SMS through the HTTP gateway, against a real HTTP peer standing in for the provider. */
class SmsOutreachTest extends OutreachIntegrationTest {

    static final String PHONE = "+441632960123";

    @Autowired
    Outreach outreach;

    @Autowired
    ReplyLinks replyLinks;

    @Test
    void anSmsIsPostedAsJsonWithTheBearerTokenAndLoggedAsSent() {
        smsProvider.stubFor(post("/messages")
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"msg-1\"}")));
        UUID caseId = UUID.randomUUID();
        String key = uniqueKey("retry-sms");

        Delivery delivery = outreach.sms(message(key, caseId, RETRY, Segment.DETRACTOR, PHONE));

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(delivery.channel()).isEqualTo(Medium.SMS);
        assertThat(delivery.template()).isEqualTo("sms/retry");
        assertThat(delivery.recipient()).isEqualTo(PHONE);
        smsProvider.verify(
                1,
                postRequestedFor(urlEqualTo("/messages"))
                        .withHeader("Authorization", equalTo("Bearer " + SMS_TOKEN))
                        .withHeader("Content-Type", containing("application/json"))
                        .withHeader("Idempotency-Key", equalTo(key))
                        .withRequestBody(matchingJsonPath("$.to", equalTo(PHONE)))
                        .withRequestBody(matchingJsonPath("$.reference", equalTo(key)))
                        .withRequestBody(matchingJsonPath("$.text", containing("Hi Dana Doe, we tried to reach you"))));
        String text = smsProvider
                .findAll(postRequestedFor(urlEqualTo("/messages")))
                .get(0)
                .getBodyAsString();
        ReplyLinks.Reply reply = replyLinks.verify(replyToken(text));
        assertThat(reply.caseId()).isEqualTo(caseId);
        assertThat(reply.channel()).isEqualTo(Channel.SMS);
    }

    @Test
    void aProviderErrorIsAFailedAttemptAndTheRetrySendsOnce() {
        UUID caseId = UUID.randomUUID();
        CustomerMessage message = message(uniqueKey("retry-sms"), caseId, RETRY, Segment.PASSIVE, PHONE);
        smsProvider.stubFor(
                post("/messages").willReturn(aResponse().withStatus(503).withBody("maintenance")));

        assertThatThrownBy(() -> outreach.sms(message)).isInstanceOf(OutreachFailed.class);

        Delivery failed = outreach.deliveriesOf(caseId).get(0);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).contains("503");

        smsProvider.stubFor(post("/messages").willReturn(aResponse().withStatus(200)));
        Delivery sent = outreach.sms(message);
        outreach.sms(message);

        assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        List<LoggedRequest> requests = smsProvider.findAll(postRequestedFor(urlEqualTo("/messages")));
        assertThat(requests).hasSize(2);
        assertThat(requests).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(message.deliveryKey());
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeFailsTheAttempt() {
        UUID caseId = UUID.randomUUID();
        smsProvider.stubFor(
                post("/messages").willReturn(aResponse().withStatus(200).withFixedDelay(8_000)));

        assertThatThrownBy(() -> outreach.sms(
                        message(uniqueKey("ack-sms"), caseId, MessageStep.ACKNOWLEDGEMENT, Segment.DETRACTOR, PHONE)))
                .isInstanceOf(OutreachFailed.class)
                .hasMessageContaining("timed out");

        assertThat(outreach.deliveriesOf(caseId))
                .singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED));
    }
}
