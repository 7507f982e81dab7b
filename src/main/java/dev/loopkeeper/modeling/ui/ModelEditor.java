package dev.loopkeeper.modeling.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DebounceSettings;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.dom.DebouncePhase;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;
import dev.loopkeeper.modeling.ModelKind;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.util.List;

/**
 * A browser editor for one kind of model (a Lit wrapper in src/main/frontend/modeling around bpmn-js,
 * dmn-js or form-js). The server hands it the file, asks for the file back, and marks elements with
 * problems or changes; the editing itself happens in the browser.
 */
public abstract class ModelEditor extends Component implements HasSize {

    /** A problem or change shown on an element. */
    public record Marker(String elementId, Kind kind, String message) {

        public enum Kind {
            PROBLEM,
            ADDED,
            CHANGED,
            REMOVED
        }
    }

    protected ModelEditor() {
        setWidthFull();
        setHeight("70vh");
    }

    public static ModelEditor of(ModelKind kind) {
        return switch (kind) {
            case PROCESS -> new BpmnEditor();
            case DECISION -> new DmnEditor();
            case FORM -> new FormEditor();
        };
    }

    /** Shows the file (BPMN or DMN XML, form JSON). */
    public void open(String content) {
        getElement().callJsFunction("open", content);
    }

    /** Asks the browser for the file as edited; the answer arrives on a later round trip. */
    public void content(SerializableConsumer<String> whenRead) {
        getElement().callJsFunction("xml").then(String.class, whenRead);
    }

    public void mark(List<Marker> markers) {
        JsonArray array = Json.createArray();
        for (Marker marker : markers) {
            JsonObject json = Json.createObject();
            if (marker.elementId() == null) {
                json.put("elementId", Json.createNull());
            } else {
                json.put("elementId", marker.elementId());
            }
            json.put("kind", marker.kind().name().toLowerCase());
            json.put("message", marker.message());
            array.set(array.length(), json);
        }
        getElement().callJsFunction("mark", array);
    }

    /** Selects the element and scrolls to it. */
    public void reveal(String elementId) {
        getElement().callJsFunction("reveal", elementId);
    }

    /** Fired, at most twice a second, while the user edits. */
    public Registration addChangeListener(ComponentEventListener<Changed> listener) {
        return addListener(Changed.class, listener);
    }

    @DomEvent(value = "model-changed", debounce = @DebounceSettings(timeout = 500, phases = DebouncePhase.TRAILING))
    public static class Changed extends ComponentEvent<ModelEditor> {

        public Changed(ModelEditor source, boolean fromClient) {
            super(source, fromClient);
        }
    }
}
