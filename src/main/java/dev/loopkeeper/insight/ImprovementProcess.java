package dev.loopkeeper.insight;

/** Ids of {@code bpmn/improvement-action.bpmn}. */
public final class ImprovementProcess {

    public static final String PROCESS_ID = "improvement-action";

    public static final String START = "StartEvent_ActionCreated";
    public static final String IMPLEMENT = "Task_Implement";
    public static final String DEADLINE_PASSED = "BoundaryEvent_DeadlinePassed";
    public static final String ESCALATE_LATE = "Task_EscalateLateImprovement";
    public static final String LATENESS_ESCALATED = "EndEvent_LatenessEscalated";
    public static final String VERIFY_FIX = "Task_VerifyFix";
    public static final String ANNOUNCE_FIX = "Task_AnnounceFix";
    public static final String FIX_ANNOUNCED = "EndEvent_FixAnnounced";

    /** Process variables. */
    public static final class Vars {
        public static final String ACTION_ID = "actionId";
        public static final String ACTION_OWNER = "actionOwner";
        public static final String ACTION_DEADLINE = "actionDeadline";
        public static final String IMPLEMENTATION_SUMMARY = "implementationSummary";
        public static final String VERIFICATION = "verification";
        public static final String VERIFICATION_NOTES = "verificationNotes";

        private Vars() {}
    }

    private ImprovementProcess() {}
}
