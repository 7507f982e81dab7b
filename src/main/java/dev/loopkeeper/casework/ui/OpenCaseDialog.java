package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.i18n.I18NProvider;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sharedkernel.ui.ActionDialog;
import java.util.function.BiPredicate;

/**
 * "The customer asked to be contacted": a case opened by hand, with why and how the customer feels (the segment
 * sets the follow-up policy and the SLA, as a score would). Both are checked as they are typed, and the field says
 * what is missing.
 */
class OpenCaseDialog extends ActionDialog {

    static final int MAX_REASON = 2000;

    final Select<Segment> segment = new Select<>();
    final TextArea reason = new TextArea(I18NProvider.translate("casework.open-case.reason"));

    /** @param open opens the case with the segment and the reason; true if it did */
    OpenCaseDialog(String customerName, BiPredicate<Segment, String> open) {
        super(I18NProvider.translate("casework.open-case.title", customerName));
        segment.setLabel(getTranslation("casework.open-case.feeling"));
        segment.setItems(Segment.values());
        segment.setItemLabelGenerator(s -> switch (s) {
            case DETRACTOR -> getTranslation("casework.open-case.detractor");
            case PASSIVE -> getTranslation("casework.open-case.passive");
            case PROMOTER -> getTranslation("casework.open-case.promoter");
        });
        segment.setRequiredIndicatorVisible(true);
        segment.setValue(Segment.DETRACTOR);
        reason.setRequiredIndicatorVisible(true);
        reason.setPlaceholder(getTranslation("casework.open-case.reason-placeholder"));
        reason.setMaxLength(MAX_REASON);
        reason.setWidthFull();
        reason.setMinHeight("8em");
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        reason.addValueChangeListener(e -> check());
        segment.addValueChangeListener(e -> check());
        add(new Paragraph(getTranslation("casework.open-case.text")), segment, reason);
        setWidth("min(32em, 100vw)");
        primaryAction(
                getTranslation("casework.open-case.open"),
                () -> check() && open.test(segment.getValue(), reason.getValue().strip()));
    }

    /** Marks what is missing; true when nothing is. */
    boolean check() {
        boolean hasReason = !reason.getValue().isBlank();
        reason.setInvalid(!hasReason);
        reason.setErrorMessage(hasReason ? null : getTranslation("casework.open-case.reason-missing"));
        segment.setInvalid(segment.getValue() == null);
        segment.setErrorMessage(
                segment.getValue() == null ? getTranslation("casework.open-case.feeling-missing") : null);
        return hasReason && segment.getValue() != null;
    }
}
