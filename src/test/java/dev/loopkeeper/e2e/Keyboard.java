package dev.loopkeeper.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * Works a page with the keyboard alone: Tab and Shift+Tab move the focus, arrows, Enter and Space act, typing
 * types. What has the focus is read as a screen reader would start to (the element's label, its field, its
 * text, through Vaadin's shadow roots), so a journey says where it wants to be, not which element that is; an
 * element the Tab key never reaches fails the journey with the path the focus took.
 */
final class Keyboard {

    /** The focused element, deepest through shadow roots: its tag, labels, field id and text (or its grid row's). */
    private static final String FOCUSED = """
            () => {
              let el = document.activeElement;
              while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
              if (!el || el === document.body) return '';
              const root = el.getRootNode();
              const texts = [];
              (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean).forEach(id => {
                const label = (root.getElementById && root.getElementById(id)) || document.getElementById(id);
                if (label) texts.push(label.textContent);
              });
              texts.push(el.getAttribute('aria-label') || '');
              if (el.labels) Array.from(el.labels).forEach(label => texts.push(label.textContent));
              const field = el.closest('[id^=field-]');
              if (field) texts.push(field.id);
              if (el.id) texts.push(el.id);
              const row = el.closest('tr');
              if (row && root.host && root.host.localName === 'vaadin-grid') {
                texts.push(row.parentElement && row.parentElement.id === 'items' ? 'grid-body' : 'grid-header');
                row.querySelectorAll('slot').forEach(slot =>
                  slot.assignedNodes({flatten: true}).forEach(node => texts.push(node.textContent)));
              } else {
                texts.push((el.innerText || el.value || '').slice(0, 120));
              }
              const box = el.getBoundingClientRect();
              const shown = box.width > 0 && box.height > 0 ? '' : ' (not visible)';
              return el.localName + shown + ' | '
                + texts.map(t => (t || '').replace(/\\s+/g, ' ').trim()).filter(Boolean).join(' | ');
            }""";

    private final Page page;

    Keyboard(Page page) {
        this.page = page;
    }

    /** What has the focus now, as {@link #FOCUSED} describes it. */
    String focused() {
        return (String) page.evaluate(FOCUSED);
    }

    /**
     * Presses Tab until the focused element's description contains the text (at most {@code presses} times);
     * fails with the path the focus took when it never gets there, or gets there invisible.
     */
    Keyboard tabTo(String text, int presses) {
        List<String> path = new ArrayList<>();
        for (int i = 0; i < presses; i++) {
            page.keyboard().press("Tab");
            String now = focused();
            path.add(now);
            if (now.contains(text)) {
                assertThat(now).as("the focused element is on screen").doesNotContain("(not visible)");
                return this;
            }
        }
        throw new AssertionError("Tab never reached \"" + text + "\" in " + presses + " presses; the focus went:\n  "
                + String.join("\n  ", path));
    }

    Keyboard tabTo(String text) {
        return tabTo(text, 40);
    }

    /** Presses the key until the focused element's description contains the text, at most {@code presses} times. */
    Keyboard pressUntil(String key, String text, int presses) {
        List<String> path = new ArrayList<>();
        for (int i = 0; i < presses && !focused().contains(text); i++) {
            page.keyboard().press(key);
            path.add(focused());
        }
        assertThat(focused()).as("%s moved the focus: %s", key, path).contains(text);
        return this;
    }

    Keyboard press(String key) {
        page.keyboard().press(key);
        Vaadin.awaitIdle(page);
        return this;
    }

    Keyboard type(String text) {
        page.keyboard().type(text);
        return this;
    }
}
