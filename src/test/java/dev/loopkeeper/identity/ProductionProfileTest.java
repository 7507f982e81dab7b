package dev.loopkeeper.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loopkeeper.LoopkeeperApplication;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.spring.boot.starter.webapp.filter.LazyInitRegistration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The prod profile refuses demo credentials, and starts with real ones. */
class ProductionProfileTest {

    @Test
    void refusesTheDemoApiKey() {
        assertThatThrownBy(() -> start("demo-intake-key", "a-long-admin-secret").close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Refusing to start in production: the demo API key is configured. "
                        + "Change these before starting with the prod profile.");
    }

    @Test
    void refusesTheDemoMetricsToken() {
        assertThatThrownBy(() -> start(
                                "k-" + UUID.randomUUID(),
                                "a-long-admin-secret",
                                "LOOPKEEPER_METRICS_TOKENS=demo-metrics-token")
                        .close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the demo metrics token is configured");
    }

    @Test
    void refusesAUserWithTheDemoPassword() {
        assertThatThrownBy(() -> start("k-" + UUID.randomUUID(), "demo").close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("user admin has the demo password");
    }

    @Test
    void refusesThePlaceholdersOfDockerCompose() {
        assertThatThrownBy(() -> start(
                                "change-me-api-key",
                                "a-long-admin-secret",
                                "LOOPKEEPER_REPLY_SECRET=change-me-a-reply-secret-of-32-chars-or-more")
                        .close())
                .hasMessageContaining("LOOPKEEPER_API_KEYS is still a change-me placeholder")
                .hasMessageContaining("LOOPKEEPER_REPLY_SECRET is still a change-me placeholder");
    }

    @Test
    void refusesAShortReplySecret() {
        assertThatThrownBy(() -> start(
                                "k-" + UUID.randomUUID(),
                                "a-long-admin-secret",
                                "--loopkeeper.outreach.reply-secret=only-31-bytes-long-0123456789ab")
                        .close())
                .hasStackTraceContaining("at least 32");
    }

    @Test
    void startsWithRealCredentials() {
        try (ConfigurableApplicationContext context = start("k-" + UUID.randomUUID(), "a-long-admin-secret")) {
            assertThat(context.isRunning()).isTrue();
        }
    }

    /**
     * A context that fails to start leaves Camunda's webapp filters pointing at it (a static in
     * LazyInitRegistration that only a clean shutdown resets), which breaks the next context in this
     * JVM. A real failed start ends the JVM, so only this test needs to forget it.
     */
    @AfterEach
    void forgetTheFailedContext() throws ReflectiveOperationException {
        Field context = LazyInitRegistration.class.getDeclaredField("APPLICATION_CONTEXT");
        context.setAccessible(true);
        context.set(null, null);
    }

    /** Settings in {@code more} that start with {@code --} are command-line arguments: they beat the profiles' files. */
    private static ConfigurableApplicationContext start(String apiKey, String adminPassword, String... more) {
        List<String> properties = new ArrayList<>(List.of(
                "LOOPKEEPER_API_KEYS=" + apiKey,
                "LOOPKEEPER_ADMIN_PASSWORD=" + adminPassword,
                "server.port=0",
                "spring.datasource.url=jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        List.of(more).stream().filter(s -> !s.startsWith("--")).forEach(properties::add);
        return new SpringApplicationBuilder(LoopkeeperApplication.class)
                .web(WebApplicationType.SERVLET)
                .profiles("prod", "test")
                .properties(properties.toArray(String[]::new))
                .run(List.of(more).stream().filter(s -> s.startsWith("--")).toArray(String[]::new));
    }
}
