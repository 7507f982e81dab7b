package dev.loopkeeper.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.Segment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Replies over real HTTP: the public reply link, and replies a CRM forwards through the API. */
class CustomerRepliesTest extends OutreachIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Outreach outreach;

    @Autowired
    ReplyLinks replyLinks;

    @Autowired
    RepliesHeard heard;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theLinkInAnEmailAsksFirstAndPublishesTheReplyWhenTheCustomerConfirms() throws Exception {
        UUID caseId = UUID.randomUUID();
        outreach.email(
                message(uniqueKey("ack"), caseId, MessageStep.ACKNOWLEDGEMENT, Segment.DETRACTOR, "dana@example.com"));
        String token = replyToken(part(mail.received()[0], "text/plain"));

        HttpResponse<String> asked = send("GET", "/reply/" + token, null);

        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Would you like us to get in touch?").contains("<form method=\"post\">");
        assertThat(asked.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(heard.about(caseId)).as("opening the link is not a reply").isEmpty();

        // No session, no CSRF token: just the signed URL
        HttpResponse<String> confirmed = send("POST", "/reply/" + token, null);

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Thanks, we'll be in touch");
        assertThat(heard.about(caseId)).singleElement().satisfies(reply -> {
            assertThat(reply.channel()).isEqualTo(Channel.EMAIL);
            assertThat(reply.at())
                    .isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(Duration.ofMinutes(1)));
        });
    }

    @Test
    void theReplyPagesSpeakTheLanguageTheCustomersBrowserAsksFor() throws Exception {
        UUID caseId = UUID.randomUUID();
        String token = replyLinks.tokenFor(caseId, Channel.EMAIL);

        HttpResponse<String> asked = send("GET", "/reply/" + token, null, "Accept-Language", "de-AT,de;q=0.9,en;q=0.5");
        assertThat(asked.body())
                .contains("<html lang=\"de\"", "Sollen wir uns bei Ihnen melden?")
                .doesNotContain("get in touch");
        assertThat(asked.headers().firstValue("Vary").orElse("")).contains("Accept-Language");
        assertThat(send("POST", "/reply/" + token, null, "Accept-Language", "es-MX")
                        .body())
                .contains("Gracias, nos pondremos en contacto");
        assertThat(send("GET", "/reply/not-a-token", null, "Accept-Language", "de")
                        .body())
                .contains("Dieser Link ist ungültig");
        // a language we have no words in, or none at all: English
        assertThat(send("GET", "/reply/" + token, null, "Accept-Language", "fr-FR")
                        .body())
                .contains("Would you like us to get in touch?");
        assertThat(send("GET", "/reply/" + token, null).body()).contains("Would you like us to get in touch?");
    }

    @Test
    void aTamperedLinkIsRefusedAndPublishesNothing() throws Exception {
        UUID caseId = UUID.randomUUID();
        String token = replyLinks.tokenFor(caseId, Channel.EMAIL);
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        for (String path : new String[] {"/reply/" + tampered, "/reply/not-a-token", "/reply/" + token + "x"}) {
            HttpResponse<String> refused = send("POST", path, null);
            assertThat(refused.statusCode()).as(path).isEqualTo(404);
            assertThat(refused.body()).contains("This link is not valid");
            assertThat(send("GET", path, null).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(heard.about(caseId)).isEmpty();
    }

    @Test
    void anExpiredLinkIsRefusedAndPublishesNothing() throws Exception {
        UUID caseId = UUID.randomUUID();
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(15))));
        String token = replyLinks.tokenFor(caseId, Channel.SMS);
        ClockUtil.reset();

        HttpResponse<String> refused = send("POST", "/reply/" + token, null);

        assertThat(refused.statusCode()).isEqualTo(410);
        assertThat(refused.body()).contains("This link has expired");
        assertThat(heard.about(caseId)).isEmpty();
    }

    @Test
    void aCrmForwardsARepliesThroughTheApiWithItsKey() throws Exception {
        UUID caseId = UUID.randomUUID();
        String path = "/api/cases/" + caseId + "/replies";

        HttpResponse<String> accepted = send(
                "POST",
                path,
                "{\"channel\":\"sms\",\"receivedAt\":\"2026-03-02T10:15:30Z\"}",
                "X-Api-Key",
                "demo-intake-key");

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).contains("\"channel\":\"sms\"");
        assertThat(heard.about(caseId))
                .containsExactly(new CustomerReplied(caseId, Channel.SMS, Instant.parse("2026-03-02T10:15:30Z")));
    }

    @Test
    void aForwardedReplyWithoutKeyOrChannelIsRefused() throws Exception {
        UUID caseId = UUID.randomUUID();
        String path = "/api/cases/" + caseId + "/replies";

        assertThat(send("POST", path, "{\"channel\":\"email\"}").statusCode()).isEqualTo(401);
        HttpResponse<String> noChannel = send("POST", path, "{}", "X-Api-Key", "demo-intake-key");
        assertThat(noChannel.statusCode()).isEqualTo(400);
        assertThat(noChannel.body()).contains("channel");
        assertThat(heard.about(caseId)).isEmpty();
    }

    private HttpResponse<String> send(String method, String path, String json, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
