package dev.loopkeeper.modeling;

import dev.loopkeeper.modeling.domain.DeploymentRecords;
import dev.loopkeeper.modeling.domain.ModelDrafts;
import dev.loopkeeper.modeling.process.DeploymentRulesViolation;
import dev.loopkeeper.modeling.process.ElementChanges;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Refusal;
import dev.loopkeeper.sharedkernel.Words;
import dev.loopkeeper.sharedkernel.audit.AuditAction;
import dev.loopkeeper.sharedkernel.audit.Audited;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks, deploys, compares and rolls back models.
 *
 * <p>A model is deployed with its bundle: what it belongs with in the deployment that holds its latest
 * version. Our processes bind their forms and their policy table to their own deployment
 * ({@code formRefBinding="deployment"}), so a changed policy table only reaches new cases if the process is
 * deployed with it, and a process only finds its forms if they come along. The models of the bundle get a
 * new version (unchanged ones identical to the previous); the rest of the library does not.
 *
 * <p>Deployments go through the engine's repository service like any other, so the deployment rules (an
 * engine plugin) apply exactly as they do to {@code /engine-rest}.
 */
@Service
public class ModelDeployment {

    /** What Cockpit and the library show as the source of our deployments. */
    public static final String SOURCE = "Loopkeeper modeler";

    private final RepositoryService repository;
    private final IdentityService identity;
    private final ModelLibrary library;
    private final ModelDrafts drafts;
    private final DeploymentRecords records;
    private final TransactionTemplate dryRun;

    private final ApplicationEventPublisher events;

