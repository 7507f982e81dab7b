package dev.loopkeeper.modeling.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import dev.loopkeeper.modeling.InstanceMigration;
import dev.loopkeeper.modeling.MigrationPreview;
import dev.loopkeeper.modeling.MigrationProgress;
import dev.loopkeeper.modeling.ModelVersion;
import dev.loopkeeper.sharedkernel.Actor;

/**
 * Moves the running cases of an old process version to the latest: shows the plan the engine generated and
 * its validation, where the cases wait, then runs the batch and follows it until it is done.
 */
class MigrationDialog extends Dialog {

    final Grid<MigrationPreview.Mapping> plan = new Grid<>();
    final Grid<MigrationPreview.Waiting> waiting = new Grid<>();
    final Button start = new Button();
    final ProgressBar progressBar = new ProgressBar();
    final Span progress = new Span();

    private final InstanceMigration migration;
    private final Actor actor;
    private final MigrationPreview preview;
    private final Runnable whenDone;
    private String batchId;
    private Registration polling;

    MigrationDialog(
            InstanceMigration migration, Actor actor, ModelVersion source, ModelVersion target, Runnable whenDone) {
        this.migration = migration;
        this.actor = actor;
        this.whenDone = whenDone;
        this.preview = migration.preview(source.definitionId(), target.definitionId());
        setHeaderTitle(getTranslation("modeling.migration.title", source.key(), source.version(), target.version()));
        setWidth("760px");

        plan.addColumn(MigrationPreview.Mapping::sourceActivityId)
                .setKey("source")
                .setHeader(getTranslation("modeling.migration.in-version", source.version()));
        plan.addColumn(MigrationPreview.Mapping::targetActivityId)
                .setKey("target")
                .setHeader(getTranslation("modeling.migration.continues-in", target.version()));
        plan.setItems(preview.mappings());
        plan.addThemeVariants(GridVariant.LUMO_COMPACT);
        plan.setHeight("200px");
        waiting.addColumn(MigrationPreview.Waiting::activityId)
                .setKey("activity")
                .setHeader(getTranslation("modeling.migration.waiting-at"));
        waiting.addColumn(MigrationPreview.Waiting::instances)
                .setKey("instances")
                .setHeader(getTranslation("modeling.migration.cases"));
        waiting.setItems(preview.waiting());
        waiting.addThemeVariants(GridVariant.LUMO_COMPACT);
        waiting.setAllRowsVisible(true);

        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        content.add(
                new Paragraph(
                        preview.sample().isEmpty()
                                ? getTranslation("modeling.migration.running", preview.instances(), source.version())
                                : getTranslation(
                                        "modeling.migration.running-eg",
                                        preview.instances(),
                                        source.version(),
                                        String.join(
                                                ", ",
                                                preview.sample().stream()
                                                        .limit(5)
                                                        .toList()))),
                waiting,
                new H4(getTranslation("modeling.migration.plan")),
                plan);
        if (!preview.problems().isEmpty()) {
            content.add(new H4(getTranslation("modeling.migration.infeasible")));
            preview.problems().forEach(p -> content.add(new Paragraph(p)));
        }
        progressBar.setVisible(false);
        content.add(progressBar, progress);
        add(content);

        start.setText(
                preview.instances() == 1
                        ? getTranslation("modeling.migration.start.one", preview.instances())
                        : getTranslation("modeling.migration.start.many", preview.instances()));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setEnabled(preview.feasible());
        start.addClickListener(e -> start());
        getFooter().add(new Button(getTranslation("modeling.close"), e -> close()), start);
    }

    void start() {
        try {
            batchId = migration.start(
                    actor, preview.source().definitionId(), preview.target().definitionId());
        } catch (IllegalStateException refused) {
            ModelLibraryView.notify(refused.getMessage(), NotificationVariant.LUMO_ERROR);
            return;
        }
        start.setEnabled(false);
        progressBar.setVisible(true);
        progressBar.setIndeterminate(true);
        progress.setText(getTranslation("modeling.migration.started"));
        UI ui = UI.getCurrent();
        ui.setPollInterval(1000);
        polling = ui.addPollListener(e -> refreshProgress());
    }

    void refreshProgress() {
        MigrationProgress now = migration.progress(batchId, preview.source().definitionId());
        if (now.total() > 0) {
            progressBar.setIndeterminate(false);
            progressBar.setValue((double) now.completed() / now.total());
        }
        String moved = getTranslation(
                now.done() ? "modeling.migration.done" : "modeling.migration.running-now",
                preview.instances() - now.stillOnSource(),
                preview.instances());
        progress.setText(
                now.failed() > 0
                        ? getTranslation(
                                "modeling.migration.failed", moved, now.failed(), String.join("; ", now.failures()))
                        : moved);
        if (now.done()) {
            stopPolling();
            whenDone.run();
        }
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
            UI.getCurrent().setPollInterval(-1);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPolling();
        super.onDetach(event);
    }
}
