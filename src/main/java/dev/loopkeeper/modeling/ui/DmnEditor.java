package dev.loopkeeper.modeling.ui;

import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/** The DMN modeler (dmn-js), opened on the decision table: how process owners edit the follow-up policy. */
@Tag("lk-dmn-editor")
@NpmPackage(value = "dmn-js", version = "17.10.2")
@NpmPackage(value = "camunda-dmn-moddle", version = "1.3.1")
@JsModule("./modeling/dmn-editor.ts")
public class DmnEditor extends ModelEditor {}
