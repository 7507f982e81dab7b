package dev.loopkeeper.outreach;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.MailServer;
import dev.loopkeeper.sharedkernel.Segment;
import jakarta.mail.Part;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context for every outreach integration test, wired to a real SMTP server (GreenMail)
 * and a real HTTP peer for the SMS provider (WireMock). Both live as long as the JVM, like the cached
 * context that points at them.
 */
@LoopkeeperTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(RepliesHeard.class)
abstract class OutreachIntegrationTest {

    static final String PUBLIC_URL = "https://care.example.com";
    static final String SMS_TOKEN = "sms-test-token";
    static final Pattern REPLY_LINK = Pattern.compile(Pattern.quote(PUBLIC_URL) + "/reply/([A-Za-z0-9_-]+)");

    static final MailServer mail = MailServer.start();
    static final WireMockServer smsProvider = new WireMockServer(options().dynamicPort());

    static {
        smsProvider.start();
    }

    @DynamicPropertySource
    static void outreachPeers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", mail::port);
        registry.add("loopkeeper.outreach.public-url", () -> PUBLIC_URL);
        registry.add("loopkeeper.outreach.sms.url", () -> smsProvider.baseUrl() + "/messages");
        registry.add("loopkeeper.outreach.sms.token", () -> SMS_TOKEN);
        // long enough for a loaded CI machine, short enough for the no-answer test below to stay quick
        registry.add("loopkeeper.outreach.sms.timeout", () -> "4s");
    }

    @BeforeEach
    void freshPeers() throws Exception {
        mail.ensureRunning();
        mail.purge();
        smsProvider.resetAll();
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    static CustomerMessage message(String key, UUID caseId, MessageStep step, Segment segment, String address) {
        return new CustomerMessage(key, caseId, step, segment, "Dana Doe", address, Map.of(), null);
    }

    static String uniqueKey(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** The token of the first reply link in the text. */
    static String replyToken(String text) {
        Matcher link = REPLY_LINK.matcher(text);
        if (!link.find()) {
            throw new AssertionError("No reply link in:\n" + text);
        }
        return link.group(1);
    }

    /** The text of the part with the given type (text/plain or text/html) of a received message. */
    static String part(Part message, String type) throws Exception {
        return MailServer.part(message, type);
    }
}
