package dev.loopkeeper.insight;

/** How far the background retagging after a change of the themes has come. */
public record RetagProgress(long version, long responses, long waiting) {

    public boolean done() {
        return waiting == 0;
    }

    /** 0 to 1. */
    public double fraction() {
        return responses == 0 ? 1 : (double) (responses - waiting) / responses;
    }
}
