package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import dev.loopkeeper.insight.CaseThemes;
import dev.loopkeeper.insight.ThemeView;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The themes the response speaks of. The agent who resolves the case may correct them; their choice replaces what
 * the keywords found, for good.
 */
class CaseThemesCard extends Card {

    final MultiSelectComboBox<ThemeView> choice = new MultiSelectComboBox<>(getTranslation("casework.themes.title"));
    final Button save = new Button(getTranslation("casework.themes.save"));

    CaseThemesCard(List<CaseThemes.Tag> tags, List<ThemeView> themes, boolean mayJudge, Consumer<Set<UUID>> judge) {
        setTitle(getTranslation("casework.themes.title"));
        setWidthFull();
        setId("case-themes");
        FlexLayout badges = new FlexLayout();
        badges.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        badges.getStyle().set("gap", "var(--lumo-space-xs)");
        for (CaseThemes.Tag tag : tags) {
            Span badge = new Span(tag.theme());
            badge.getElement().getThemeList().add(tag.byAgent() ? "badge success" : "badge");
            badge.getElement()
                    .setAttribute(
                            "title",
                            tag.byAgent()
                                    ? getTranslation("casework.themes.tag-by-agent")
                                    : getTranslation("casework.themes.tag-by-keywords"));
            badges.add(badge);
        }
        add(tags.isEmpty() ? new Paragraph(getTranslation("casework.themes.none")) : badges);
        if (tags.stream().anyMatch(CaseThemes.Tag::byAgent) || (!tags.isEmpty() && mayJudge)) {
            add(new Paragraph(
                    tags.stream().anyMatch(CaseThemes.Tag::byAgent)
                            ? getTranslation("casework.themes.by-agent")
                            : getTranslation("casework.themes.by-keywords")));
        }
        if (mayJudge) {
            choice.setItems(themes);
            choice.setItemLabelGenerator(ThemeView::name);
            Set<UUID> current = tags.stream().map(CaseThemes.Tag::themeId).collect(Collectors.toSet());
            choice.select(themes.stream().filter(t -> current.contains(t.id())).toList());
            choice.setWidthFull();
            save.addClickListener(e -> judge.accept(
                    choice.getSelectedItems().stream().map(ThemeView::id).collect(Collectors.toSet())));
            add(choice, save);
        }
    }
}
