package dev.loopkeeper.modeling;

import java.util.Locale;
import java.util.Optional;

/** What the library holds: processes (BPMN), decisions (DMN) and Camunda Forms. */
public enum ModelKind {
    PROCESS("Process", ".bpmn"),
    DECISION("Decision", ".dmn"),
    FORM("Form", ".form");

    private final String label;
    private final String extension;

    ModelKind(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    public String label() {
        return label;
    }

    public String extension() {
        return extension;
    }

    /** The kind a resource name stands for, as the engine's deployers decide it. */
    public static Optional<ModelKind> of(String resourceName) {
        String name = resourceName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
            return Optional.of(PROCESS);
        }
        if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
            return Optional.of(DECISION);
        }
        if (name.endsWith(".form")) {
            return Optional.of(FORM);
        }
        return Optional.empty();
    }
}