    ModelDeployment(
            RepositoryService repository,
            IdentityService identity,
            ModelLibrary library,
            ModelDrafts drafts,
            DeploymentRecords records,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.identity = identity;
        this.library = library;
        this.drafts = drafts;
        this.records = records;
        this.dryRun = new TransactionTemplate(transactions);
        this.dryRun.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Everything that would stop this draft from deploying: our rules, then the engine's own parse. Runs the
     * real deployment in a transaction that is always rolled back.
     */
    public List<ModelProblem> check(Draft draft) {
        List<Resource> bundle = bundle(
                draft.kind(), draft.key(), draft.resourceName(), draft.content().getBytes(StandardCharsets.UTF_8));
        try {
            dryRun.executeWithoutResult(status -> {
                status.setRollbackOnly();
                deploy(bundle, draft.key());
            });
            return List.of();
        } catch (DeploymentRefused refused) {
            return refused.problems();
        }
    }

    /** Deploys the draft as the model's new version, with its bundle, and discards the draft. */
    @Transactional
    public DeployedVersion deploy(Actor actor, UUID draftId, String note) {
        ModelAccess.requireModeler(actor);
        var draft = drafts.findById(draftId)
                .filter(d -> d.getOwner().equals(actor.userId()))
                .orElseThrow(() -> new IllegalArgumentException("No draft " + draftId + " of " + actor.userId()));
        DeployedVersion deployed = deployAs(
                actor,
                draft.getKind(),
                draft.getKey(),
                draft.getResourceName(),
                draft.getContent().getBytes(StandardCharsets.UTF_8),
                note);
        drafts.delete(draft);
        events.publishEvent(
                Audited.of(actor.userId(), AuditAction.DEPLOY, deployed.model().definitionId())
                        .because(note)
                        .detail(deployed.model().key() + " version "
                                + deployed.model().version() + ", deployment " + deployed.deploymentId()));
        return deployed;
    }

    /** Makes an earlier version current again, by deploying its file as a new version. */
    @Transactional
    public DeployedVersion rollBack(Actor actor, String definitionId, String note) {
        ModelAccess.requireModeler(actor);
        ModelVersion earlier = library.version(definitionId)
                .orElseThrow(() -> new IllegalArgumentException("No deployed model " + definitionId));
        DeployedVersion deployed = deployAs(
                actor,
                earlier.kind(),
                earlier.key(),
                earlier.resourceName(),
                library.bytes(earlier.deploymentId(), earlier.resourceName()),
                note == null || note.isBlank() ? "Rolled back to version " + earlier.version() : note);
        events.publishEvent(Audited.of(
                        actor.userId(), AuditAction.ROLL_BACK, deployed.model().definitionId())
                .because(note)
                .detail(earlier.key() + " back to version " + earlier.version() + " as version "
                        + deployed.model().version()));
        return deployed;
    }

    /** What changed from one version to another: the lines of the files, and the elements. */
    @Transactional(readOnly = true)
    public ModelDiff diff(String fromDefinitionId, String toDefinitionId) {
        ModelVersion from = library.version(fromDefinitionId)
                .orElseThrow(() -> new IllegalArgumentException("No deployed model " + fromDefinitionId));
        ModelVersion to = library.version(toDefinitionId)
                .orElseThrow(() -> new IllegalArgumentException("No deployed model " + toDefinitionId));
        return diff(from.kind(), library.content(from), library.content(to));
    }

    /** What a draft changes against the version it was opened from. */
    @Transactional(readOnly = true)
    public Optional<ModelDiff> diff(Draft draft) {
        return Optional.ofNullable(draft.basedOnId())
                .flatMap(library::version)
                .map(base -> diff(draft.kind(), library.content(base), draft.content()));
    }

    private static ModelDiff diff(ModelKind kind, String from, String to) {
        return new ModelDiff(ModelDiff.lines(from, to), ElementChanges.between(kind, from, to));
    }

    private DeployedVersion deployAs(
            Actor actor, ModelKind kind, String key, String resourceName, byte[] content, String note) {
        if (note != null && note.length() > 1000) {
            throw new Refusal("A note may have at most 1000 characters", Words.of("modeling.refused.note-too-long"));
        }
        List<Resource> bundle = bundle(kind, key, resourceName, content);
        identity.setAuthentication(actor.userId(), List.copyOf(actor.groups()));
        Deployment deployment;
        try {
            deployment = deploy(bundle, key);
        } finally {
            identity.clearAuthentication();
        }
        records.findById(deployment.getId()).ifPresent(r -> r.note(note));
        List<ModelVersion> created = library.models().stream()
                .flatMap(m -> m.versions().stream())
                .filter(v -> v.deploymentId().equals(deployment.getId()))
                .toList();
        ModelVersion model = created.stream()
                .filter(v -> v.kind() == kind && v.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new DeploymentRefused(List.of(new ModelProblem(
                        resourceName,
                        null,
                        0,
                        "The file defines no " + kind.label().toLowerCase() + " with the key " + key,
                        Words.of("modeling.refused.no-model." + kind.name().toLowerCase(Locale.ROOT), key)))));
        return new DeployedVersion(deployment.getId(), model, created);
    }

    private Deployment deploy(List<Resource> bundle, String key) {
        DeploymentBuilder builder =
                repository.createDeployment().name("Loopkeeper: " + key).source(SOURCE);
        bundle.forEach(r -> builder.addInputStream(r.name(), new ByteArrayInputStream(r.content())));
        try {
            return builder.deploy();
        } catch (DeploymentRulesViolation violation) {
            throw new DeploymentRefused(violation.problems());
        } catch (ParseException parse) {
            throw new DeploymentRefused(problems(parse));
        } catch (RuntimeException refused) {
            // The DMN and form deployers report what they cannot read as plain engine exceptions
            throw new DeploymentRefused(List.of(new ModelProblem(null, null, 0, refused.getMessage())));
        }
    }

    private static List<ModelProblem> problems(ParseException parse) {
        List<ModelProblem> problems = new ArrayList<>();
        for (ResourceReport report : parse.getResorceReports()) {
            for (Problem error : report.getErrors()) {
                problems.add(new ModelProblem(
                        report.getResourceName(), error.getMainElementId(), error.getLine(), error.getMessage()));
            }
        }
        return problems.isEmpty() ? List.of(new ModelProblem(null, null, 0, parse.getMessage())) : problems;
    }

    /**
     * The model's file with what it belongs with in the deployment that holds its latest version: a process comes
     * with the forms and decisions it binds ({@code formRefBinding="deployment"} finds them only in its own
     * deployment); a form or a decision comes with the processes that bind it (or the change would reach no case),
     * and with their other forms and decisions. Models that have nothing to do with it stay out, so they get no new
     * version. A model that was never deployed goes alone.
     */
    private List<Resource> bundle(ModelKind kind, String key, String resourceName, byte[] content) {
        Map<String, byte[]> bundle = new LinkedHashMap<>();
        library.model(kind, key).map(Model::latest).ifPresent(latest -> {
            Map<String, byte[]> others = new LinkedHashMap<>();
            for (String name : repository.getDeploymentResourceNames(latest.deploymentId())) {
                if (!name.equals(latest.resourceName())) {
                    others.put(name, library.bytes(latest.deploymentId(), name));
                }
            }
            Map<String, String> keys = keysOf(latest.deploymentId());
            Set<String> needed = new HashSet<>();
            if (kind == ModelKind.PROCESS) {
                needed.addAll(references(content));
            } else {
                others.forEach((name, bytes) -> {
                    if (name.endsWith(".bpmn") && references(bytes).contains(key)) {
                        needed.add(keys.get(name));
                        needed.addAll(references(bytes));
                    }
                });
            }
            others.forEach((name, bytes) -> {
                if (needed.contains(keys.get(name))) {
                    bundle.put(name, bytes);
                }
            });
        });
        bundle.put(resourceName, content);
        return bundle.entrySet().stream()
                .map(e -> new Resource(e.getKey(), e.getValue()))
                .toList();
    }

    private static final Pattern REFERENCE = Pattern.compile("camunda:(?:formRef|decisionRef)=\"([^\"$]+)\"");

    /** The forms and decisions a process binds by key. */
    static Set<String> references(byte[] bpmn) {
        Set<String> keys = new HashSet<>();
        Matcher found = REFERENCE.matcher(new String(bpmn, StandardCharsets.UTF_8));
        while (found.find()) {
            keys.add(found.group(1));
        }
        return keys;
    }

    /** The model key of each resource of a deployment, by resource name. */
    private Map<String, String> keysOf(String deploymentId) {
        Map<String, String> keys = new HashMap<>();
        library.models().stream()
                .flatMap(m -> m.versions().stream())
                .filter(v -> v.deploymentId().equals(deploymentId))
                .forEach(v -> keys.putIfAbsent(v.resourceName(), v.key()));
        return keys;
    }

    private record Resource(String name, byte[] content) {}
}
