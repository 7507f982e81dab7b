package dev.loopkeeper.casework.ui;

import com.vaadin.flow.component.grid.dataview.GridLazyDataView;
import dev.loopkeeper.sharedkernel.persistence.Tally;

/** A lazy list's size for its scroll bar: counted by the data provider, or estimated and corrected as it scrolls. */
final class ListSize {

    private ListSize() {}

    static void show(GridLazyDataView<?> list, Tally tally) {
        if (tally.estimated()) {
            // the grid asks for rows past the estimate as they are scrolled to, and stops where they end
            list.setItemCountEstimate((int) Math.max(1, Math.min(tally.count(), Integer.MAX_VALUE)));
        } else {
            list.setItemCountFromDataProvider();
        }
    }
}
