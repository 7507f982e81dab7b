package dev.loopkeeper.modeling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Our own corpus of malicious models ({@code src/test/resources/adversarial-models}): each tries one trick to make
 * the engine run code, and says so in its first comment ({@code trick: … | expect: refused ElementId | deploys |
 * control: runs | feel | none}). Every payload tries to create a marker file ({@code @@MARKER@@}); a test deploys
 * the model and drives whatever deployed (starts it, renders and submits its forms, completes its tasks, fires its
 * timers with the engine clock, evaluates its decisions), then looks for the marker.
 */
public final class AdversarialModels {

    /** How the payload fares on an engine without our rules. */
    public enum Control {
        /** It runs: the same model on a raw engine leaves the marker. */
        RUNS,
        /** A FEEL external function: a FEEL engine refuses it only while external functions are off (Camunda's are). */
        FEEL,
        /** The engine never evaluates it; our rules refuse it anyway. */
        NONE
    }

    public record Case(
            String resourceName,
            byte[] template,
            Charset charset,
            byte[] bom,
            String trick,
            String refusedAt,
            Control control) {

        @Override
        public String toString() {
            return resourceName;
        }

        /** Where this case's payload would leave its marker. */
        public Path marker(Path directory) {
            return directory.resolve("marker-" + resourceName.substring(0, 2));
        }

        /**
         * The model with its marker path filled in, encoded as it came; also writes the schema the
         * schema-location case names into the directory, pointing at the same marker.
         */
        public byte[] content(Path directory) {
            String marker = marker(directory).toString();
            String text = new String(template, bom.length, template.length - bom.length, charset)
                    .replace("@@MARKER@@", marker)
                    .replace("@@DIR@@", directory.toUri().toString().replaceAll("/$", ""));
            try (InputStream xsd =
                    AdversarialModels.class.getResourceAsStream("/adversarial-models/support/evil-camunda.xsd")) {
                Files.writeString(
                        directory.resolve("evil-camunda.xsd"),
                        new String(xsd.readAllBytes(), StandardCharsets.UTF_8).replace("@@MARKER@@", marker));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            MarkerOnConstruction.marker = marker(directory);
            byte[] body = text.getBytes(charset);
            byte[] content = Arrays.copyOf(bom, bom.length + body.length);
            System.arraycopy(body, 0, content, bom.length, body.length);
            return content;
        }
    }

    private static final Pattern HEADER =
            Pattern.compile("trick: (.+?) \\| expect: (?:refused (\\S+)|deploys) \\| control: (runs|feel|none) -->");

    private AdversarialModels() {}

    public static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        try {
            Resource[] files =
                    new PathMatchingResourcePatternResolver().getResources("classpath:adversarial-models/*.*");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                byte[] bytes;
                try (InputStream in = file.getInputStream()) {
                    bytes = in.readAllBytes();
                }
                cases.add(read(file.getFilename(), bytes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static Case read(String name, byte[] bytes) {
        Charset charset = StandardCharsets.UTF_8;
        byte[] bom = new byte[0];
        if (bytes.length > 1 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            charset = StandardCharsets.UTF_16BE;
            bom = new byte[] {bytes[0], bytes[1]};
        } else if (bytes.length > 1 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            charset = StandardCharsets.UTF_16LE;
            bom = new byte[] {bytes[0], bytes[1]};
        } else if (bytes.length > 1 && bytes[0] == '<' && bytes[1] == 0) {
            charset = StandardCharsets.UTF_16LE;
        }
        String text = new String(bytes, bom.length, bytes.length - bom.length, charset);
        Matcher header = HEADER.matcher(text);
        if (!header.find()) {
            throw new IllegalStateException(name + " does not say its trick, what to expect and its control");
        }
        return new Case(
                name,
                bytes,
                charset,
                bom,
                header.group(1),
                header.group(2),
                Control.valueOf(header.group(3).toUpperCase()));
    }

    /** Everything a deployed model could evaluate, tried; failures are expected and ignored. */
    public static void drive(ProcessEngine engine, String deploymentId) {
        Map<String, Object> variables = Map.of("x", 1, "note", "a note");
        List<ProcessDefinition> processes = engine.getRepositoryService()
                .createProcessDefinitionQuery()
                .deploymentId(deploymentId)
                .list();
        Date start = ClockUtil.getCurrentTime();
        try {
            for (ProcessDefinition process : processes) {
                quietly(() -> engine.getFormService().getRenderedStartForm(process.getId()));
                quietly(() -> engine.getFormService().getRenderedStartForm(process.getId(), "juel"));
                quietly(() -> engine.getRuntimeService().startProcessInstanceById(process.getId(), variables));
            }
            for (int round = 1; round <= 3; round++) {
                for (ProcessDefinition process : processes) {
                    for (Task task : engine.getTaskService()
                            .createTaskQuery()
                            .processDefinitionId(process.getId())
                            .list()) {
                        quietly(() -> engine.getFormService().getRenderedTaskForm(task.getId()));
                        quietly(() -> engine.getFormService().getRenderedTaskForm(task.getId(), "juel"));
                        quietly(() -> engine.getFormService().submitTaskForm(task.getId(), variables));
                        quietly(() -> engine.getTaskService().complete(task.getId(), variables));
                    }
                }
                ClockUtil.setCurrentTime(Date.from(start.toInstant().plus(Duration.ofDays(400L * round))));
                for (ProcessDefinition process : processes) {
                    for (Job job : engine.getManagementService()
                            .createJobQuery()
                            .processDefinitionId(process.getId())
                            .list()) {
                        quietly(() -> engine.getManagementService().executeJob(job.getId()));
                    }
                }
            }
            engine.getRepositoryService()
                    .createDecisionDefinitionQuery()
                    .deploymentId(deploymentId)
                    .list()
                    .forEach(decision -> quietly(() -> engine.getDecisionService()
                            .evaluateDecisionById(decision.getId())
                            .variables(variables)
                            .evaluate()));
        } finally {
            ClockUtil.reset();
        }
    }

    private static void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException expected) {
            // a malicious model need not be a working one
        }
    }
}
