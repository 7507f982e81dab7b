package dev.loopkeeper.modeling.ui;

import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * The Camunda Forms editor of form-js. Only its editor and viewer packages: {@code @bpmn-io/form-js} itself
 * would add the playground and its code editor to the bundle, unused.
 */
@Tag("lk-form-editor")
@NpmPackage(value = "@bpmn-io/form-js-editor", version = "1.23.0")
@NpmPackage(value = "@bpmn-io/form-js-viewer", version = "1.23.0")
@JsModule("./modeling/form-editor.ts")
public class FormEditor extends ModelEditor {}
