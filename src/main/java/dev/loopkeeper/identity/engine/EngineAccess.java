package dev.loopkeeper.identity.engine;

import dev.loopkeeper.sharedkernel.Groups;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine's own checks, for the doors where the engine decides ({@code /engine-rest}, Cockpit and Admin): its
 * authorization checks on, our admins as its admin group, expressions in queries and stored filters off (a query
 * expression is JUEL, and JUEL reaches any class), no permanent lock-out of users, and the role grants written at
 * start-up ({@link RoleGrants}).
 */
@Component
class EngineAccess extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setAuthorizationEnabled(true);
        List<String> admins = configuration.getAdminGroups() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getAdminGroups());
        if (!admins.contains(Groups.ADMINS)) {
            admins.add(Groups.ADMINS);
        }
        configuration.setAdminGroups(admins);
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setEnableExpressionsInStoredQueries(false);
        // A stranger's wrong passwords must not lock a colleague out: the engine would lock a user for good after
        // 10 failures and delay every try before that. Sign-in attempts are throttled per address instead.
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayBase(0);
        configuration.setResourceAuthorizationProvider(new StaffAuthorizations());
        // Object variables sent through /engine-rest are never deserialized into arbitrary classes
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setDeserializationTypeValidationEnabled(true);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        RoleGrants.apply(engine.getAuthorizationService());
    }
}
