package dev.loopkeeper.casework;

/** Ids of {@code bpmn/closed-loop.bpmn}: its process, elements and variables. */
public final class ClosedLoop {

    public static final String PROCESS_ID = "closed-loop";
    public static final String POLICY_DECISION = "follow-up-policy";

    public static final String START = "StartEvent_ResponseReceived";
    public static final String DECIDE_POLICY = "Task_DecideFollowUpPolicy";
    public static final String START_SLA_CLOCK = "Task_StartSlaClock";
    public static final String CONTACT_CUSTOMER = "Task_ContactCustomer";
    public static final String SLA_BREACHED = "BoundaryEvent_SlaBreached";
    public static final String RECORD_BREACH = "Task_RecordBreach";
    public static final String REVIEW_ESCALATION = "Task_ReviewEscalation";
    public static final String CLOSE_CASE = "Task_CloseCase";
    public static final String LOOP_CLOSED = "EndEvent_LoopClosed";
    public static final String ESCALATION_REVIEWED = "EndEvent_EscalationReviewed";

    /** Process variables: few and primitive; the case itself lives in our tables. */
    public static final class Vars {
        public static final String CASE_ID = "caseId";
        public static final String SEGMENT = "segment";
        public static final String SCORE = "score";
        public static final String CUSTOMER_TIER = "customerTier";
        public static final String REGION = "region";
        public static final String PRODUCT = "product";
        public static final String OWNER_GROUP = "ownerGroup";
        public static final String CONTACT_WITHIN = "contactWithin";
        public static final String SLA_DUE_AT = "slaDueAt";
        public static final String CONTACT_OUTCOME = "contactOutcome";
        public static final String REVIEW_NOTE = "reviewNote";

        private Vars() {
        }
    }

    private ClosedLoop() {
    }
}
