package dev.loopkeeper.casework.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_Acknowledge}: what the owners and the customer hear at once, in one job: the owner group's alert,
 * the customer's acknowledgement (as the policy says), and recognition alerts for whoever a promoter praised. One
 * job instead of three is two acquisitions, transactions and commits less per response; a retry after a failure
 * runs the steps again, and outreach's send-once log skips what already went out.
 */
@Component("acknowledgeDelegate")
class AcknowledgeDelegate implements JavaDelegate {

    private final AlertOwnersDelegate alertOwners;
    private final AcknowledgeCustomerDelegate acknowledgeCustomer;
    private final RaiseRecognitionAlertsDelegate raiseRecognitionAlerts;

    AcknowledgeDelegate(
            AlertOwnersDelegate alertOwners,
            AcknowledgeCustomerDelegate acknowledgeCustomer,
            RaiseRecognitionAlertsDelegate raiseRecognitionAlerts) {
        this.alertOwners = alertOwners;
        this.acknowledgeCustomer = acknowledgeCustomer;
        this.raiseRecognitionAlerts = raiseRecognitionAlerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        alertOwners.execute(execution);
        acknowledgeCustomer.execute(execution);
        raiseRecognitionAlerts.execute(execution);
    }
}
