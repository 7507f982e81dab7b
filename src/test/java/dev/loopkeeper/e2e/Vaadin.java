package dev.loopkeeper.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * What a journey needs to know about Vaadin Flow in the browser: when the client has nothing in flight,
 * and how to find the cells of one grid row.
 */
final class Vaadin {

    /**
     * {@code vaadin-grid-row=TEXT} selects the cell contents of every rendered grid row that has a cell, or an
     * element in a cell (a name above a second line), reading exactly TEXT, in column order. A grid's rows live in its shadow DOM while the cells' contents (our
     * buttons among them) are slotted light DOM, so no CSS or role selector can say "the button in this row".
     * Chain from it: {@code page.locator("vaadin-grid-row=Maria Lopez").getByRole(BUTTON, ...)}.
     */
    static final String GRID_ROW = "vaadin-grid-row";

    private static final String GRID_ROW_ENGINE = """
            {
              queryAll(root, text) {
                const wanted = text.trim();
                const grids = root.matches && root.matches('vaadin-grid')
                    ? [root] : Array.from(root.querySelectorAll('vaadin-grid'));
                const found = [];
                for (const grid of grids) {
                  if (!grid.shadowRoot) continue;
                  for (const row of grid.shadowRoot.querySelectorAll('tbody#items > tr')) {
                    if (row.hidden) continue;
                    const cells = Array.from(row.querySelectorAll('slot'))
                        .flatMap(slot => slot.assignedElements());
                    const reads = el => el.textContent.trim() === wanted;
                    if (cells.some(cell => reads(cell) || Array.from(cell.querySelectorAll('*')).some(reads))) {
                      found.push(...cells);
                    }
                  }
                }
                return found;
              },
              query(root, text) {
                return this.queryAll(root, text)[0] || null;
              }
            }
            """;

    /** Every Flow client on the page has started and has no request in flight or queued. */
    private static final String IDLE = """
            () => {
              const flow = window.Vaadin && window.Vaadin.Flow;
              if (!flow || !flow.clients) return false;
              const clients = Object.values(flow.clients);
              return clients.length > 0 && clients.every(client => !client.isActive());
            }
            """;

    private Vaadin() {}

    /** Once per {@link Playwright}, before its first browser context. */
    static void registerSelectors(Playwright playwright) {
        playwright.selectors().register(GRID_ROW, GRID_ROW_ENGINE);
    }

    /**
     * Waits until the server has answered everything the page sent (the round trip of a click, a navigation),
     * so what the browser shows, and what the database holds, is the outcome of the last user action.
     */
    static void awaitIdle(Page page) {
        page.waitForFunction(IDLE);
    }

    /**
     * Waits up to {@code seconds} for the same, and goes on either way: a screen that polls for progress (an import,
     * a retagging) is idle only between its polls, and the browser's "network idle" never comes with Vaadin's push
     * connection open.
     */
    static void settle(Page page, int seconds) {
        try {
            page.waitForFunction(IDLE, null, new Page.WaitForFunctionOptions().setTimeout(seconds * 1000.0));
        } catch (com.microsoft.playwright.TimeoutError stillBusy) {
            // what the screen shows by now is what a user sees
        }
    }
}
