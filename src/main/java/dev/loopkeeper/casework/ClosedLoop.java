package dev.loopkeeper.casework;

/** Ids of {@code bpmn/closed-loop.bpmn}: its process, elements, messages and variables. */
public final class ClosedLoop {

    public static final String PROCESS_ID = "closed-loop";
    public static final String POLICY_DECISION = "follow-up-policy";

    public static final String START = "StartEvent_ResponseReceived";
    public static final String DECIDE_POLICY = "Task_DecideFollowUpPolicy";
    public static final String CHOOSE_FIRST_CHANNEL = "Task_ChooseFirstChannel";
    public static final String START_SLA_CLOCK = "Task_StartSlaClock";
    /** One job for what the owners and the customer hear at once: owner alert, acknowledgement, recognition. */
    public static final String ACKNOWLEDGE = "Task_Acknowledge";

    public static final String ACKNOWLEDGED = "EndEvent_Acknowledged";
    public static final String FOLLOW_UP = "Gateway_FollowUp";
    public static final String SEND_THANK_YOU = "Task_SendThankYou";
    public static final String CLOSE_WITHOUT_FOLLOW_UP = "Task_CloseWithoutFollowUp";
    public static final String NO_FOLLOW_UP = "EndEvent_NoFollowUp";

    public static final String REACH_CUSTOMER = "SubProcess_ReachCustomer";
    public static final String CONTACT_CUSTOMER = "Task_ContactCustomer";
    public static final String CUSTOMER_REACHED = "EndEvent_CustomerReached";
    public static final String ATTEMPTS_EXHAUSTED = "EndEvent_AttemptsExhausted";
    public static final String CHOOSE_NEXT_CHANNEL = "Task_ChooseNextChannel";
    public static final String SEND_RETRY_OUTREACH = "Task_SendRetryOutreach";
    public static final String AWAIT_REPLY = "Gateway_AwaitReply";
    public static final String CUSTOMER_REPLIED = "Event_CustomerReplied";
    public static final String RETRY_DUE = "Event_RetryDue";

    public static final String MARK_UNREACHABLE = "Task_MarkUnreachable";
    public static final String CUSTOMER_UNREACHABLE = "EndEvent_CustomerUnreachable";
    public static final String THANK_PROMOTER = "Task_ThankPromoter";
    public static final String START_RESOLUTION_CLOCK = "Task_StartResolutionClock";
    public static final String RESOLVE = "SubProcess_Resolve";
    public static final String LOG_RESOLUTION = "Task_LogResolution";
    public static final String RESOLUTION_LOGGED = "EndEvent_ResolutionLogged";
    public static final String PROMISED_CONTACT_DUE = "Event_PromisedContactDue";
    public static final String REMIND_POINT_OF_CONTACT = "Task_RemindPointOfContact";
    public static final String RESOLUTION_OVERDUE = "BoundaryEvent_ResolutionOverdue";
    public static final String LINK_IMPROVEMENT_ACTION = "Task_LinkImprovementAction";
    public static final String AWAIT_FIX = "Gateway_AwaitFix";
    public static final String FIX_RELEASED = "Event_FixReleased";
    public static final String FIX_OVERDUE = "Event_FixOverdue";
    public static final String CHASE_IMPROVEMENT_ACTION = "Task_ChaseImprovementAction";
    public static final String NOTIFY_CUSTOMER_OF_FIX = "Task_NotifyCustomerOfFix";
    public static final String CLOSE_CASE = "Task_CloseCase";
    public static final String LOOP_CLOSED = "EndEvent_LoopClosed";

    public static final String SLA_BREACHED = "BoundaryEvent_SlaBreached";
    /** Non-interrupting, at {@code loopkeeper.sla.warning.at-percent} of the contact's SLA. */
    public static final String SLA_WARNING = "BoundaryEvent_SlaWarning";

    public static final String WARN_BEFORE_BREACH = "Task_WarnBeforeBreach";
    /** A job of its own, reached only when the warning has an email or a chat post due at once. */
    public static final String SEND_BREACH_WARNING = "Task_SendBreachWarning";

    public static final String BREACH_WARNED = "EndEvent_BreachWarned";
    /** Non-interrupting and repeating, every {@link Vars#CLAIM_IDLE_AFTER} while the contact task is open. */
    public static final String CLAIM_IDLE = "BoundaryEvent_ClaimIdle";

    public static final String RELEASE_IDLE_CLAIM = "Task_ReleaseIdleClaim";
    public static final String IDLE_CLAIM_CHECKED = "EndEvent_IdleClaimChecked";
    public static final String RECORD_BREACH = "Task_RecordBreach";
    public static final String ALERT_SUPERVISORS = "Task_AlertSupervisors";
    /** A job of its own, reached only when the breach's alert has an email or a chat post due at once. */
    public static final String SEND_SUPERVISOR_ALERTS = "Task_SendSupervisorAlerts";

    public static final String REVIEW_ESCALATION = "Task_ReviewEscalation";
    public static final String REVIEW_OVERDUE = "BoundaryEvent_ReviewOverdue";
    public static final String ESCALATE_UNREVIEWED_BREACH = "Task_EscalateUnreviewedBreach";
    public static final String REASSIGN_CONTACT = "Task_ReassignContact";
    public static final String TAKE_OVER_CONTACT = "Task_TakeOverContact";
    public static final String EXTEND_SLA = "Task_ExtendSla";
    public static final String EXTENDED_DUE_REACHED = "Event_ExtendedDueReached";
    public static final String CHECK_CONTACT_STATUS = "Task_CheckContactStatus";
    public static final String ESCALATION_HANDLED = "EndEvent_EscalationHandled";
    public static final String EXTENSION_MET = "EndEvent_ExtensionMet";

