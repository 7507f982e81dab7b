package dev.loopkeeper.casework;

/** The task cannot be worked by this user right now; the message says why, in words for the user. */
public class TaskNotAvailable extends RuntimeException {

    public TaskNotAvailable(String message) {
        super(message);
    }

    /** The task was completed or deleted meanwhile. */
    public static TaskNotAvailable gone() {
        return new TaskNotAvailable("This task is already done or no longer exists");
    }
}
