package dev.loopkeeper.identity;

import dev.loopkeeper.sharedkernel.Groups;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the demo users and groups once, so a fresh checkout can be tried right away. */
@Component
@Profile("demo")
// before the demo's history is seeded, which needs its people
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private static final Map<String, String> GROUP_NAMES = Map.of(
            Groups.FRONTLINE,
            "Frontline staff",
            "team-emea",
            "Team EMEA",
            Groups.SUPERVISORS,
            "Supervisors",
            Groups.PROCESS_OWNERS,
            "Process owners",
            Groups.ADMINS,
            "Administrators",
            Groups.CAMUNDA_ADMIN,
            "Camunda administrators");

    private final IdentityService identity;

    DemoUsers(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void run(ApplicationArguments args) {
        GROUP_NAMES.forEach(this::ensureGroup);
        for (DemoCredentials.DemoUser demo : DemoCredentials.USERS) {
            if (identity.createUserQuery().userId(demo.id()).count() > 0) {
                continue;
            }
            User user = identity.newUser(demo.id());
            user.setFirstName(demo.firstName());
            user.setLastName(demo.lastName());
            user.setEmail(demo.id() + "@loopkeeper.example");
            user.setPassword(DemoCredentials.PASSWORD);
            identity.saveUser(user);
            demo.groups().forEach(group -> identity.createMembership(demo.id(), group));
            log.info("Created demo user {} in {}", demo.id(), demo.groups());
        }
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }
}
