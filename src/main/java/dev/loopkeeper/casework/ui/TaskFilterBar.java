package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.loopkeeper.casework.TaskFilter;
import dev.loopkeeper.casework.TaskView;
import dev.loopkeeper.sharedkernel.Segment;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** The tasklist's filters: a search over name and comment, segment, task, group, location and product. */
class TaskFilterBar extends HorizontalLayout {

    final MultiSelectComboBox<Segment> segments =
            new MultiSelectComboBox<>(getTranslation("casework.tasklist.segment"));
    final Select<String> task = new Select<>();
    final Select<String> group = new Select<>();
    final ComboBox<String> location = new ComboBox<>(getTranslation("casework.tasklist.location"));
    final ComboBox<String> product = new ComboBox<>(getTranslation("casework.tasklist.product"));
    final TextField search = new TextField(getTranslation("casework.tasklist.search"));

    /**
     * @param groups  the agent's groups, offered as choices
     * @param changed called on every change of a field, the user's or {@link #show}'s
     */
    TaskFilterBar(Collection<String> groups, List<String> locations, List<String> products, Runnable changed) {
        segments.setItems(Segment.values());
        segments.setItemLabelGenerator(Labels::of);
        task.setLabel(getTranslation("casework.tasklist.task"));
        task.setItems(new ArrayList<>(TaskFilter.TASKS.keySet()));
        task.setItemLabelGenerator(
                key -> key == null ? getTranslation("casework.tasklist.any-task") : Labels.taskOfKey(key));
        task.setEmptySelectionAllowed(true);
        group.setLabel(getTranslation("casework.tasklist.group"));
        group.setItems(new ArrayList<>(new TreeSet<>(groups)));
        group.setItemLabelGenerator(g -> g == null ? getTranslation("casework.tasklist.any-group") : g);
        group.setEmptySelectionAllowed(true);
        location.setItems(locations);
        location.setClearButtonVisible(true);
        product.setItems(products);
        product.setClearButtonVisible(true);
        search.setPlaceholder(getTranslation("casework.tasklist.search-placeholder"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        segments.addValueChangeListener(e -> changed.run());
        task.addValueChangeListener(e -> changed.run());
        group.addValueChangeListener(e -> changed.run());
        location.addValueChangeListener(e -> changed.run());
        product.addValueChangeListener(e -> changed.run());
        search.addValueChangeListener(e -> changed.run());
        add(search, segments, task, group, location, product);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setWrap(true);
    }

    /** The filter the fields say, within a view, with "today" in the agent's zone. */
    TaskFilter filter(TaskView view, ZoneId zone) {
        return new TaskFilter(
                view,
                segments.getValue(),
                task.getValue(),
                group.getValue(),
                location.getValue(),
                product.getValue(),
                search.getValue(),
                zone);
    }

    void show(TaskFilter filter) {
        segments.setValue(filter.segments());
        task.setValue(filter.taskKey());
        group.setValue(filter.group());
        location.setValue(filter.location());
        product.setValue(filter.product());
        search.setValue(filter.text() == null ? "" : filter.text());
    }
}
