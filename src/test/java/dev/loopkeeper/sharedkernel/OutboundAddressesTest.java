package dev.loopkeeper.sharedkernel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Where an admin may point our outgoing requests: public https hosts only, unless a local peer is allowed; checked
 * again as each connection opens, and never redirected elsewhere.
 */
class OutboundAddressesTest {

    final OutboundAddresses production = new OutboundAddresses(new OutboundAddresses.Settings(false));
    final OutboundAddresses testing = new OutboundAddresses(new OutboundAddresses.Settings(true));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1/hook",
                "https://localhost:8080/hook",
                "https://10.1.2.3/hook",
                "https://172.16.0.9/hook",
                "https://192.168.1.1/hook",
                "https://169.254.169.254/latest/meta-data/",
                "https://100.64.0.1/hook",
                "https://0.0.0.0/hook",
                "https://[::1]/hook",
                "https://[fd00::1]/hook",
                "https://[fe80::1]/hook",
            })
    void refusesAddressesInsideOurNetwork(String url) {
        assertThatThrownBy(() -> production.check(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inside this network");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.215.14/hook", "ftp://93.184.215.14/x", "93.184.215.14/hook", "javascript:x"})
    void refusesAnythingButHttps(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:pass@93.184.215.14/hook", ""})
    void refusesCredentialsInTheUrlAndNothing(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.215.14/hook", "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/x"})
    void takesAPublicHttpsAddress(String url) {
        assertThat(production.check(url).toString()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8089/hook", "http://127.0.0.1:9000/x"})
    void aLocalPeerIsAllowedOnlyWhenSetSo(String url) {
        assertThat(testing.check(url).toString()).isEqualTo(url);
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConnectionChecksItsAddressAsItOpensSoAnAddressThatChangedSinceItWasSavedIsRefused() {
        // saved while allowed (or while the name pointed elsewhere); by the time of the send it leads inside
        RestClient client = RestClient.builder()
                .requestFactory(production.requests(Duration.ofSeconds(2)))
                .build();
        assertThatThrownBy(() -> client.post()
                        .uri("https://127.0.0.1:9/hook")
                        .body("{}")
                        .retrieve()
                        .toBodilessEntity())
                .isInstanceOf(ResourceAccessException.class)
                .hasMessageContaining("inside this network");
    }

    @Test
    void aRedirectIsNotFollowed() {
        WireMockServer peer = new WireMockServer(options().dynamicPort());
        peer.start();
        try {
            peer.stubFor(get("/hook").willReturn(aResponse().withStatus(302).withHeader("Location", "/inside")));
            peer.stubFor(get("/inside").willReturn(aResponse().withStatus(200).withBody("secret")));
            RestClient client = RestClient.builder()
                    .requestFactory(testing.requests(Duration.ofSeconds(2)))
                    .build();

            var answer = client.get()
                    .uri(peer.baseUrl() + "/hook")
                    .exchange((request, response) -> response.getStatusCode().value());

            assertThat(answer).isEqualTo(302);
            peer.verify(0, getRequestedFor(urlEqualTo("/inside")));
        } finally {
            peer.stop();
        }
    }
}
