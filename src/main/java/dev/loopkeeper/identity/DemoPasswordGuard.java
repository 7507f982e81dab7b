package dev.loopkeeper.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the {@code prod} profile while a demo user still has the demo password or the demo
 * API key is configured. Runs before the web server opens its port.
 */
@Component
@Profile("prod")
class DemoPasswordGuard implements SmartInitializingSingleton {

    private final IdentityService identity;
    private final ProcessEngineConfigurationImpl engine;
    private final IdentitySettings settings;

    DemoPasswordGuard(IdentityService identity, ProcessEngineConfigurationImpl engine, IdentitySettings settings) {
        this.identity = identity;
        this.engine = engine;
        this.settings = settings;
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
        identity.createUserQuery().list().stream()
                .filter(this::hasDemoPassword)
                .forEach(user -> problems.add("user " + user.getId() + " has the demo password"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production: " + String.join("; ", problems)
                    + ". Change these before starting with the prod profile.");
        }
    }

    /**
     * Compares hashes directly: {@code IdentityService.checkPassword} would count a failed login
     * against every user whose password is fine, and lock them out after a few restarts.
     */
    private boolean hasDemoPassword(User user) {
        UserEntity entity = (UserEntity) user;
        return entity.getPassword() != null && engine.getPasswordManager()
                .check(EncryptionUtil.saltPassword(DemoCredentials.PASSWORD, entity.getSalt()), entity.getPassword());
    }
}
