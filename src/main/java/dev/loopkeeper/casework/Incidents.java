package dev.loopkeeper.casework;

import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Refusal;
import dev.loopkeeper.sharedkernel.Words;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * What is broken: the engine's open incidents (a send that failed all its retries, a step that threw),
 * with the case they stop, and a retry that runs the job again.
 */
@Service
public class Incidents {

    /** One open incident. */
    public record Open(
            String incidentId,
            String jobId,
            String processKey,
            String businessKey,
            UUID caseId,
            String activityId,
            Instant at,
            String message) {}

    private final RuntimeService runtime;
    private final ManagementService management;
    private final RepositoryService repository;

    Incidents(RuntimeService runtime, ManagementService management, RepositoryService repository) {
        this.runtime = runtime;
        this.management = management;
        this.repository = repository;
    }

    /** The newest open incidents (at most 200), each with its case when it belongs to the closed loop. */
    public List<Open> open() {
        List<Incident> incidents =
                runtime.createIncidentQuery().orderByIncidentTimestamp().desc().listPage(0, 200);
        Set<String> instanceIds =
                incidents.stream().map(Incident::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, ProcessInstance> instances = new HashMap<>();
        if (!instanceIds.isEmpty()) {
            runtime.createProcessInstanceQuery()
                    .processInstanceIds(instanceIds)
                    .list()
                    .forEach(pi -> instances.put(pi.getId(), pi));
        }
        Map<String, String> keys = new HashMap<>();
        return incidents.stream()
                .map(incident -> {
                    ProcessInstance pi = instances.get(incident.getProcessInstanceId());
                    String processKey = keys.computeIfAbsent(
                            incident.getProcessDefinitionId(),
                            id -> repository.getProcessDefinition(id).getKey());
                    String businessKey = pi == null ? null : pi.getBusinessKey();
                    UUID caseId = ClosedLoop.PROCESS_ID.equals(processKey) && businessKey != null
                            ? UUID.fromString(businessKey)
                            : null;
                    return new Open(
                            incident.getId(),
                            jobOf(incident),
                            processKey,
                            businessKey,
                            caseId,
                            incident.getActivityId(),
                            incident.getIncidentTimestamp().toInstant(),
                            incident.getIncidentMessage());
                })
                .toList();
    }

    /** Gives the failed job one more try; the job executor picks it up at once. */
    public void retry(String incidentId, Actor actor) {
        if (!actor.oversees()) {
            throw new Refusal("Only supervisors retry failed steps", Words.of("casework.refused.retry-not-allowed"));
        }
        Incident incident = runtime.createIncidentQuery().incidentId(incidentId).singleResult();
        if (incident == null) {
            throw new Refusal("The incident is resolved already", Words.of("casework.refused.incident-resolved"));
        }
        String job = jobOf(incident);
        if (job == null) {
            throw new Refusal(
                    "This incident is not a failed job; resolve it in Cockpit",
                    Words.of("casework.refused.incident-not-job"));
        }
        management.setJobRetries(job, 1);
    }

    private static String jobOf(Incident incident) {
        return Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType()) ? incident.getConfiguration() : null;
    }
}
