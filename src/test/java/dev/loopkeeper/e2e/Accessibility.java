package dev.loopkeeper.e2e;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * axe-core's WCAG 2.1 A and AA rules over what a page shows now. A journey fails on a serious or critical
 * violation (a control nobody can name, text nobody can read, a page a screen reader cannot navigate); minor and
 * moderate ones are left to review.
 */
final class Accessibility {

    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    /**
     * Parts Vaadin 24.9's components render themselves, with ARIA axe refuses whatever the view does: the grid's
     * selection checkboxes (it puts "Select Row" / "Select All" on the checkbox host, not on the input inside), and a
     * required select's value button ({@code aria-required} on a {@code role="button"}) and its closed list box (no
     * name of its own; the select's label names the control). The components', not ours to fix in each view; every
     * other element is checked. Also toasts: they fade in and out, so their contrast depends on the moment axe looks
     * (a card at half opacity fails, the same card shown fails nothing); their colours are Lumo's variants.
     */
    private static final List<String> VAADIN_INTERNALS = List.of(
            "vaadin-notification-card",
            "vaadin-grid-cell-content > vaadin-checkbox",
            ".vaadin-grid-select-all-checkbox",
            "vaadin-select-value-button",
            "vaadin-select-list-box");

    private Accessibility() {}

    /** One line per blocking violation: screen, rule, impact, how to fix it, where. */
    static List<String> violations(Page page, String screen) {
        // a dialog fading in has its text at part opacity: axe would measure the animation, not the dialog
        page.waitForFunction("() => !document.querySelector('[opening], [closing]')");
        AxeBuilder axe = new AxeBuilder(page).withTags(WCAG);
        VAADIN_INTERNALS.forEach(axe::exclude);
        AxeResults results = axe.analyze();
        return results.getViolations().stream()
                .filter(rule -> BLOCKING.contains(rule.getImpact()))
                .map(rule -> describe(screen, rule))
                .toList();
    }

    private static String describe(String screen, Rule rule) {
        String where = rule.getNodes().stream()
                .limit(3)
                .map(node -> node.getTarget() + " " + abbreviate(node.getHtml()))
                .collect(Collectors.joining("; "));
        return "%s: %s (%s) %s — %d element(s): %s"
                .formatted(
                        screen,
                        rule.getId(),
                        rule.getImpact(),
                        rule.getHelp(),
                        rule.getNodes().size(),
                        where);
    }

    private static String abbreviate(String html) {
        return html == null || html.length() <= 160 ? html : html.substring(0, 159) + "…";
    }
}
