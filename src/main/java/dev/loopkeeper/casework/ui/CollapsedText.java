package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;

/** A long text shown in its first words, with "more" to read the rest and "less" to fold it again. */
class CollapsedText extends Span {

    CollapsedText(String text, int shown) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (text.length() <= shown) {
            setText(text);
            return;
        }
        Span body = new Span(text.substring(0, shown).stripTrailing() + "…");
        String more = getTranslation("casework.text.more");
        Button toggle = new Button(more);
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        toggle.getStyle().set("margin-left", "var(--lumo-space-xs)");
        toggle.addClickListener(e -> {
            boolean folded = more.equals(toggle.getText());
            body.setText(folded ? text : text.substring(0, shown).stripTrailing() + "…");
            toggle.setText(folded ? getTranslation("casework.text.less") : more);
        });
        toggle.getElement().setAttribute("aria-label", getTranslation("casework.text.show-all"));
        add(body, toggle);
        getStyle().set("white-space", "pre-line");
    }
}
