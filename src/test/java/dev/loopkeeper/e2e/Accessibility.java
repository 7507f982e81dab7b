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
     * Vaadin grid's own selection checkboxes (24.9): the grid puts "Select Row" / "Select All" as aria-label on the
     * vaadin-checkbox host, not on the input inside it, so axe reports an unlabelled input and a prohibited attribute
     * on every multi-select grid. The component's, not ours to fix in each view; every other control is checked.
     */
    private static final List<String> VAADIN_GRID_SELECTION =
            List.of("vaadin-grid-cell-content > vaadin-checkbox", ".vaadin-grid-select-all-checkbox");

    private Accessibility() {}

    /** One line per blocking violation: screen, rule, impact, how to fix it, where. */
    static List<String> violations(Page page, String screen) {
        AxeBuilder axe = new AxeBuilder(page).withTags(WCAG);
        VAADIN_GRID_SELECTION.forEach(axe::exclude);
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
