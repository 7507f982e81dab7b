package dev.loopkeeper.bench;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.ComponentTracker;
import dev.loopkeeper.KaribuUi;
import dev.loopkeeper.casework.ui.TasklistView;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Scenario 4, memory: the heap a signed-in agent's session holds with the tasklist open (a page of tasks in
 * the grid), as server-side Vaadin sessions (Karibu-Testing) sharing one servlet as a real server does. The
 * difference of the heap after GC, before and after opening N sessions, divided by N; and of what it is made,
 * from two class histograms. Measured twice: as a production server holds a session, and in development
 * mode, where Vaadin's component tracker keeps the stack frames that created and attached every component
 * (for its dev tools) and the bench runs by default.
 */
class SessionMemoryBench {

    static final int SESSIONS = BenchReport.size("bench.sessions", 100);

    record Held(double perSessionKiB, double beforeMiB, double afterMiB, Map<String, Long> byClass) {}

    @Test
    void heapPerTasklistSession() throws Exception {
        BenchApp app = BenchApp.loopkeeper();
        Function0<UI> uiFactory = UI::new;
        MockSpringServlet servlet =
                new MockSpringServlet(new Routes().autoDiscoverViews("dev.loopkeeper"), app.context, uiFactory);
        KaribuUi.authenticate(app.bean(SecurityContextHolderStrategy.class), "fiona", "frontline", "team-emea");
        try {
            for (int i = 0; i < 5; i++) {
                openTasklist(uiFactory, servlet);
            }
            trackComponents(false);
            Held production = hold(uiFactory, servlet);
            trackComponents(true);
            Held development = hold(uiFactory, servlet);
            new BenchReport("session-memory")
                    .alone("heap per tasklist session", "KiB", production.perSessionKiB(), "<= 300 KB")
                    .alone("heap per tasklist session, development mode", "KiB", development.perSessionKiB(), null)
                    .note("sessions", SESSIONS + " held open at once, the tasklist of fiona (frontline, team-emea)")
                    .note(
                            "heap after GC before / after",
                            "%.1f / %.1f MiB (development mode %.1f / %.1f MiB)"
                                    .formatted(
                                            production.beforeMiB(),
                                            production.afterMiB(),
                                            development.beforeMiB(),
                                            development.afterMiB()))
                    .note("bytes per session by class (top 15)", production.byClass())
                    .note("bytes per session by class, development mode (top 15)", development.byClass())
                    .publish();
        } finally {
            MockVaadin.tearDown();
            SecurityContextHolder.clearContext();
        }
    }

    private static Held hold(Function0<UI> uiFactory, MockSpringServlet servlet) {
        List<UI> open = new ArrayList<>();
        double before = RunProfile.heapAfterGcMiB();
        HeapHistogram classesBefore = HeapHistogram.now();
        for (int i = 0; i < SESSIONS; i++) {
            open.add(openTasklist(uiFactory, servlet));
        }
        double after = RunProfile.heapAfterGcMiB();
        HeapHistogram classesAfter = HeapHistogram.now();
        Held held = new Held(
                (after - before) * 1024 / SESSIONS,
                before,
                after,
                classesAfter.grownSince(classesBefore, SESSIONS, 15));
        open.clear();
        return held;
    }

    /**
     * Vaadin decides once per JVM, from the first component it sees, whether to track where components come
     * from (never in production mode); the bench switches that decision between its two measurements.
     */
    private static void trackComponents(boolean on) throws ReflectiveOperationException {
        Field disabled = ComponentTracker.class.getDeclaredField("disabled");
        disabled.setAccessible(true);
        disabled.set(null, !on);
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
