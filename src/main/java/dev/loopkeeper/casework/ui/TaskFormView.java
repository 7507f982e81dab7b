package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import dev.loopkeeper.casework.FieldProblem;
import dev.loopkeeper.casework.TaskForm;
import dev.loopkeeper.casework.form.FormSchema;
import dev.loopkeeper.sharedkernel.ui.CalendarWords;
import dev.loopkeeper.sharedkernel.ui.Translations;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a Camunda Form (form-js schema: textfield, textarea, number, select, radio, checkbox, checklist,
 * taglist, datetime, text) as Vaadin fields, with its conditions applied as the user types. The rules are
 * shown here and enforced by the server when the task is completed.
 */
class TaskFormView extends FormLayout {

    private final FormSchema form;
    private final Map<String, HasValue<?, ?>> inputs = new LinkedHashMap<>();
    private final Map<String, Component> components = new HashMap<>();

    TaskFormView(TaskForm task) {
        this.form = task.schema();
        setResponsiveSteps(new ResponsiveStep("0", 1));
        for (FormSchema.Part part : form.parts()) {
            if (part instanceof FormSchema.Text text) {
                add(new Markdown(text.text()));
            } else if (part instanceof FormSchema.Field field) {
                Component input = input(
                        field,
                        field.optionsKey() == null
                                ? field.options()
                                : task.options().getOrDefault(field.optionsKey(), List.of()));
                Map<String, Object> initial = task.values();
                Object value = initial.containsKey(field.key()) ? initial.get(field.key()) : field.defaultValue();
                set(field, value);
                components.put(field.key(), input);
                add(input);
            }
        }
        inputs.values().forEach(input -> input.addValueChangeListener(e -> applyConditions()));
        applyConditions();
    }

    /** The values of the inputs the user can see; hidden ones count as not given. */
    Map<String, Object> values() {
        Map<String, Object> values = new HashMap<>();
        for (FormSchema.Field field : form.fields()) {
            Object value = components.get(field.key()).isVisible() ? valueOf(field) : null;
            values.put(field.key(), value);
        }
        return values;
    }

    /** Marks the fields the server refused, with its reasons; returns the problems no field shows. */
    List<FieldProblem> show(List<FieldProblem> problems) {
        inputs.values().forEach(input -> {
            if (input instanceof HasValidation validated) {
                validated.setInvalid(false);
            }
        });
        return problems.stream()
                .filter(problem -> {
                    HasValue<?, ?> input = inputs.get(problem.field());
                    if (input instanceof HasValidation validated
                            && components.get(problem.field()).isVisible()) {
                        validated.setErrorMessage(problem.said(Translations::say));
                        validated.setInvalid(true);
                        return false;
                    }
                    return true;
                })
                .toList();
    }

    private void applyConditions() {
        Map<String, Object> current = new HashMap<>();
        form.fields().forEach(field -> current.put(field.key(), valueOf(field)));
        form.fields()
                .forEach(field -> components
                        .get(field.key())
                        .setVisible(!field.hideWhen().map(c -> c.holds(current)).orElse(false)));
    }

