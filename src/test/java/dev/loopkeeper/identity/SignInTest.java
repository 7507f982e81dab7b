package dev.loopkeeper.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loopkeeper.LoopkeeperTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Signing in: a stranger's wrong passwords slow the stranger down and never lock the account they guess at, and the
 * login form cannot be posted from another site (CSRF).
 */
@LoopkeeperTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SignInTest {

    @LocalServerPort
    int port;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    IdentityService identity;

    final HttpClient http = HttpClient.newHttpClient();

    /** Every test of this context signs in from 127.0.0.1: none may leave it slowed for the next. */
    @BeforeEach
    @AfterEach
    void freshAddress() {
        throttle.succeeded("127.0.0.1");
    }

    @Test
    void manyWrongPasswordsNeverLockTheAccount() {
        for (int i = 0; i < 25; i++) {
            throttle.succeeded("127.0.0.1"); // as if every guess came from another address
            assertThat(engineRest("ada", "guess-" + i).statusCode()).isEqualTo(401);
        }

        assertThat(engineRest("ada", "demo").statusCode()).isEqualTo(200);
        assertThat(identity.checkPassword("ada", "demo")).isTrue();
    }

    @Test
    void anAddressThatKeepsGuessingIsSlowedDownNotTheUser() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES + 1; i++) {
            assertThat(engineRest("sam", "guess-" + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> slowed = engineRest("sam", "demo");
        assertThat(slowed.statusCode()).isEqualTo(429);
        assertThat(slowed.headers().firstValue("Retry-After")).isPresent();
        // sam himself, from his own address, is not slowed
        assertThat(identity.checkPassword("sam", "demo")).isTrue();
        throttle.succeeded("127.0.0.1");
        assertThat(engineRest("sam", "demo").statusCode()).isEqualTo(200);
    }

    @Test
    void theLoginFormNeedsItsCsrfToken() {
        Door withoutToken = Door.as(port, "sam");
        HttpResponse<String> forged = withoutToken.signInWithoutToken("demo");
        HttpResponse<String> real = Door.as(port, "sam").signIn("demo");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(real.statusCode()).isEqualTo(302);
        assertThat(real.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    private HttpResponse<String> engineRest(String user, String password) {
        try {
            return http.send(
                    HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + port + "/engine-rest/process-definition/count"))
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString(
                                                            (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
