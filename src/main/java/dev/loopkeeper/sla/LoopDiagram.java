package dev.loopkeeper.sla;

import dev.loopkeeper.casework.CaseHeadline;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.SlaCasework;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Service;

/**
 * The closed loop as supervisors look at it on its diagram: how many open cases wait at each activity and
 * how many breaches each activity saw; which cases wait where; and the path one case took. Counting is the
 * engine's activity statistics (one grouped query per deployed version) and a grouped query over breaches.
 */
@Service
public class LoopDiagram {

    /** How far back the breach overlay looks. */
    static final Duration BREACH_WINDOW = Duration.ofDays(30);
    /** A list longer than this is for the tasklist's filters, not for a click on the diagram. */
    public static final int CASES_LISTED = 100;

    /** The latest deployed diagram with its overlays. */
    public record Picture(
            String processDefinitionId,
            int version,
            String xml,
            Map<String, String> names,
            Map<String, Long> waiting,
            Map<String, Long> breaches) {

        /** The activities with anything to show, in the diagram's order, for a table beside the picture. */
        public List<Station> stations() {
            return names.entrySet().stream()
                    .filter(e -> waiting.containsKey(e.getKey()) || breaches.containsKey(e.getKey()))
                    .map(e -> new Station(
                            e.getKey(),
                            e.getValue(),
                            waiting.getOrDefault(e.getKey(), 0L),
                            breaches.getOrDefault(e.getKey(), 0L)))
                    .toList();
        }
    }

    /** One activity with its counts. */
    public record Station(String activityId, String name, long waiting, long breaches) {}

    /** One case's diagram: the activities it went through, and where it is now. */
    public record Path(
            UUID caseId,
            String xml,
            int version,
            Map<String, String> names,
            List<String> passed,
            Set<String> current) {}

    private final RepositoryService repository;
    private final ManagementService management;
    private final HistoryService history;
    private final BreachReport breaches;
    private final SlaCasework casework;
    private final Clock clock;

    LoopDiagram(
            RepositoryService repository,
            ManagementService management,
            HistoryService history,
            BreachReport breaches,
            SlaCasework casework,
            Clock clock) {
        this.repository = repository;
        this.management = management;
        this.history = history;
        this.breaches = breaches;
        this.casework = casework;
        this.clock = clock;
    }

    /**
     * The latest version's diagram; the waiting counts include cases still on older versions, matched by
     * activity id (versions keep their ids unless a process owner renames one).
     */
    public Picture latest() {
        ProcessDefinition latest = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(ClosedLoop.PROCESS_ID)
                .latestVersion()
                .singleResult();
        if (latest == null) {
            throw new IllegalStateException("No version of " + ClosedLoop.PROCESS_ID + " is deployed");
        }
        Map<String, Long> waiting = new LinkedHashMap<>();
        for (ProcessDefinition version : repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(ClosedLoop.PROCESS_ID)
                .list()) {
            for (ActivityStatistics activity :
                    management.createActivityStatisticsQuery(version.getId()).list()) {
                waiting.merge(activity.getId(), (long) activity.getInstances(), Long::sum);
            }
        }
        Instant now = clock.instant();
        Map<String, Long> breached = breaches.perActivity(new BreachFilter(now.minus(BREACH_WINDOW), null, null, null));
        return new Picture(
                latest.getId(), latest.getVersion(), xml(latest.getId()), names(latest.getId()), waiting, breached);
    }

    /** The open cases waiting at this activity, oldest first, at most {@value #CASES_LISTED}. */
    public List<CaseHeadline> casesAt(String activityId) {
        Set<UUID> caseIds = new LinkedHashSet<>();
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ClosedLoop.PROCESS_ID)
                .unfinished()
                .activeActivityIdIn(activityId)
                .orderByProcessInstanceStartTime()
                .asc()
                .listPage(0, CASES_LISTED)) {
            caseIds.add(UUID.fromString(instance.getBusinessKey()));
        }
        return casework.headlines(caseIds);
    }

    /** Where the case is and the way it came, on the diagram of the version it runs on. */
    public Optional<Path> pathOf(UUID caseId) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ClosedLoop.PROCESS_ID)
                .processInstanceBusinessKey(caseId.toString())
                .singleResult();
        if (instance == null) {
            return Optional.empty();
        }
        List<String> passed = new ArrayList<>();
        Set<String> current = new LinkedHashSet<>();
        for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .orderPartiallyByOccurrence()
                .asc()
                .list()) {
            if (activity.getEndTime() == null) {
                current.add(activity.getActivityId());
            } else {
                passed.add(activity.getActivityId());
            }
        }
        return Optional.of(new Path(
                caseId,
                xml(instance.getProcessDefinitionId()),
                instance.getProcessDefinitionVersion(),
                names(instance.getProcessDefinitionId()),
                passed,
                current));
    }

    /** Every flow node's name (its id when it has none), in the order of the model. */
    private Map<String, String> names(String processDefinitionId) {
        Map<String, String> names = new LinkedHashMap<>();
        for (FlowNode node :
                repository.getBpmnModelInstance(processDefinitionId).getModelElementsByType(FlowNode.class)) {
            names.put(
                    node.getId(),
                    node.getName() == null || node.getName().isBlank()
                            ? readable(node.getId())
                            : node.getName().replaceAll("\\s+", " "));
        }
        return names;
    }

    /** An unnamed element in words: Gateway_CustomerReached reads Customer reached (gateway). */
    static String readable(String id) {
        int underscore = id.indexOf('_');
        String kind = underscore > 0 ? id.substring(0, underscore) : "";
        String rest = underscore > 0 ? id.substring(underscore + 1) : id;
        String words =
                rest.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
        if (words.isEmpty()) {
            return id;
        }
        words = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        return kind.isEmpty()
                ? words
                : words + " (" + kind.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT) + ")";
    }

    private String xml(String processDefinitionId) {
        try (InputStream model = repository.getProcessModel(processDefinitionId)) {
            return new String(model.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
