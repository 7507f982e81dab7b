package dev.loopkeeper.casework;

import dev.loopkeeper.casework.form.FormSchema;
import java.util.List;
import java.util.Map;

/**
 * The form of an open task as a screen shows it.
 *
 * @param values  what the fields start with: what the process already knows under their keys
 * @param options the choices of the fields whose options come from data ({@code valuesKey}), by that key
 */
public record TaskForm(FormSchema schema, Map<String, Object> values, Map<String, List<FormSchema.Option>> options) {}