    private Component input(FormSchema.Field field, List<FormSchema.Option> choices) {
        Map<String, String> labels = choices.stream()
                .collect(Collectors.toMap(
                        FormSchema.Option::value, FormSchema.Option::label, (a, b) -> a, LinkedHashMap::new));
        Component component = switch (field.type()) {
            case "textarea" -> {
                TextArea area = new TextArea(field.label());
                if (field.maxLength() != null) {
                    area.setMaxLength(field.maxLength());
                }
                area.setRequired(field.required());
                area.setHelperText(field.description());
                yield register(field, area);
            }
            case "number" -> {
                NumberField number = new NumberField(field.label());
                if (field.min() != null) {
                    number.setMin(field.min());
                }
                if (field.max() != null) {
                    number.setMax(field.max());
                }
                number.setRequiredIndicatorVisible(field.required());
                number.setHelperText(field.description());
                yield register(field, number);
            }
            case "select" -> {
                if (field.optionsKey() != null) {
                    ComboBox<String> combo = new ComboBox<>(field.label(), labels.keySet());
                    combo.setItemLabelGenerator(v -> labels.getOrDefault(v, v));
                    combo.setRequired(field.required());
                    combo.setHelperText(field.description());
                    yield register(field, combo);
                }
                Select<String> select = new Select<>();
                select.setLabel(field.label());
                select.setItems(labels.keySet());
                select.setItemLabelGenerator(v -> labels.getOrDefault(v, v));
                select.setRequiredIndicatorVisible(field.required());
                select.setHelperText(field.description());
                yield register(field, select);
            }
            case "radio" -> {
                RadioButtonGroup<String> radio = new RadioButtonGroup<>(field.label());
                radio.setItems(labels.keySet());
                radio.setItemLabelGenerator(v -> labels.getOrDefault(v, v));
                radio.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
                radio.setRequiredIndicatorVisible(field.required());
                radio.setHelperText(field.description());
                yield register(field, radio);
            }
            case "checkbox" -> register(field, new Checkbox(field.label()));
            case "checklist", "taglist" -> {
                MultiSelectComboBox<String> many = new MultiSelectComboBox<>(field.label(), labels.keySet());
                many.setItemLabelGenerator(v -> labels.getOrDefault(v, v));
                many.setRequired(field.required());
                yield register(field, many);
            }
            case "datetime" ->
                switch (field.subtype() == null ? "datetime" : field.subtype()) {
                    case "date" -> {
                        DatePicker date = CalendarWords.localized(new DatePicker(field.label()));
                        date.setRequired(field.required());
                        yield register(field, date);
                    }
                    case "time" -> {
                        TimePicker time = new TimePicker(field.label());
                        time.setRequired(field.required());
                        yield register(field, time);
                    }
                    default -> {
                        DateTimePicker dateTime = CalendarWords.localized(new DateTimePicker(field.label()));
                        dateTime.setRequiredIndicatorVisible(field.required());
                        dateTime.setHelperText(field.description());
                        yield register(field, dateTime);
                    }
                };
            default -> {
                TextField text = new TextField(field.label());
                if (field.maxLength() != null) {
                    text.setMaxLength(field.maxLength());
                }
                text.setRequired(field.required());
                text.setHelperText(field.description());
                yield register(field, text);
            }
        };
        component.setId("field-" + field.key());
        return component;
    }

    private <C extends Component & HasValue<?, ?>> C register(FormSchema.Field field, C input) {
        inputs.put(field.key(), input);
        return input;
    }

    private Object valueOf(FormSchema.Field field) {
        Object value = inputs.get(field.key()).getValue();
        if (value instanceof String text) {
            return text.isBlank() ? null : text;
        }
        if (value instanceof LocalDate || value instanceof LocalDateTime || value instanceof LocalTime) {
            return value.toString();
        }
        if (value instanceof Set<?> chosen) {
            return chosen.isEmpty() ? null : List.copyOf(chosen);
        }
        return value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void set(FormSchema.Field field, Object value) {
        if (value == null) {
            return;
        }
        HasValue input = inputs.get(field.key());
        try {
            if (input instanceof Checkbox) {
                input.setValue(Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value)));
            } else if (input instanceof NumberField) {
                input.setValue(value instanceof Number n ? n.doubleValue() : Double.valueOf(String.valueOf(value)));
            } else if (input instanceof DateTimePicker) {
                input.setValue(LocalDateTime.parse(String.valueOf(value)));
            } else if (input instanceof DatePicker) {
                input.setValue(LocalDate.parse(String.valueOf(value)));
            } else if (input instanceof TimePicker) {
                input.setValue(LocalTime.parse(String.valueOf(value)));
            } else if (input instanceof MultiSelectComboBox) {
                input.setValue(value instanceof Collection<?> c ? Set.copyOf(c) : Set.of(String.valueOf(value)));
            } else {
                input.setValue(String.valueOf(value));
            }
        } catch (RuntimeException notThisField) {
            // a value the field cannot show (an old variable of another type) leaves it empty
        }
    }
}