    public static final String PRIORITY_RAISED = "StartEvent_PriorityRaised";
    public static final String ALERT_SUPERVISORS_OF_REPEAT = "Task_AlertSupervisorsOfRepeat";

    /** Message names, as the catch events wait for them. */
    public static final class Messages {
        /** Correlated by business key (the case id). */
        public static final String CUSTOMER_REPLIED = "customer-replied";
        /** Correlated by the {@link Vars#IMPROVEMENT_ACTION_ID} variable. */
        public static final String FIX_RELEASED = "fix-released";
        /** Correlated by business key: the customer scored low again, or was never reached before. */
        public static final String PRIORITY_RAISED = "priority-raised";

        private Messages() {}
    }

    /** Process variables: few and primitive; the case itself lives in our tables. */
    public static final class Vars {
        /**
         * Transient, set by an alert step for the gateway after it: whether an email or a chat post is due at once
         * (sent by the step's send task, in a job of its own).
         */
        public static final String ALERTS_DUE = "alertsDue";

        public static final String CASE_ID = "caseId";
        public static final String SEGMENT = "segment";
        public static final String SCORE = "score";
        public static final String CUSTOMER_TIER = "customerTier";
        public static final String LIFETIME_VALUE = "lifetimeValue";
        public static final String REGION = "region";
        public static final String PRODUCT = "product";
        public static final String TOUCHPOINT = "touchpoint";
        /**
         * False when the customer said we may not contact them ({@code may-contact: no}): the case is recorded
         * and its owners alerted, but nobody calls and nothing is sent to the customer.
         */
        public static final String CONTACT_CONSENT = "contactConsent";
        // outputs of the follow-up policy
        public static final String OWNER_GROUP = "ownerGroup";
        public static final String FOLLOW_UP = "followUp";
        public static final String ACKNOWLEDGE = "acknowledge";
        public static final String INVITE = "invite";
        public static final String CHANNEL_ORDER = "channelOrder";
        public static final String CONTACT_WITHIN = "contactWithin";
        /** Whether the contact (and its retries) counts business time. */
        public static final String BUSINESS_TIME = "businessTime";

        public static final String RETRY_AFTER = "retryAfter";
        public static final String MAX_ATTEMPTS = "maxAttempts";
        public static final String RESOLVE_WITHIN = "resolveWithin";
        public static final String RESOLVE_IN_BUSINESS_TIME = "resolveInBusinessTime";
        public static final String REVIEW_WITHIN = "reviewWithin";
        public static final String REVIEW_IN_BUSINESS_TIME = "reviewInBusinessTime";
        // the clocks
        public static final String SLA_DUE_AT = "slaDueAt";
        public static final String RESOLUTION_DUE_AT = "resolutionDueAt";
        public static final String REVIEW_DUE_AT = "reviewDueAt";
        public static final String PROMISED_CONTACT_AT = "promisedContactAt";
        /** The step whose clock ran out last: {@code Task_ContactCustomer}, {@code SubProcess_ReachCustomer}… */
        public static final String BREACHED_STEP = "breachedStep";
        /** Until when a supervisor extended the breached step. */
        public static final String EXTENDED_UNTIL = "extendedUntil";
        // the contact loop
        public static final String CHANNEL = "channel";
        public static final String ATTEMPTS = "attempts";
        public static final String INVALID_CHANNELS = "invalidChannels";
        public static final String CONTACT_ASSIGNEE = "contactAssignee";
        public static final String CONTACT_AGENT = "contactAgent";
        // the contact-customer form
        public static final String CHANNEL_USED = "channelUsed";
        public static final String CONTACT_OUTCOME = "contactOutcome";
        public static final String CONTACT_NOTES = "contactNotes";
        public static final String NEXT_CONTACT_AT = "nextContactAt";
        public static final String POINT_OF_CONTACT = "pointOfContact";
        public static final String REMEDY_TYPE = "remedyType";
        public static final String REMEDY_AMOUNT = "remedyAmount";
        // the log-resolution form
        public static final String RESOLUTION_SUMMARY = "resolutionSummary";
        public static final String ROOT_CAUSE = "rootCause";
        public static final String FIXED_NOW = "fixedNow";
        public static final String SYSTEMIC = "systemic";
        public static final String IMPROVEMENT_ACTION_ID = "improvementActionId";
        public static final String OPEN_IMPROVEMENT_ACTIONS = "openImprovementActions";
        public static final String FIX_ALREADY_RELEASED = "fixAlreadyReleased";
        public static final String FIX_CHASE_AFTER = "fixChaseAfter";
        /** An ISO-8601 duration: a claimed contact untouched this long goes back to its group. */
        public static final String CLAIM_IDLE_AFTER = "claimIdleAfter";
        /** {@code group} or {@code supervisors}: who hears of an idle claim (CaseworkSettings.IdleClaimTo). */
        public static final String CLAIM_IDLE_TO = "claimIdleTo";
        // the thank-promoter form
        public static final String ASKED_FOR_REVIEW = "askedForReview";
        public static final String REFERRAL_OFFERED = "referralOffered";
        public static final String THANKS_NOTE = "thanksNote";
        // the review-escalation form
        public static final String ESCALATION_DECISION = "escalationDecision";
        public static final String REASSIGN_TO = "reassignTo";
        public static final String EXTENDED_DUE_AT = "extendedDueAt";
        public static final String ESCALATION_REASON = "escalationReason";
        public static final String ESCALATION_REVIEWER = "escalationReviewer";
        public static final String STILL_AWAITING_CONTACT = "stillAwaitingContact";

        /** The five whys of the log-resolution form: why1 … why5. */
        public static String why(int n) {
            return "why" + n;
        }

        private Vars() {}
    }

    private ClosedLoop() {}
}
