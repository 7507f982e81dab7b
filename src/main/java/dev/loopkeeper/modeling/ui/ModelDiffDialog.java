package dev.loopkeeper.modeling.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.i18n.I18NProvider;
import dev.loopkeeper.modeling.Draft;
import dev.loopkeeper.modeling.ModelDiff;
import dev.loopkeeper.modeling.ModelKind;
import dev.loopkeeper.modeling.ModelVersion;

/**
 * What changed between two versions (or a version and a draft): the changed elements outlined on the newer
 * model, listed, and the file's changed lines with some context.
 */
class ModelDiffDialog extends Dialog {

    final Grid<ModelDiff.ElementChange> elements = new Grid<>();
    final Div lines = new Div();

    ModelDiffDialog(ModelVersion from, ModelVersion to, ModelDiff diff, String older, String newer) {
        this(
                from.kind(),
                I18NProvider.translate("modeling.diff.title", from.version(), to.version(), to.key()),
                diff,
                I18NProvider.translate("modeling.diff.version", from.version()),
                older,
                I18NProvider.translate("modeling.diff.version", to.version()),
                newer);
    }

    ModelDiffDialog(ModelVersion from, Draft draft, ModelDiff diff, String older) {
        this(
                from.kind(),
                I18NProvider.translate("modeling.diff.title-draft", from.version(), draft.key()),
                diff,
                I18NProvider.translate("modeling.diff.version", from.version()),
                older,
                I18NProvider.translate("modeling.diff.your-draft"),
                draft.content());
    }

    /** The two versions side by side, each as large as half the screen allows, and the changed elements below. */
    private ModelDiffDialog(
            ModelKind kind,
            String title,
            ModelDiff diff,
            String olderLabel,
            String older,
            String newerLabel,
            String newer) {
        setHeaderTitle(title);
        setWidth("96vw");
        setHeight("94vh");
        setResizable(true);
        elements.addColumn(c -> change(c.change()))
                .setKey("change")
                .setHeader(getTranslation("modeling.diff.column.change"))
                .setAutoWidth(true);
        elements.addColumn(ModelDiff.ElementChange::type)
                .setKey("type")
                .setHeader(getTranslation("modeling.column.element"))
                .setAutoWidth(true);
        elements.addColumn(c -> c.name() == null ? "" : c.name())
                .setKey("name")
                .setHeader(getTranslation("modeling.column.name"))
                .setFlexGrow(2);
        elements.addColumn(ModelDiff.ElementChange::elementId)
                .setKey("id")
                .setHeader(getTranslation("modeling.diff.column.id"))
                .setFlexGrow(2);
        elements.addThemeVariants(GridVariant.LUMO_COMPACT);
        elements.setItems(diff.elements());
        elements.setHeight("22vh");

        ModelEditor before = ModelEditor.of(kind);
        if (before instanceof BpmnEditor bpmn) {
            bpmn.setReadOnly(true);
        }
        before.setHeight("55vh");
        before.open(older);
        ModelEditor picture = ModelEditor.of(kind);
        if (picture instanceof BpmnEditor bpmn) {
            bpmn.setReadOnly(true);
        }
        picture.setHeight("55vh");
        picture.open(newer);
        picture.mark(diff.elements().stream()
                .filter(c -> c.change() == ModelDiff.Change.ADDED || c.change() == ModelDiff.Change.CHANGED)
                .map(c -> new ModelEditor.Marker(
                        c.elementId(),
                        c.change() == ModelDiff.Change.ADDED
                                ? ModelEditor.Marker.Kind.ADDED
                                : ModelEditor.Marker.Kind.CHANGED,
                        change(c.change()) + ": " + (c.name() == null ? c.elementId() : c.name())))
                .toList());
        elements.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                picture.reveal(e.getValue().elementId());
            }
        });

        TabSheet tabs = new TabSheet();
        tabs.setSizeFull();
        FlexLayout sideBySide = new FlexLayout(side(olderLabel, before), side(newerLabel, picture));
        sideBySide.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        sideBySide.getStyle().set("gap", "var(--lumo-space-m)");
        sideBySide.setWidthFull();
        Div visual = new Div(
                sideBySide,
                diff.elements().isEmpty()
                        ? new Paragraph(
                                diff.identical()
                                        ? getTranslation("modeling.diff.identical-files")
                                        : getTranslation("modeling.diff.layout-only"))
                        : elements);
        visual.setSizeFull();
        tabs.add(getTranslation("modeling.diff.tab.elements"), visual);
        tabs.add(getTranslation("modeling.column.file"), lineView(diff));
        add(tabs);
        getFooter().add(new Button(getTranslation("modeling.close"), e -> close()));
    }

    private String change(ModelDiff.Change change) {
        return switch (change) {
            case SAME -> getTranslation("modeling.diff.change.same");
            case ADDED -> getTranslation("modeling.diff.change.added");
            case REMOVED -> getTranslation("modeling.diff.change.removed");
            case CHANGED -> getTranslation("modeling.diff.change.changed");
        };
    }

    private static Component side(String label, ModelEditor editor) {
        Span title = new Span(label);
        title.getStyle().set("font-weight", "600");
        Div side = new Div(title, editor);
        side.getStyle().set("flex", "1 1 420px").set("min-width", "0");
        return side;
    }

    private Component lineView(ModelDiff diff) {
        lines.getStyle()
                .set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .set("font-size", "var(--lumo-font-size-s)")
                .set("white-space", "pre")
                .set("overflow", "auto");
        for (ModelDiff.Line line : diff.hunks(3)) {
            Div row = new Div();
            if (line == null) {
                row.setText("⋯");
                row.getStyle().set("color", "var(--lumo-secondary-text-color)");
            } else {
                String sign = switch (line.change()) {
                    case ADDED -> "+ ";
                    case REMOVED -> "- ";
                    default -> "  ";
                };
                int number = line.newNumber() > 0 ? line.newNumber() : line.oldNumber();
                row.setText(String.format("%5d %s%s", number, sign, line.text()));
                if (line.change() == ModelDiff.Change.ADDED) {
                    row.getStyle().set("background", "#e6ffec");
                } else if (line.change() == ModelDiff.Change.REMOVED) {
                    row.getStyle().set("background", "#ffebe9");
                }
            }
            lines.add(row);
        }
        if (diff.identical()) {
            lines.setText(getTranslation("modeling.diff.identical"));
        }
        return lines;
    }
}
