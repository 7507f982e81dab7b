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
import dev.loopkeeper.sharedkernel.ui.Counted;

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
        setHeaderTitle("Migrate cases of " + source.key() + " from version " + source.version() + " to version "
                + target.version());
        setWidth("760px");

        plan.addColumn(MigrationPreview.Mapping::sourceActivityId)
                .setKey("source")
                .setHeader("In version " + source.version());
        plan.addColumn(MigrationPreview.Mapping::targetActivityId)
                .setKey("target")
                .setHeader("Continues in version " + target.version());
        plan.setItems(preview.mappings());
        plan.addThemeVariants(GridVariant.LUMO_COMPACT);
        plan.setHeight("200px");
        waiting.addColumn(MigrationPreview.Waiting::activityId)
                .setKey("activity")
                .setHeader("Waiting at");
        waiting.addColumn(MigrationPreview.Waiting::instances)
                .setKey("instances")
                .setHeader("Cases");
        waiting.setItems(preview.waiting());
        waiting.addThemeVariants(GridVariant.LUMO_COMPACT);
        waiting.setAllRowsVisible(true);

        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        content.add(
                new Paragraph(preview.instances() + " running cases use version " + source.version()
                        + (preview.sample().isEmpty()
                                ? "."
                                : ", e.g. "
                                        + String.join(
                                                ", ",
                                                preview.sample().stream()
                                                        .limit(5)
                                                        .toList()) + ".")),
                waiting,
                new H4("The plan: activities with equal ids"),
                plan);
        if (!preview.problems().isEmpty()) {
            content.add(new H4("The engine cannot migrate with this plan"));
            preview.problems().forEach(p -> content.add(new Paragraph(p)));
        }
        progressBar.setVisible(false);
        content.add(progressBar, progress);
        add(content);

        start.setText("Migrate " + Counted.of(preview.instances(), "case", "cases"));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setEnabled(preview.feasible());
        start.addClickListener(e -> start());
        getFooter().add(new Button("Close", e -> close()), start);
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
        progress.setText("Migration started; the job executor moves the cases in the background.");
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
        StringBuilder text = new StringBuilder(now.done() ? "Done. " : "Running: ")
                .append(preview.instances() - now.stillOnSource())
                .append(" of ")
                .append(preview.instances())
                .append(" cases moved");
        if (now.failed() > 0) {
            text.append("; ")
                    .append(now.failed())
                    .append(" batch jobs failed: ")
                    .append(String.join("; ", now.failures()));
        }
        progress.setText(text.toString());
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
