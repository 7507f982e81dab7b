package dev.loopkeeper.modeling.ui;

import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * The BPMN modeler of Camunda Modeler's own libraries: bpmn-js, its properties panel and the Camunda 7
 * extensions (moddle and behaviors). Versions checked to work together (the properties panel's peers).
 */
@Tag("lk-bpmn-editor")
@NpmPackage(value = "bpmn-js", version = "18.31.1")
@NpmPackage(value = "diagram-js", version = "15.28.1")
@NpmPackage(value = "bpmn-js-properties-panel", version = "6.0.1")
@NpmPackage(value = "@bpmn-io/properties-panel", version = "3.55.0")
@NpmPackage(value = "camunda-bpmn-moddle", version = "7.0.1")
@NpmPackage(value = "camunda-bpmn-js-behaviors", version = "1.18.0")
@JsModule("./modeling/bpmn-editor.ts")
public class BpmnEditor extends ModelEditor {

    /** A viewer for comparing versions: no properties panel. */
    public void setReadOnly(boolean readOnly) {
        getElement().setProperty("readonly", readOnly);
    }
}
