package dev.loopkeeper.identity;

import dev.loopkeeper.sharedkernel.Groups;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/** The users and groups of Camunda's identity service, for choosing who gets work. */
@Service
public class Directory {

    private final IdentityService identity;
    private final Availability availability;

    Directory(@Lazy IdentityService identity, Availability availability) {
        this.identity = identity;
        this.availability = availability;
    }

    /** Users who can take work now (not away), then groups; by id. */
    public List<String> assignees() {
        Set<String> away = availability.away();
        List<String> ids = new ArrayList<>(identity.createUserQuery().orderByUserId().asc().list().stream()
                .map(User::getId).filter(id -> !away.contains(id)).toList());
        ids.addAll(groups());
        return ids;
    }

    public List<String> users() {
        return identity.createUserQuery().orderByUserId().asc().list().stream().map(User::getId).toList();
    }

    public List<String> groups() {
        return identity.createGroupQuery().orderByGroupId().asc().list().stream().map(Group::getId)
                .filter(id -> !Groups.CAMUNDA_ADMIN.equals(id)).toList();
    }

    public List<String> membersOf(String group) {
        return identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream()
                .map(User::getId).toList();
    }
}
