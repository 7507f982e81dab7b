package dev.loopkeeper.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loopkeeper.LoopkeeperTest;
import dev.loopkeeper.modeling.process.DeploymentRules;
import dev.loopkeeper.modeling.process.DeploymentRulesViolation;
import dev.loopkeeper.sharedkernel.Actor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.security.access.AccessDeniedException;

/**
 * The deployment service as the editor uses it: checking, deploying with the bundle, drafts, diffs, roll-back;
 * and the rules applied to every deployment, with the allow-list derived from the models we ship.
 */
@LoopkeeperTest
class ModelDeploymentTest {

    static final Actor PAULA = new Actor("paula", Set.of("process-owners"));
    static final Actor ADA = new Actor("ada", Set.of("admins"));
    static final Actor FIONA = new Actor("fiona", Set.of("frontline", "team-emea"));

    @Autowired
    ModelDeployment deployment;

    @Autowired
    Drafts drafts;

    @Autowired
    ModelLibrary library;

    @Autowired
    DeploymentRules rules;

    @Autowired
    RepositoryService repository;

    @Autowired
    ProcessEngine engine;

    static Stream<BrokenModels.Case> brokenModels() {
        return BrokenModels.all().stream();
    }

    static Stream<AdversarialModels.Case> adversarialModels() {
        return AdversarialModels.all().stream();
    }

    /**
     * Through the engine itself ({@code RepositoryService}, so through our plugin): refused with a problem at the
     * element the trick hides in, or deployed and then driven everywhere code could run, without the marker.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("adversarialModels")
    void anAdversarialModelIsRefusedOrRunsNoCode(AdversarialModels.Case adversarial, @TempDir Path markers) {
        byte[] content = adversarial.content(markers);
        Deployment deployed = null;
        try {
            deployed = repository
                    .createDeployment()
                    .name(adversarial.resourceName())
                    .addInputStream(adversarial.resourceName(), new ByteArrayInputStream(content))
                    .deploy();
        } catch (DeploymentRulesViolation refused) {
            assertThat(adversarial.refusedAt())
                    .as("%s was refused: %s", adversarial.trick(), refused.getMessage())
                    .isNotNull();
            assertThat(refused.problems())
                    .as(refused.getMessage())
                    .anySatisfy(p -> assertThat(p.elementId()).isEqualTo(adversarial.refusedAt()));
        }
        if (deployed != null) {
            assertThat(adversarial.refusedAt())
                    .as("%s deployed", adversarial.trick())
                    .isNull();
            AdversarialModels.drive(engine, deployed.getId());
        }

        assertThat(adversarial.marker(markers)).as(adversarial.trick()).doesNotExist();
    }

    /** Defence in depth: a decision the rules never saw still cannot call Java from FEEL in our engine. */
    @Test
    void feelCannotCallJavaEvenInADecisionTheRulesNeverSaw(@TempDir Path markers) {
        AdversarialModels.Case external = AdversarialModels.all().stream()
                .filter(c -> c.control() == AdversarialModels.Control.FEEL)
                .findFirst()
                .orElseThrow();
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        DmnEngine dmn = configuration.getDmnEngine();
        byte[] content = external.content(markers);

        assertThatThrownBy(() -> configuration
                        .getCommandExecutorTxRequired()
                        .execute(command -> dmn.evaluateDecision(
                                dmn.parseDecisions(new ByteArrayInputStream(content))
                                        .get(0),
                                Variables.createVariables())))
                .hasMessageContaining("External functions are disabled");
        assertThat(external.marker(markers)).doesNotExist();
        assertThat(configuration.isDmnFeelEnableLegacyBehavior())
                .as("legacy FEEL is JUEL underneath")
                .isFalse();
    }

