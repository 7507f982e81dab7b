package dev.loopkeeper.outreach.sms;

import dev.loopkeeper.outreach.OutreachFailed;
import dev.loopkeeper.outreach.OutreachSettings;
import dev.loopkeeper.outreach.SmsGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.web.client.RestClient;

/**
 * Picks the SMS gateway: the HTTP provider when {@code loopkeeper.outreach.sms.url} is set; otherwise, in
 * the demo, one that only logs the text; otherwise one that fails every send, so a missing provider shows
 * up as a failed delivery and a Camunda incident instead of SMS silently going nowhere.
 */
@Configuration(proxyBeanMethods = false)
public class SmsGateways {

    private static final Logger log = LoggerFactory.getLogger(SmsGateways.class);

    @Bean
    SmsGateway smsGateway(OutreachSettings settings, Environment environment, RestClient.Builder http) {
        return choose(settings.sms(), environment.acceptsProfiles(Profiles.of("demo")), http);
    }

    static SmsGateway choose(OutreachSettings.Sms sms, boolean demo, RestClient.Builder http) {
        if (sms.url() != null) {
            return new HttpSmsGateway(http, sms.url(), sms.token(), sms.timeout());
        }
        return demo ? new DemoSms() : new NoSmsProvider();
    }

    /** The demo has no provider: the text goes to the log and counts as sent. */
    static final class DemoSms implements SmsGateway {

        @Override
        public void send(String phone, String text, String reference) {
            log.info("Demo SMS (not sent, no loopkeeper.outreach.sms.url) to {}: {}", phone, text);
        }
    }

    static final class NoSmsProvider implements SmsGateway {

        @Override
        public void send(String phone, String text, String reference) {
            throw new OutreachFailed("No SMS provider is configured: set loopkeeper.outreach.sms.url "
                    + "(and loopkeeper.outreach.sms.token)");
        }
    }
}
