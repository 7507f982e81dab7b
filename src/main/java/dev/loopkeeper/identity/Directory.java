package dev.loopkeeper.identity;

import dev.loopkeeper.sharedkernel.Groups;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * The users and groups of Camunda's identity service: who exists, who is in which group, who can take work now.
 * Other modules ask here instead of querying the engine's identity service themselves.
 */
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
        List<String> ids = new ArrayList<>(available());
        ids.addAll(groups());
        return ids;
    }

    public List<String> users() {
        return identity.createUserQuery().orderByUserId().asc().list().stream()
                .map(User::getId)
                .toList();
    }

    /** Users who are not away, by id. */
    public List<String> available() {
        return withoutAway(users());
    }

    public List<String> groups() {
        return identity.createGroupQuery().orderByGroupId().asc().list().stream()
                .map(Group::getId)
                .filter(id -> !Groups.CAMUNDA_ADMIN.equals(id))
                .toList();
    }

    public List<String> membersOf(String group) {
        return identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream()
                .map(User::getId)
                .toList();
    }

    /** Members of the group who are not away, by id. */
    public List<String> availableMembersOf(String group) {
        return withoutAway(membersOf(group));
    }

    public boolean isUser(String id) {
        return identity.createUserQuery().userId(id).count() > 0;
    }

    public boolean isGroup(String id) {
        return identity.createGroupQuery().groupId(id).count() > 0;
    }

    /** The groups the user is in, by id. */
    public Set<String> groupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean isMember(String userId, String group) {
        return identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0;
    }

    /** The members of a group with their names and email addresses, by id. */
    public List<StaffMember> staffIn(String group) {
        return identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream()
                .map(Directory::member)
                .toList();
    }

    public Optional<StaffMember> staffMember(String userId) {
        return Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult())
                .map(Directory::member);
    }

    private List<String> withoutAway(List<String> userIds) {
        Set<String> away = availability.away();
        return userIds.stream().filter(id -> !away.contains(id)).toList();
    }

    private static StaffMember member(User user) {
        String name = (orEmpty(user.getFirstName()) + " " + orEmpty(user.getLastName())).strip();
        return new StaffMember(user.getId(), name.isEmpty() ? null : name, user.getEmail());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
