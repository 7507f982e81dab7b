package dev.loopkeeper.insight.process;

import dev.loopkeeper.insight.ImprovementView;
import dev.loopkeeper.insight.Improvements;
import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.outreach.StaffAlert;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_EscalateLateImprovement}: the deadline passed; tell the owner and the process owners. */
@Component("escalateLateImprovementDelegate")
class EscalateLateImprovementDelegate implements JavaDelegate {

    private final Improvements improvements;
    private final Outreach outreach;

    EscalateLateImprovementDelegate(Improvements improvements, Outreach outreach) {
        this.improvements = improvements;
        this.outreach = outreach;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ImprovementView action = improvements.find(ActionOf.scope(execution)).orElseThrow();
        String subject = "Improvement action overdue: " + action.title();
        String body = "\"" + action.title() + "\" was due " + action.deadline() + " and is not implemented yet. "
                + action.linkedCases() + " customer(s) are waiting on it.";
        String key = "improvement:" + action.id() + ":late:" + execution.getId();
        outreach.alertStaff(new StaffAlert(key + ":owner", null, null, action.owner(), "late-improvement", subject, body));
        outreach.alertStaff(new StaffAlert(key + ":owners", null, "process-owners", null, "late-improvement", subject, body));
    }
}
