package dev.loopkeeper.intake;

import java.util.List;
import org.springframework.context.ApplicationContext;

/** Stores responses as history the way a CSV import's older rows are stored, for tests outside intake. */
public final class HistoryDoor {

    private HistoryDoor() {}

    /** @return how many were new */
    public static int keep(ApplicationContext context, List<ResponseSubmission> submissions) {
        Intake intake = context.getBean(Intake.class);
        return context.getBean(IntakeTransactions.class).run("history", () -> intake.keepAsHistory(submissions));
    }
}
