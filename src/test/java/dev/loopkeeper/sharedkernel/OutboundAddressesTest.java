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
    @ValueSource(
            strings = {
                "https://2130706433/hook",
                "https://0x7f000001/hook",
                "https://0177.0.0.1/hook",
                "https://127.1/hook",
                "https://0/hook",
                "https://[::]/hook",
                "https://[::ffff:127.0.0.1]/hook",
                "https://[::ffff:a9fe:a9fe]/hook",
                "https://[::ffff:10.0.0.1]/hook",
                "https://[0:0:0:0:0:ffff:7f00:1]/hook",
                "https://[::127.0.0.1]/hook",
                "https://[::a9fe:a9fe]/hook",
                "https://[64:ff9b::a9fe:a9fe]/hook",
                "https://[64:ff9b::7f00:1]/hook",
                "https://[fe80::1%25eth0]/hook",
                "https://[fec0::1]/hook",
                "https://[ff02::1]/hook",
                "https://192.0.0.8/hook",
                "https://198.18.0.1/hook",
                "https://240.0.0.1/hook",
                "https://255.255.255.255/hook",
                "https://224.0.0.1/hook",
                "https://LOCALHOST/hook",
                "https://localhost./hook",
                "https://127.0.0.1:443@93.184.215.14/hook",
            })
    void refusesEveryOtherSpellingOfAnAddressInsideOurNetwork(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "file:///etc/passwd",
                "ftp://93.184.215.14/x",
                "gopher://93.184.215.14:70/_x",
                "jar:https://93.184.215.14/x.jar!/",
                "HTTP://93.184.215.14/hook",
                "ws://93.184.215.14/x",
                "//93.184.215.14/hook",
                "https:/93.184.215.14/hook",
                "https:///hook",
                "https://user@93.184.215.14/hook",
                "https://:@93.184.215.14/hook",
            })
    void refusesOtherSchemesUserInfoAndNoHost(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(IllegalArgumentException.class);
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
    @ValueSource(
            strings = {
                "https://93.184.215.14/hook",
                "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/x",
                "https://[64:ff9b::5db8:d70e]/x",
                "https://[::ffff:93.184.215.14]/x"
            })
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
