package dev.loopkeeper.casework;

/**
 * How urgent a case is. It rises when the customer scores low again while the case is open, or after an earlier
 * case in which nobody ever reached them.
 */
public enum CasePriority {
    NORMAL(50),
    HIGH(80);

    private final int taskPriority;

    CasePriority(int taskPriority) {
        this.taskPriority = taskPriority;
    }

    /** The priority its open tasks carry in the engine (Camunda's default is 50). */
    public int taskPriority() {
        return taskPriority;
    }
}
