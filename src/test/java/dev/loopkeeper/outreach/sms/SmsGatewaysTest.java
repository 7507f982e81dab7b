package dev.loopkeeper.outreach.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loopkeeper.outreach.OutreachFailed;
import dev.loopkeeper.outreach.OutreachSettings;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** Which gateway runs when: an unconfigured provider fails loudly, except in the demo. */
class SmsGatewaysTest {

    static final OutreachSettings.Sms NO_PROVIDER =
            new OutreachSettings.Sms(URI.create(""), "", Duration.ofSeconds(10));

    @Test
    void withoutAProviderEverySmsFailsNamingTheSettingToFix() {
        var gateway = SmsGateways.choose(NO_PROVIDER, false, RestClient.builder());

        assertThatThrownBy(() -> gateway.send("+441632960123", "hello", "key-1"))
                .isInstanceOf(OutreachFailed.class)
                .hasMessageContaining("loopkeeper.outreach.sms.url");
    }

    @Test
    void theDemoWithoutAProviderOnlyLogsTheText() {
        var gateway = SmsGateways.choose(NO_PROVIDER, true, RestClient.builder());

        assertThat(gateway).isInstanceOf(SmsGateways.DemoSms.class);
        assertThatCode(() -> gateway.send("+441632960123", "hello", "key-1")).doesNotThrowAnyException();
    }

    @Test
    void aConfiguredUrlSelectsTheHttpProviderEvenInTheDemo() {
        var sms = new OutreachSettings.Sms(URI.create("http://127.0.0.1:9/messages"), "t", Duration.ofSeconds(1));

        assertThat(SmsGateways.choose(sms, true, RestClient.builder())).isInstanceOf(HttpSmsGateway.class);
    }
}
