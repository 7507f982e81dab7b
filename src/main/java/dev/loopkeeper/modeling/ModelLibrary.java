package dev.loopkeeper.modeling;

import dev.loopkeeper.modeling.domain.DeploymentRecord;
import dev.loopkeeper.modeling.domain.DeploymentRecords;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every process, decision and form the engine has deployed, with its versions, who deployed each and when,
 * and how many running cases use each process version. A fixed handful of queries, however many versions.
 */
@Service
@Transactional(readOnly = true)
public class ModelLibrary {

    private final RepositoryService repository;
    private final ManagementService management;
    private final ProcessEngineConfigurationImpl engine;
    private final DeploymentRecords records;

    ModelLibrary(
            RepositoryService repository,
            ManagementService management,
            ProcessEngine engine,
            DeploymentRecords records) {
        this.repository = repository;
        this.management = management;
        this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.records = records;
    }

    /** All models: processes, then decisions, then forms, each by key. */
    public List<Model> models() {
        List<ModelVersion> versions = versions();
        Map<String, List<ModelVersion>> byModel = new LinkedHashMap<>();
        versions.stream()
                .sorted(Comparator.comparing(ModelVersion::kind)
                        .thenComparing(ModelVersion::key)
                        .thenComparing(
                                Comparator.comparingInt(ModelVersion::version).reversed()))
                .forEach(v -> byModel.computeIfAbsent(v.kind() + "/" + v.key(), k -> new ArrayList<>())
                        .add(v));
        return byModel.values().stream()
                .map(vs ->
                        new Model(vs.get(0).kind(), vs.get(0).key(), vs.get(0).name(), vs))
                .toList();
    }

    public Optional<Model> model(ModelKind kind, String key) {
        return models().stream()
                .filter(m -> m.kind() == kind && m.key().equals(key))
                .findFirst();
    }

    /** One version, by its definition id. */
    public Optional<ModelVersion> version(String definitionId) {
        return versions().stream()
                .filter(v -> v.definitionId().equals(definitionId))
                .findFirst();
    }

    /** The file of a version, as it was deployed. */
    public String content(ModelVersion version) {
        return new String(bytes(version.deploymentId(), version.resourceName()), StandardCharsets.UTF_8);
    }

    byte[] bytes(String deploymentId, String resourceName) {
        try (InputStream in = repository.getResourceAsStream(deploymentId, resourceName)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file name a version is downloaded as: its resource name without folders. */
    public static String fileName(ModelVersion version) {
        String name = version.resourceName();
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private List<ModelVersion> versions() {
        Map<String, Deployment> deployments = repository.createDeploymentQuery().list().stream()
                .collect(Collectors.toMap(Deployment::getId, Function.identity()));
        Map<String, DeploymentRecord> authors = records.findAllById(deployments.keySet()).stream()
                .collect(Collectors.toMap(DeploymentRecord::getDeploymentId, Function.identity()));
        // One grouped query for the running instances of every process version
        Map<String, Long> running = new HashMap<>();
        for (ProcessDefinitionStatistics statistics :
                management.createProcessDefinitionStatisticsQuery().list()) {
            running.put(statistics.getId(), (long) statistics.getInstances());
        }
        List<ModelVersion> versions = new ArrayList<>();
        repository
                .createProcessDefinitionQuery()
                .list()
                .forEach(d -> versions.add(
                        version(ModelKind.PROCESS, d, deployments, authors, running.getOrDefault(d.getId(), 0L))));
        repository
                .createDecisionDefinitionQuery()
                .list()
                .forEach(d -> versions.add(version(ModelKind.DECISION, d, deployments, authors, 0)));
        forms().forEach(d -> versions.add(version(ModelKind.FORM, d, deployments, authors, 0)));
        return versions;
    }

    /** Camunda 7.24 has no query for form definitions in its API; its own mapping has one. */
    @SuppressWarnings("unchecked")
    private List<CamundaFormDefinition> forms() {
        return engine.getCommandExecutorTxRequired().execute(command -> (List<CamundaFormDefinition>)
                command.getDbEntityManager().selectList("selectAllCamundaFormDefinitions"));
    }

    private static ModelVersion version(
            ModelKind kind,
            ResourceDefinition definition,
            Map<String, Deployment> deployments,
            Map<String, DeploymentRecord> authors,
            long running) {
        Deployment deployment = deployments.get(definition.getDeploymentId());
        DeploymentRecord author = authors.get(definition.getDeploymentId());
        // Camunda Forms have no name (the entity throws when asked); a form is known by its key
        String name = kind == ModelKind.FORM
                        || definition.getName() == null
                        || definition.getName().isBlank()
                ? definition.getKey()
                : definition.getName();
        return new ModelVersion(
                kind,
                definition.getKey(),
                name,
                definition.getVersion(),
                definition.getId(),
                definition.getDeploymentId(),
                deployment == null ? null : deployment.getName(),
                definition.getResourceName(),
                deployment == null || deployment.getDeploymentTime() == null
                        ? null
                        : deployment.getDeploymentTime().toInstant(),
                author == null ? null : author.getDeployedBy(),
                deployment == null ? null : deployment.getSource(),
                author == null ? null : author.getNote(),
                running);
    }
}
