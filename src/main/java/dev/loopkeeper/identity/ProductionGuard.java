package dev.loopkeeper.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the {@code prod} profile while a demo user still has the demo password, the demo API key is
 * configured, or any setting still holds a {@code change-me} placeholder (docker-compose.yml's defaults). Runs
 * before the web server opens its port. (A reply secret under 32 bytes is refused by {@code OutreachSettings}.)
 */
@Component
@Profile("prod")
class ProductionGuard implements SmartInitializingSingleton {

    /** The mark of every placeholder secret we ship in docker-compose.yml. */
    static final String PLACEHOLDER = "change-me";

    private final IdentityService identity;
    private final ProcessEngineConfigurationImpl engine;
    private final IdentitySettings settings;
    private final ConfigurableEnvironment environment;

    ProductionGuard(
            IdentityService identity,
            ProcessEngineConfigurationImpl engine,
            IdentitySettings settings,
            ConfigurableEnvironment environment) {
        this.identity = identity;
        this.engine = engine;
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> problems = new ArrayList<>();
        if (settings.apiKeys().isEmpty()) {
            problems.add("no API key is configured (LOOPKEEPER_API_KEYS)");
        }
        if (settings.apiKeys().contains(DemoCredentials.API_KEY)) {
            problems.add("the demo API key is configured");
        }
        if (settings.metricsTokens().contains(DemoCredentials.METRICS_TOKEN)) {
            problems.add("the demo metrics token is configured");
        }
        identity.createUserQuery().list().stream()
                .filter(this::hasDemoPassword)
                .forEach(user -> problems.add("user " + user.getId() + " has the demo password"));
        placeholders().forEach(name -> problems.add(name + " is still a " + PLACEHOLDER + " placeholder"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production: " + String.join("; ", problems)
                    + ". Change these before starting with the prod profile.");
        }
    }

    /** Every setting, from any source (environment, files, command line), whose value is a placeholder. */
    private Set<String> placeholders() {
        Set<String> found = new TreeSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    Object value = enumerable.getProperty(name);
                    if (value != null
                            && value.toString().toLowerCase(Locale.ROOT).contains(PLACEHOLDER)) {
                        found.add(name);
                    }
                }
            }
        }
        return found;
    }

    /**
     * Compares hashes directly: {@code IdentityService.checkPassword} would count a failed login
     * against every user whose password is fine, and lock them out after a few restarts.
     */
    private boolean hasDemoPassword(User user) {
        UserEntity entity = (UserEntity) user;
        return entity.getPassword() != null
                && engine.getPasswordManager()
                        .check(
                                EncryptionUtil.saltPassword(DemoCredentials.PASSWORD, entity.getSalt()),
                                entity.getPassword());
    }
}
