package dev.loopkeeper.sla.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.util.Collection;
import java.util.Map;

/**
 * A deployed BPMN diagram in bpmn-js's viewer (src/main/frontend/supervision/process-diagram.ts), with counts
 * on its activities or one case's path. Read-only: the modeler is the process owners' business.
 */
@Tag("lk-process-diagram")
@NpmPackage(value = "bpmn-js", version = "18.31.1")
@JsModule("./supervision/process-diagram.ts")
public class ProcessDiagram extends Component implements HasSize {

    public ProcessDiagram() {
        setWidthFull();
        setHeight("60vh");
        setMinHeight("360px");
    }

    /** The diagram with a blue badge of open cases and a red one of breaches on each activity that has any. */
    public void showCounts(String xml, Map<String, Long> waiting, Map<String, Long> breaches) {
        getElement().callJsFunction("showCounts", xml, counts(waiting), counts(breaches));
    }

    /** The diagram with the activities one case went through, and the ones it is at now, highlighted. */
    public void showPath(String xml, Collection<String> passed, Collection<String> current) {
        getElement().callJsFunction("showPath", xml, ids(passed), ids(current));
    }

    public Registration addActivityClickListener(ComponentEventListener<ActivityClicked> listener) {
        return addListener(ActivityClicked.class, listener);
    }

    private static JsonObject counts(Map<String, Long> counts) {
        JsonObject json = Json.createObject();
        counts.forEach((id, n) -> json.put(id, n));
        return json;
    }

    private static JsonArray ids(Collection<String> ids) {
        JsonArray json = Json.createArray();
        ids.forEach(id -> json.set(json.length(), id));
        return json;
    }

    /** A click on an activity (a task, an event, a gateway, a subprocess) of the diagram. */
    @DomEvent("activity-click")
    public static class ActivityClicked extends ComponentEvent<ProcessDiagram> {

        private final String activityId;

        public ActivityClicked(
                ProcessDiagram source, boolean fromClient, @EventData("event.detail.id") String activityId) {
            super(source, fromClient);
            this.activityId = activityId;
        }

        public String activityId() {
            return activityId;
        }
    }
}
