package dev.loopkeeper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

/**
 * Which flow nodes of a deployed process the tests so far have passed, read from the engine's history.
 * Writes a report per process under {@code target/process-coverage/} that names the nodes never reached.
 */
public record FlowNodeCoverage(String processKey, Set<String> nodes, Set<String> passed) {

    public static FlowNodeCoverage of(ProcessEngine engine, String processKey) {
        ProcessDefinition definition = engine.getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey(processKey)
                .latestVersion()
                .singleResult();
        Set<String> nodes = engine
                .getRepositoryService()
                .getBpmnModelInstance(definition.getId())
                .getModelElementsByType(FlowNode.class)
                .stream()
                .map(FlowNode::getId)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> passed = engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processDefinitionId(definition.getId())
                .list()
                .stream()
                .map(HistoricActivityInstance::getActivityId)
                .filter(nodes::contains)
                .collect(Collectors.toCollection(TreeSet::new));
        return new FlowNodeCoverage(processKey, nodes, passed);
    }

    public double ratio() {
        return (double) passed.size() / nodes.size();
    }

    public Set<String> missed() {
        Set<String> missed = new TreeSet<>(nodes);
        missed.removeAll(passed);
        return missed;
    }

    /** Writes the report and returns its one-line summary. */
    public String report(String suite) {
        String summary = String.format(
                "%s: %d of %d flow nodes (%.1f%%) in %s",
                processKey, passed.size(), nodes.size(), 100 * ratio(), suite);
        try {
            Path dir = Path.of("target", "process-coverage");
            Files.createDirectories(dir);
            Files.write(
                    dir.resolve(suite + "-" + processKey + ".txt"),
                    List.of(
                            summary,
                            "",
                            "not reached:",
                            String.join("\n", missed()),
                            "",
                            "reached:",
                            String.join("\n", passed)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return summary;
    }
}
