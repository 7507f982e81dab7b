package dev.loopkeeper.outreach;

/** The ids of {@code bpmn/digest.bpmn}. */
public final class DigestProcess {

    public static final String PROCESS_ID = "digest";

    public static final String EVERY_QUARTER_HOUR = "StartEvent_EveryQuarterHour";
    public static final String SEND_DIGESTS = "Task_SendDigests";
    public static final String DIGESTS_SENT = "EndEvent_DigestsSent";

    private DigestProcess() {}
}
