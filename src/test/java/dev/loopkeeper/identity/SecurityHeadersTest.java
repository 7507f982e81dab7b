package dev.loopkeeper.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.LoopkeeperTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every door answers with a Content-Security-Policy and a Referrer-Policy, and the session cookie is guarded. */
@LoopkeeperTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/login,                           default-src 'self',  same-origin",
        "/,                                default-src 'self',  same-origin",
        "/api/cases/00000000-0000-0000-0000-000000000000, default-src 'none', no-referrer",
        "/engine-rest/process-definition/count,           default-src 'none', no-referrer",
        "/reply/not-a-token,               default-src 'none',  no-referrer",
        "/camunda/app/cockpit/default/,    ,                    same-origin"
    })
    void eachDoorSaysWhatMayLoadAndWhatReferrerLeaves(String path, String policy, String referrer) throws Exception {
        HttpResponse<String> response = get(path, List.of());

        assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue(referrer);
        if (policy != null) {
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(csp -> {
                        assertThat(csp)
                                .startsWith(policy)
                                .contains("frame-ancestors")
                                .doesNotContain("*");
                        // no plugins: said outright, or by a default of nothing
                        assertThat(csp.contains("object-src 'none'") || csp.startsWith("default-src 'none'"))
                                .isTrue();
                    });
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> login = get("/login", List.of());

        assertThat(login.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("JSESSIONID=")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax")
                        .doesNotContain("Secure"));
    }

    @Test
    void behindATlsProxyTheSessionCookieIsSecure() throws Exception {
        HttpResponse<String> login = get("/login", List.of("X-Forwarded-Proto", "https"));

        assertThat(login.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("JSESSIONID=")
                        .contains("Secure")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax"));
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    private HttpResponse<String> get(String path, List<String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
