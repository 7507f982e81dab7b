package dev.loopkeeper.reporting.process;

import dev.loopkeeper.reporting.MonthlyReport;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_SendMonthlyReport}: the first of the month; last month's company report goes to its recipients. */
@Component("sendMonthlyReportDelegate")
class SendMonthlyReportDelegate implements JavaDelegate {

    private final MonthlyReport report;

    SendMonthlyReportDelegate(MonthlyReport report) {
        this.report = report;
    }

    @Override
    public void execute(DelegateExecution execution) {
        report.sendForLastMonth();
    }
}