    @Test
    void theModelsWeShipKeepTheRulesAndDefineTheAllowList() throws IOException {
        List<DeploymentRules.Resource> shipped = new ArrayList<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> files = new ArrayList<>(List.of(resolver.getResources("classpath*:bpmn/*.*")));
        files.addAll(List.of(resolver.getResources("classpath*:forms/*.*")));
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                shipped.add(new DeploymentRules.Resource(file.getFilename(), in.readAllBytes()));
            }
        }
        assertThat(shipped)
                .extracting(DeploymentRules.Resource::name)
                .contains("closed-loop.bpmn", "follow-up-policy.dmn", "contact-customer.form");

        assertThat(rules.check(shipped, nothingDeployed())).isEmpty();
        assertThat(rules.allowList().delegates())
                .contains(
                        "alertOwnersDelegate",
                        "startSlaClockDelegate",
                        "recordContactAttemptListener",
                        "announceFixDelegate",
                        "acknowledgeBreachListener");
        assertThat(rules.allowList().methods()).containsKey("sla");
        assertThat(rules.allowList().methods().get("sla")).contains("retryDueAt", "reviewDueAt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenModels")
    void refusesAModelThatBreaksARuleBeforeAndWhenDeploying(BrokenModels.Case broken) {
        Draft draft = drafts.start(PAULA, broken.resourceName(), broken.content());
        long deployments = repository.createDeploymentQuery().count();

        assertThat(deployment.check(draft))
                .extracting(ModelProblem::message)
                .anySatisfy(m -> assertThat(m).contains(broken.expected()));
        assertThatThrownBy(() -> deployment.deploy(PAULA, draft.id(), null))
                .isInstanceOfSatisfying(
                        DeploymentRefused.class,
                        refused -> assertThat(refused.problems()).anySatisfy(p -> {
                            assertThat(p.message()).contains(broken.expected());
                            assertThat(p.elementId()).isEqualTo(broken.elementId());
                        }));

        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(drafts.find(PAULA, draft.id()))
                .as("a refused draft stays to be fixed")
                .isPresent();
        drafts.discard(PAULA, draft.id());
    }

    @Test
    void reportsTheEnginesOwnParseProblemsToo() {
        String dangling = BrokenModels.valid(BrokenModels.key()).replace("targetRef=\"End\"", "targetRef=\"Nowhere\"");
        Draft draft = drafts.start(PAULA, "dangling.bpmn", dangling);

        assertThat(deployment.check(draft))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.resource()).isEqualTo("dangling.bpmn"))
                .anySatisfy(p -> assertThat(p.message()).contains("Nowhere"));
        drafts.discard(PAULA, draft.id());
    }

    @Test
    void aValidNewModelDeploysAndItsAuthorIsRecorded() {
        String key = BrokenModels.key();
        Draft draft = drafts.start(ADA, key + ".bpmn", BrokenModels.valid(key));

        assertThat(deployment.check(draft)).isEmpty();
        DeployedVersion deployed = deployment.deploy(ADA, draft.id(), "A first version");

        assertThat(deployed.model().key()).isEqualTo(key);
        assertThat(deployed.model().version()).isEqualTo(1);
        assertThat(deployed.model().deployedBy()).isEqualTo("ada");
        assertThat(deployed.model().note()).isEqualTo("A first version");
        assertThat(deployed.model().source()).isEqualTo(ModelDeployment.SOURCE);
        assertThat(drafts.find(ADA, draft.id())).as("a deployed draft is done").isEmpty();
    }

    @Test
    void aDraftIsStoredForItsOwnerOnly() {
        ModelVersion latest =
                library.model(ModelKind.PROCESS, "closed-loop").orElseThrow().latest();
        Draft draft = drafts.open(PAULA, latest.definitionId());
        String edited = draft.content().replace("name=\"Contact customer\"", "name=\"Call the customer\"");

        drafts.save(PAULA, draft.id(), edited);

        assertThat(drafts.open(PAULA, latest.definitionId()).content())
                .as("opening again continues the draft")
                .contains("Call the customer");
        assertThat(drafts.mine(PAULA)).extracting(Draft::id).contains(draft.id());
        assertThat(drafts.find(ADA, draft.id())).isEmpty();
        assertThat(drafts.mine(ADA)).extracting(Draft::id).doesNotContain(draft.id());
        assertThatThrownBy(() -> drafts.save(ADA, draft.id(), edited)).isInstanceOf(IllegalArgumentException.class);
        assertThat(deployment.diff(drafts.find(PAULA, draft.id()).orElseThrow()))
                .hasValueSatisfying(diff -> assertThat(diff.elements())
                        .singleElement()
                        .satisfies(change -> {
                            assertThat(change.elementId()).isEqualTo("Task_ContactCustomer");
                            assertThat(change.change()).isEqualTo(ModelDiff.Change.CHANGED);
                        }));

        drafts.discard(PAULA, draft.id());
        assertThat(drafts.find(PAULA, draft.id())).isEmpty();
    }

    @Test
    void aChangedFormComesWithTheProcessThatBindsItAndItsOtherFormsOnly() {
        ModelVersion form =
                library.model(ModelKind.FORM, "log-resolution").orElseThrow().latest();
        Draft draft = drafts.open(PAULA, form.definitionId());
        drafts.save(PAULA, draft.id(), library.content(form));

        DeployedVersion deployed = deployment.deploy(PAULA, draft.id(), "Same form, redeployed");

        assertThat(deployed.bundle())
                .extracting(ModelVersion::key)
                .contains("log-resolution", "closed-loop", "contact-customer", "follow-up-policy")
                .doesNotContain("improvement-action", "verify-fix", "implement-improvement");
    }

    @Test
    void deploysADraftWithItsBundleComparesVersionsAndRollsBack() {
        ModelVersion original = library.model(ModelKind.PROCESS, "improvement-action")
                .orElseThrow()
                .latest();
        String content = library.content(original);
        Draft draft = drafts.open(PAULA, original.definitionId());
        drafts.save(PAULA, draft.id(), content.replace("name=\"Verify fix\"", "name=\"Verify the fix\""));

        DeployedVersion deployed = deployment.deploy(PAULA, draft.id(), "Clearer task name");

        assertThat(deployed.model().version()).isEqualTo(original.version() + 1);
        assertThat(deployed.model().deployedBy()).isEqualTo("paula");
        assertThat(deployed.bundle())
                .as("the forms and models deployed with it come along")
                .extracting(ModelVersion::key)
                .containsExactlyInAnyOrder("improvement-action", "verify-fix", "implement-improvement");
        assertThat(library.model(ModelKind.PROCESS, "closed-loop")
                        .orElseThrow()
                        .latest()
                        .deploymentId())
                .as("a model that has nothing to do with it gets no new version")
                .isNotEqualTo(deployed.model().deploymentId());
        assertThat(library.model(ModelKind.PROCESS, "improvement-action")
                        .orElseThrow()
                        .latest()
                        .note())
                .isEqualTo("Clearer task name");

        ModelDiff diff =
                deployment.diff(original.definitionId(), deployed.model().definitionId());
        assertThat(diff.elements()).singleElement().satisfies(change -> {
            assertThat(change.elementId()).isEqualTo("Task_VerifyFix");
            assertThat(change.name()).isEqualTo("Verify the fix");
        });
        assertThat(diff.lines())
                .filteredOn(l -> l.change() == ModelDiff.Change.ADDED)
                .singleElement()
                .satisfies(l -> assertThat(l.text()).contains("Verify the fix"));

        DeployedVersion rolledBack = deployment.rollBack(PAULA, original.definitionId(), null);

        assertThat(rolledBack.model().version()).isEqualTo(original.version() + 2);
        assertThat(library.content(rolledBack.model())).isEqualTo(content);
        assertThat(rolledBack.model().note()).isEqualTo("Rolled back to version " + original.version());
    }

    @Test
    void onlyProcessOwnersAndAdminsChangeModels() {
        ModelVersion latest = library.model(ModelKind.DECISION, "follow-up-policy")
                .orElseThrow()
                .latest();

        assertThatThrownBy(() -> drafts.open(FIONA, latest.definitionId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> deployment.rollBack(FIONA, latest.definitionId(), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> drafts.start(FIONA, "x.bpmn", BrokenModels.valid("x")))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static DeploymentRules.DeployedModels nothingDeployed() {
        return new DeploymentRules.DeployedModels() {
            @Override
            public boolean hasForm(String key, Integer version) {
                return false;
            }

            @Override
            public boolean hasDecision(String key, Integer version) {
                return false;
            }
        };
    }
}
