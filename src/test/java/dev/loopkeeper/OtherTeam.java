package dev.loopkeeper;

import dev.loopkeeper.sharedkernel.Actor;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/**
 * Olga, a frontline agent of another team ({@code team-apac}), who is not among the demo users: the one who
 * must not see team EMEA's cases. Password {@code demo}.
 */
public final class OtherTeam {

    public static final String USER = "olga";
    public static final String TEAM = "team-apac";
    public static final Actor OLGA = new Actor(USER, Set.of("frontline", TEAM));

    private OtherTeam() {}

    /** Makes sure Olga and her team exist in the engine's identity service. */
    public static Actor olga(IdentityService identity) {
        if (identity.createGroupQuery().groupId(TEAM).count() == 0) {
            Group team = identity.newGroup(TEAM);
            team.setName("Team APAC");
            team.setType("WORKFLOW");
            identity.saveGroup(team);
        }
        if (identity.createUserQuery().userId(USER).count() == 0) {
            User olga = identity.newUser(USER);
            olga.setFirstName("Olga");
            olga.setLastName("Other-Team");
            olga.setEmail("olga@loopkeeper.example");
            olga.setPassword("demo");
            identity.saveUser(olga);
            identity.createMembership(USER, "frontline");
            identity.createMembership(USER, TEAM);
        }
        return OLGA;
    }
}
