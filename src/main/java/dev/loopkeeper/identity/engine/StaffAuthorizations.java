package dev.loopkeeper.identity.engine;

import static org.camunda.bpm.engine.impl.util.EnsureUtil.ensureValidIndividualResourceId;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * The engine's default authorizations for new things, except that a new user may only read their own account:
 * Camunda's default grants them everything on it, which would let anyone change their own credentials and profile
 * through {@code /engine-rest}. Accounts are changed by admins only.
 */
class StaffAuthorizations extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newUser(User user) {
        ensureValidIndividualResourceId("Cannot create default authorization for user " + user.getId(), user.getId());
        return new AuthorizationEntity[] {
            createGrantAuthorization(user.getId(), null, Resources.USER, user.getId(), Permissions.READ)
        };
    }
}
