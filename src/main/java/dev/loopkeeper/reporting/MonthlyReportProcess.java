package dev.loopkeeper.reporting;

/** Ids of {@code bpmn/monthly-report.bpmn}. */
public final class MonthlyReportProcess {

    public static final String PROCESS_ID = "monthly-report";

    public static final String START = "StartEvent_FirstOfMonth";
    public static final String SEND = "Task_SendMonthlyReport";
    public static final String SENT = "EndEvent_ReportSent";

    private MonthlyReportProcess() {}
}
