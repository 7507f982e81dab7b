package dev.loopkeeper.bench;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import dev.loopkeeper.KaribuUi;
import dev.loopkeeper.casework.ui.TasklistView;
import java.util.ArrayList;
import java.util.List;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Scenario 4, memory: the heap a signed-in agent's session holds with the tasklist open (a page of tasks in
 * the grid), as server-side Vaadin sessions (Karibu-Testing) sharing one servlet as a real server does. The
 * difference of the heap after GC, before and after opening N sessions, divided by N.
 */
class SessionMemoryBench {

    static final int SESSIONS = BenchReport.size("bench.sessions", 100);

    @Test
    void heapPerTasklistSession() {
        BenchApp app = BenchApp.loopkeeper();
        Function0<UI> uiFactory = UI::new;
        MockSpringServlet servlet = new MockSpringServlet(new Routes().autoDiscoverViews("dev.loopkeeper"),
                app.context, uiFactory);
        KaribuUi.authenticate(app.bean(SecurityContextHolderStrategy.class), "fiona", "frontline", "team-emea");
        List<UI> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                openTasklist(uiFactory, servlet);
            }
            double before = RunProfile.heapAfterGcMiB();
            for (int i = 0; i < SESSIONS; i++) {
                open.add(openTasklist(uiFactory, servlet));
            }
            double after = RunProfile.heapAfterGcMiB();
            double perSessionKiB = (after - before) * 1024 / SESSIONS;
            new BenchReport("session-memory")
                    .alone("heap per tasklist session", "KiB", perSessionKiB, "<= 300 KB")
                    .note("sessions", SESSIONS + " held open at once, the tasklist of fiona (frontline, team-emea)")
                    .note("heap after GC before / after", "%.1f / %.1f MiB".formatted(before, after))
                    .publish();
        } finally {
            open.clear();
            MockVaadin.tearDown();
            SecurityContextHolder.clearContext();
        }
    }

    /** A new session whose UI shows the tasklist, its grid filled as after the browser's first round trip. */
    private static UI openTasklist(Function0<UI> uiFactory, MockSpringServlet servlet) {
        MockVaadin.setup(uiFactory, servlet);
        UI ui = UI.getCurrent();
        ui.navigate(TasklistView.class);
        MockVaadin.clientRoundtrip();
        NavigatorKt.expectView(TasklistView.class);
        return ui;
    }
}
