package dev.loopkeeper.casework;

import dev.loopkeeper.casework.domain.CaseParticipants;
import dev.loopkeeper.casework.domain.Cases;
import dev.loopkeeper.sharedkernel.Actor;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may see a case: supervisors and admins see every case; anyone else sees the cases whose tasks were
 * offered to one of their groups, or that they held themselves (claimed, were delegated or reassigned,
 * contacted the customer), while the case is open and after it has closed. Everything that shows a case by
 * its id asks here, and answers "no such case" to anyone else, so that nobody learns a case exists.
 */
@Service
@Transactional(readOnly = true)
public class CaseAccess {

    private final Cases cases;
    private final CaseParticipants participants;

    CaseAccess(Cases cases, CaseParticipants participants) {
        this.cases = cases;
        this.participants = participants;
    }

    /** Whether the case exists and the actor may see it. */
    public boolean visibleTo(UUID caseId, Actor actor) {
        return actor.oversees()
                ? cases.existsById(caseId)
                : participants.includeAnyOf(caseId, actor.userId(), actor.groups());
    }

    /** Those of the cases the actor may see, in one query. */
    public Set<UUID> visibleAmong(Collection<UUID> caseIds, Actor actor) {
        return actor.oversees()
                ? caseIds.stream().collect(Collectors.toSet())
                : participants.withAnyOf(caseIds, actor.userId(), actor.groups());
    }
}
