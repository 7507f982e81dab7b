package dev.loopkeeper.identity.engine;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.RETRY_JOB;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.TASK_ASSIGN;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.TASK_WORK;

import dev.loopkeeper.sharedkernel.Groups;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each role may do through the engine's own doors ({@code /engine-rest}, Cockpit), written into the engine's
 * authorizations at every start, so the table below is the truth: a permission an operator added by hand to one of
 * these (group, resource, id) rows is set back. Our own screens decide access themselves and call the engine without
 * an authenticated user, so these grants do not limit them.
 * <ul>
 * <li>{@code frontline} and team groups: nothing here. The engine grants a candidate group read and work on each task
 *     it is offered, and an assignee on the task assigned ("their groups' tasks").</li>
 * <li>{@code supervisors}: read processes, cases, decisions and their history; claim, assign and complete tasks; retry
 *     failed jobs. Cockpit.</li>
 * <li>{@code process-owners}: deploy; read definitions, their running cases and history. Cockpit.</li>
 * <li>{@code admins} (and Camunda's {@code camunda-admin}): everything; they are also the engine's admin groups,
 *     for the few operations only those may run (history cleanup, for one).</li>
 * </ul>
 * Nobody but admins gets any permission on users, groups, memberships, tenants or authorizations.
 */
public final class RoleGrants {

    private static final Logger log = LoggerFactory.getLogger(RoleGrants.class);

    /** One row of the table: a group may do these things to this resource (id {@code *}: all of them). */
    record Grant(String group, Resource resource, String resourceId, Permission... permissions) {

        int bits() {
            return Arrays.stream(permissions).mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
        }
    }

    static final String ANY = Authorization.ANY;
    static final String COCKPIT = "cockpit";

    static final List<Grant> TABLE = Stream.concat(
                    Stream.of(
                            new Grant(Groups.SUPERVISORS, Resources.APPLICATION, COCKPIT, ACCESS),
                            new Grant(
                                    Groups.SUPERVISORS,
                                    Resources.PROCESS_DEFINITION,
                                    ANY,
                                    READ,
                                    READ_INSTANCE,
                                    READ_HISTORY,
                                    READ_TASK,
                                    TASK_WORK,
                                    TASK_ASSIGN,
                                    RETRY_JOB),
                            new Grant(Groups.SUPERVISORS, Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY),
                            new Grant(Groups.SUPERVISORS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ),
                            new Grant(Groups.SUPERVISORS, Resources.DEPLOYMENT, ANY, READ),
                            // Names on tasks and in reassignments; reading only
                            new Grant(Groups.SUPERVISORS, Resources.USER, ANY, READ),
                            new Grant(Groups.SUPERVISORS, Resources.GROUP, ANY, READ),
                            new Grant(Groups.PROCESS_OWNERS, Resources.APPLICATION, COCKPIT, ACCESS),
                            new Grant(Groups.PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, CREATE, READ),
                            new Grant(
                                    Groups.PROCESS_OWNERS,
                                    Resources.PROCESS_DEFINITION,
                                    ANY,
                                    READ,
                                    READ_INSTANCE,
                                    READ_HISTORY),
                            new Grant(Groups.PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY),
                            new Grant(Groups.PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ)),
                    // The engine's admin groups skip only a few admin-only operations; every other check needs a grant
                    Stream.of(Groups.ADMINS, Groups.CAMUNDA_ADMIN)
                            .flatMap(group -> Arrays.stream(Resources.values())
                                    .map(resource -> new Grant(group, resource, ANY, Permissions.ALL))))
            .toList();

    private RoleGrants() {}

    /** Makes the engine's grants for our roles exactly the table's; safe to run on every node at once. */
    static void apply(AuthorizationService authorizations) {
        for (Grant grant : TABLE) {
            try {
                write(authorizations, grant);
            } catch (RuntimeException raced) {
                // Another node wrote the same row between our read and our insert; its row is the table's too
                log.debug("Grant {} raced with another node; checking again", grant, raced);
                write(authorizations, grant);
            }
        }
    }

    private static void write(AuthorizationService authorizations, Grant grant) {
        Authorization row = authorizations
                .createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(grant.group())
                .resourceType(grant.resource())
                .resourceId(grant.resourceId())
                .singleResult();
        if (row == null) {
            row = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            row.setGroupId(grant.group());
            row.setResource(grant.resource());
            row.setResourceId(grant.resourceId());
        } else if (((AuthorizationEntity) row).getPermissions() == grant.bits()) {
            return;
        }
        row.setPermissions(grant.permissions());
        authorizations.saveAuthorization(row);
    }
}
