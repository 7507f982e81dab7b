package dev.loopkeeper.insight;

import dev.loopkeeper.identity.Directory;
import dev.loopkeeper.insight.ImprovementProcess.Vars;
import dev.loopkeeper.insight.domain.ImprovementAction;
import dev.loopkeeper.insight.domain.ImprovementActions;
import dev.loopkeeper.insight.domain.LinkedCase;
import dev.loopkeeper.insight.domain.LinkedCases;
import dev.loopkeeper.insight.domain.ThemeRows;
import dev.loopkeeper.insight.domain.Voices;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Refusal;
import dev.loopkeeper.sharedkernel.Words;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** Not yet announced: a case can still join, and new responses of its theme do. */
    private static final Set<ImprovementStatus> OPEN =
            EnumSet.of(ImprovementStatus.OPEN, ImprovementStatus.IMPLEMENTED, ImprovementStatus.VERIFIED);

    private final ImprovementActions actions;
    private final LinkedCases links;
    private final ThemeRows themes;
    private final Voices voices;
    private final RuntimeService runtime;
    private final Directory directory;
    private final InsightSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Improvements(
            ImprovementActions actions,
            LinkedCases links,
            ThemeRows themes,
            Voices voices,
            RuntimeService runtime,
            Directory directory,
            InsightSettings settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.actions = actions;
        this.links = links;
        this.themes = themes;
        this.voices = voices;
        this.runtime = runtime;
        this.directory = directory;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** Creates the action and starts its process: implement by the deadline, verify, announce. */
    public UUID create(NewImprovement action, Actor by) {
        if (!directory.isUser(action.owner())) {
            throw new Refusal(
                    "No user " + action.owner() + " to own the action",
                    Words.of("insight.refused.no-action-owner", action.owner()));
        }
        Instant now = clock.instant();
        if (!action.deadline().isAfter(now)) {
            throw new Refusal("The deadline must be in the future", Words.of("insight.refused.deadline-past"));
        }
        if (action.themeId() != null && themes.find(action.themeId()).isEmpty()) {
            throw new Refusal("No theme " + action.themeId(), Words.of("insight.refused.no-theme", action.themeId()));
        }
        ImprovementAction created = new ImprovementAction(
                action.title().strip(),
                action.description(),
                action.rootCause(),
                action.owner(),
                action.deadline(),
                by.userId(),
                now);
        created.about(action.themeId(), action.expectedImpact());
        actions.save(created);
        action.caseIds().stream()
                .distinct()
                .forEach(caseId -> links.save(new LinkedCase(created.getId(), caseId, now, LinkedCase.CREATED)));
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
        return actions.findById(id).map(a -> view(a, links.countByActionId(id), themeNames()));
    }

    /** Actions that are not yet announced: the ones a resolution can still be linked to. */
    @Transactional(readOnly = true)
    public List<ImprovementView> open() {
        return views(actions.findByStatusInOrderByDeadline(OPEN));
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
            links.save(new LinkedCase(actionId, caseId, clock.instant(), LinkedCase.RESOLUTION));
        }
        return action.getStatus().isReleased();
    }

    @Transactional(readOnly = true)
    public List<UUID> linkedCases(UUID actionId) {
        return links.findByActionId(actionId).stream()
                .map(LinkedCase::getCaseId)
                .toList();
    }

    /**
     * New responses with a case that speak of themes: each joins every open action of its themes. Called by
     * tagging inside intake's transaction; one query for the actions, one insert per link.
     */
    void linkToOpenActions(Map<UUID, ? extends Collection<UUID>> themesByCase) {
        Set<UUID> themeIds = new HashSet<>();
        themesByCase.values().forEach(themeIds::addAll);
        List<ImprovementAction> open = actions.findByThemeIdInAndStatusIn(themeIds, OPEN);
        if (open.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        themesByCase.forEach((caseId, ids) -> open.stream()
                .filter(a -> ids.contains(a.getThemeId()))
                .forEach(a -> links.save(new LinkedCase(a.getId(), caseId, now, LinkedCase.THEME))));
    }

    /**
     * The cases whose responses spoke of the theme within the window ({@code loopkeeper.insight.window}), oldest
     * first: open, closed and unreachable alike. An action from the theme offers to link them.
     */
    @Transactional(readOnly = true)
    public List<UUID> casesOfTheme(UUID themeId) {
        return voices.casesOf(themeId, clock.instant().minus(settings.window()));
    }

    /** Lead time from theme to verified fix, and the NPS of the theme's customers before and after the release. */
    @Transactional(readOnly = true)
    public ImprovementResult result(UUID actionId) {
        ImprovementAction a = action(actionId);
        if (a.getThemeId() == null) {
            return new ImprovementResult(null, null, 0, null, 0);
        }
        Duration lead = themes.find(a.getThemeId())
                .filter(t -> a.getVerifiedAt() != null)
                .map(t -> Duration.between(t.createdAt(), a.getVerifiedAt()))
                .orElse(null);
        Instant at = a.getAnnouncedAt() != null ? a.getAnnouncedAt() : clock.instant();
        Map<Boolean, Voices.Nps> nps = voices.npsOfThemeCustomers(a.getThemeId(), at.minus(settings.window()), at);
        Voices.Nps before = nps.get(false);
        Voices.Nps after = nps.get(true);
        return new ImprovementResult(
                lead,
                before.score(),
                before.responses(),
                a.getAnnouncedAt() == null ? null : after.score(),
                after.responses());
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
        Map<UUID, String> names = themeNames();
        return list.stream()
                .map(a -> view(a, counts.getOrDefault(a.getId(), 0L), names))
                .toList();
    }

    private Map<UUID, String> themeNames() {
        Map<UUID, String> names = new HashMap<>();
        themes.all().forEach(t -> names.put(t.id(), t.name()));
        return names;
    }

    private static ImprovementView view(ImprovementAction a, long linkedCases, Map<UUID, String> themeNames) {
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
                linkedCases,
                a.getThemeId(),
                a.getThemeId() == null ? null : themeNames.get(a.getThemeId()),
                a.getExpectedImpact(),
                a.getImplementedAt(),
                a.getVerifiedAt());
    }
}
