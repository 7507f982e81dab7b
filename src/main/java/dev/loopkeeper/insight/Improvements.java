package dev.loopkeeper.insight;

import dev.loopkeeper.identity.Directory;
import dev.loopkeeper.insight.ImprovementProcess.Vars;
import dev.loopkeeper.insight.domain.ImprovementAction;
import dev.loopkeeper.insight.domain.ImprovementActions;
import dev.loopkeeper.insight.domain.LinkedCase;
import dev.loopkeeper.insight.domain.LinkedCases;
import dev.loopkeeper.sharedkernel.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Improvement actions: created by leads, linked to the cases they fix, announced when verified. */
@Service
@Transactional
public class Improvements {

    private final ImprovementActions actions;
    private final LinkedCases links;
    private final RuntimeService runtime;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Improvements(
            ImprovementActions actions,
            LinkedCases links,
            RuntimeService runtime,
            Directory directory,
            ApplicationEventPublisher events,
            Clock clock) {
        this.actions = actions;
        this.links = links;
        this.runtime = runtime;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** Creates the action and starts its process: implement by the deadline, verify, announce. */
    public UUID create(NewImprovement action, Actor by) {
        if (!directory.isUser(action.owner())) {
            throw new IllegalArgumentException("No user " + action.owner() + " to own the action");
        }
        Instant now = clock.instant();
        if (!action.deadline().isAfter(now)) {
            throw new IllegalArgumentException("The deadline must be in the future");
        }
        ImprovementAction created = actions.save(new ImprovementAction(
                action.title().strip(),
                action.description(),
                action.rootCause(),
                action.owner(),
                action.deadline(),
                by.userId(),
                now));
        String processInstanceId = runtime.startProcessInstanceByKey(
                        ImprovementProcess.PROCESS_ID,
                        created.getId().toString(),
                        Variables.createVariables()
                                .putValue(Vars.ACTION_ID, created.getId().toString())
                                .putValue(Vars.ACTION_OWNER, action.owner())
                                .putValue(Vars.ACTION_DEADLINE, Date.from(action.deadline())))
                .getId();
        created.drivenBy(processInstanceId);
        return created.getId();
    }

    @Transactional(readOnly = true)
    public Optional<ImprovementView> find(UUID id) {
        return actions.findById(id).map(a -> view(a, links.countByActionId(id)));
    }

    /** Actions that are not yet announced: the ones a resolution can still be linked to. */
    @Transactional(readOnly = true)
    public List<ImprovementView> open() {
        return views(actions.findByStatusInOrderByDeadline(
                EnumSet.of(ImprovementStatus.OPEN, ImprovementStatus.IMPLEMENTED, ImprovementStatus.VERIFIED)));
    }

    @Transactional(readOnly = true)
    public List<ImprovementView> all() {
        return views(actions.findAllByOrderByCreatedAtDesc());
    }

    /**
     * Links a case to the action that fixes its cause.
     *
     * @return whether the fix has been released already, so the customer can be told right away
     * @throws IllegalArgumentException if there is no such action
     */
    public boolean link(UUID actionId, UUID caseId) {
        ImprovementAction action = actions.findById(actionId)
                .orElseThrow(() -> new IllegalArgumentException("No improvement action " + actionId));
        if (!links.existsById(new LinkedCase.Key(actionId, caseId))) {
            links.save(new LinkedCase(actionId, caseId, clock.instant()));
        }
        return action.getStatus().isReleased();
    }

    @Transactional(readOnly = true)
    public List<UUID> linkedCases(UUID actionId) {
        return links.findByActionId(actionId).stream()
                .map(LinkedCase::getCaseId)
                .toList();
    }

    /** Called by the process as the owner reports the change done. */
    public void implemented(UUID actionId, String summary) {
        action(actionId).implemented(summary, clock.instant());
    }

    /** Called by the process with the verifier's verdict; "not fixed" sends the action back to its owner. */
    public void verified(UUID actionId, boolean works, String notes) {
        action(actionId).verified(works, notes, clock.instant());
    }

    /** The fix is out: every case waiting on it hears so, in this transaction. */
    public void announce(UUID actionId) {
        ImprovementAction action = action(actionId);
        Instant now = clock.instant();
        action.announced(now);
        events.publishEvent(new FixReleased(actionId, action.getTitle(), now));
    }

    private ImprovementAction action(UUID id) {
        return actions.findById(id).orElseThrow(() -> new IllegalStateException("No improvement action " + id));
    }

    private List<ImprovementView> views(List<ImprovementAction> list) {
        Map<UUID, Long> counts = new HashMap<>();
        links.countPerAction().forEach(row -> counts.put((UUID) row[0], (Long) row[1]));
        return list.stream()
                .map(a -> view(a, counts.getOrDefault(a.getId(), 0L)))
                .toList();
    }

    private static ImprovementView view(ImprovementAction a, long linkedCases) {
        return new ImprovementView(
                a.getId(),
                a.getTitle(),
                a.getDescription(),
                a.getRootCause(),
                a.getOwner(),
                a.getDeadline(),
                a.getStatus(),
                a.getCreatedBy(),
                a.getCreatedAt(),
                a.getAnnouncedAt(),
                linkedCases);
    }
}
