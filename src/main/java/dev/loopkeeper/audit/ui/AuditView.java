package dev.loopkeeper.audit.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.loopkeeper.audit.AuditEntry;
import dev.loopkeeper.audit.AuditFilter;
import dev.loopkeeper.audit.AuditTrail;
import dev.loopkeeper.identity.CurrentUser;
import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Groups;
import dev.loopkeeper.sharedkernel.audit.AuditAction;
import dev.loopkeeper.sharedkernel.ui.CalendarWords;
import dev.loopkeeper.sharedkernel.ui.Times;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The audit trail for admins: who did what, to which case, task, model or customer, when, from where and why,
 * newest first, narrowed by person, action, target and period; the CSV export holds every entry the filters find
 * (and is itself an entry).
 */
@Route("audit")
@Menu(title = "Audit trail", order = 16, icon = "vaadin:file-text-o")
@RolesAllowed(Groups.ADMINS)
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    final TextField actor = new TextField(getTranslation("audit.who"));
    final ComboBox<AuditAction> action = new ComboBox<>(getTranslation("audit.action"));
    final TextField target = new TextField(getTranslation("audit.target-filter"));
    final DatePicker from = CalendarWords.localized(new DatePicker(getTranslation("audit.from")));
    final DatePicker to = CalendarWords.localized(new DatePicker(getTranslation("audit.to")));
    final Grid<AuditEntry> entries = new Grid<>(AuditEntry.class, false);
    final Anchor export = new Anchor();
    private final AuditTrail trail;
    private final Actor reader;
    private final ZoneId zone = Times.zone();

    public AuditView(AuditTrail trail, CurrentUser currentUser) {
        this.trail = trail;
        this.reader = currentUser.require();
        setSizeFull();
        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(AuditAction::key);
        action.setClearButtonVisible(true);
        for (TextField field : List.of(actor, target)) {
            field.setClearButtonVisible(true);
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(e -> entries.getDataProvider().refreshAll());
        }
        action.addValueChangeListener(e -> entries.getDataProvider().refreshAll());
        for (DatePicker day : List.of(from, to)) {
            day.setClearButtonVisible(true);
            day.addValueChangeListener(e -> entries.getDataProvider().refreshAll());
        }
        to.setHelperText(getTranslation("audit.to-helper"));

        entries.addColumn(e -> Times.format(e.at(), zone))
                .setHeader(getTranslation("audit.when"))
                .setAutoWidth(true);
        entries.addColumn(AuditEntry::actor)
                .setHeader(getTranslation("audit.who"))
                .setAutoWidth(true);
        entries.addColumn(AuditEntry::action)
                .setHeader(getTranslation("audit.action"))
                .setAutoWidth(true);
        entries.addColumn(e -> e.targetKind() + " " + (e.target() == null ? "" : e.target()))
                .setHeader(getTranslation("audit.target"))
                .setFlexGrow(2);
        entries.addColumn(e -> e.caseId() == null ? "" : e.caseId())
                .setHeader(getTranslation("audit.case"))
                .setAutoWidth(true);
        entries.addColumn(AuditEntry::clientAddress)
                .setHeader(getTranslation("audit.client-address"))
                .setAutoWidth(true);
        entries.addColumn(e -> e.reason() == null ? "" : e.reason())
                .setHeader(getTranslation("audit.why"))
                .setFlexGrow(2);
        entries.addColumn(e -> e.detail() == null ? "" : e.detail())
                .setHeader(getTranslation("audit.detail"))
                .setFlexGrow(3);
        entries.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        entries.setSizeFull();
        entries.setItems(
                q -> trail.page(reader, filter(), q.getOffset(), q.getLimit()).stream(),
                q -> trail.count(reader, filter()));
        entries.getElement().setAttribute("aria-label", getTranslation("audit.title"));

        export.setText(getTranslation("audit.export"));
        export.setId("export-audit");
        export.getElement().setAttribute("download", true);
        export.setHref((DownloadHandler) event -> {
            event.setFileName("audit-trail.csv");
            event.setContentType("text/csv; charset=utf-8");
            try (OutputStream out = event.getOutputStream()) {
                trail.writeCsv(reader, filter(), out);
            }
        });

        HorizontalLayout title = new HorizontalLayout(new H2(getTranslation("audit.title")), export);
        title.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        FlexLayout filters = new FlexLayout(actor, action, target, from, to);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        add(title, filters, entries);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · Loopkeeper";
    }

    /** The filters as they stand; the period's days are the reader's own. */
    AuditFilter filter() {
        return new AuditFilter(
                actor.getValue(), action.getValue(), target.getValue(), start(from.getValue()), endOf(to.getValue()));
    }

    private Instant start(LocalDate day) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }

    private Instant endOf(LocalDate day) {
        return day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
