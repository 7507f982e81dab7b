package dev.loopkeeper.modeling;

import dev.loopkeeper.sharedkernel.Words;

/**
 * Why a model may not be deployed, and where: the resource (file name), the element (its BPMN/DMN id or a
 * form field's id, if the problem has one) and the line. The message is English, for {@code /engine-rest} and the
 * log; the words, when our rules found it, say it in a screen's language (the engine's own parse errors have none).
 */
public record ModelProblem(String resource, String elementId, int line, String message, Words words) {

    public ModelProblem(String resource, String elementId, int line, String message) {
        this(resource, elementId, line, message, null);
    }

    /** As people read it: closed-loop.bpmn, line 12, Task_X: the message. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(resource == null ? "" : resource);
        if (line > 0) {
            text.append(text.isEmpty() ? "" : ", ").append("line ").append(line);
        }
        if (elementId != null) {
            text.append(text.isEmpty() ? "" : ", ").append(elementId);
        }
        return (text.isEmpty() ? "" : text + ": ") + message;
    }
}
