package dev.loopkeeper.modeling.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loopkeeper.modeling.ModelKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The key a file will be deployed under: its executable process's id, its first decision's id, its form id. */
public final class ModelKeys {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelKeys() {}

    public static Optional<String> of(ModelKind kind, String content) {
        try {
            if (kind == ModelKind.FORM) {
                JsonNode id = JSON.readTree(content).path("id");
                return id.isTextual() && !id.asText().isBlank() ? Optional.of(id.asText()) : Optional.empty();
            }
            String element = kind == ModelKind.PROCESS ? "process" : "decision";
            return ModelXml.parse(content.getBytes(StandardCharsets.UTF_8)).descendants(element).stream()
                    .filter(n -> n.id() != null)
                    .filter(n -> kind != ModelKind.PROCESS || !"false".equals(n.attribute("isExecutable")))
                    .map(ModelXml.Node::id)
                    .findFirst();
        } catch (IOException | ModelXml.Unreadable | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
