package dev.loopkeeper.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The control for the adversarial corpus: without our rules, each payload does leave its marker, so the
 * marker check of the corpus test is one that can fail. A raw Camunda engine (no Loopkeeper plugin, an
 * in-memory H2 of its own) deploys and drives the models; FEEL payloads pass a FEEL engine only once its
 * external functions are on.
 */
class AdversarialModelsControlTest {

    static ProcessEngine raw;

    @BeforeAll
    static void rawEngine() {
        raw = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("adversarial-control")
                .setJdbcUrl("jdbc:h2:mem:adversarial-control;DB_CLOSE_DELAY=-1")
                .setJobExecutorActivate(false)
                .buildProcessEngine();
    }

    @AfterAll
    static void closeRawEngine() {
        raw.close();
    }

    static Stream<AdversarialModels.Case> runsWithoutTheRules() {
        return AdversarialModels.all().stream().filter(c -> c.control() == AdversarialModels.Control.RUNS);
    }

    static Stream<AdversarialModels.Case> callsJavaFromFeel() {
        return AdversarialModels.all().stream().filter(c -> c.control() == AdversarialModels.Control.FEEL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runsWithoutTheRules")
    void withoutTheRulesThePayloadRuns(AdversarialModels.Case adversarial, @TempDir Path markers) {
        byte[] content = adversarial.content(markers);
        try {
            Deployment deployment = raw.getRepositoryService()
                    .createDeployment()
                    .addInputStream(adversarial.resourceName(), new ByteArrayInputStream(content))
                    .deploy();
            AdversarialModels.drive(raw, deployment.getId());
        } catch (RuntimeException ranOnDeployAndFailedAfter) {
            // a payload evaluated while deploying may break the deployment after it ran
        }

        assertThat(adversarial.marker(markers)).as(adversarial.trick()).exists();
    }

    /**
     * The FEEL payloads are real external functions: the FEEL engine refuses them only because external functions
     * are off, and evaluates them once they are on. (Our marker method is not reached there: with external
     * functions on, feel-scala 1.19.5 evaluated the call to null in our tries, so this control checks the gate.)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("callsJavaFromFeel")
    void withExternalFunctionsOnTheFeelPayloadRuns(AdversarialModels.Case adversarial, @TempDir Path markers) {
        String feel = Dmn.readModelFromStream(new ByteArrayInputStream(adversarial.content(markers)))
                .getModelElementsByType(LiteralExpression.class)
                .iterator()
                .next()
                .getText()
                .getTextContent();

        EvaluationResult off = FeelEngineBuilder.forJava().build().evaluateExpression(feel, Map.<String, Object>of());
        EvaluationResult on = FeelEngineBuilder.forJava()
                .withEnabledExternalFunctions(true)
                .build()
                .evaluateExpression(feel, Map.<String, Object>of());

        assertThat(off.isSuccess()).as(adversarial.trick()).isFalse();
        assertThat(off.failure().message()).contains("External functions are disabled");
        assertThat(on.isSuccess())
                .as("with external functions on, the engine accepts and evaluates it")
                .isTrue();
    }
}
