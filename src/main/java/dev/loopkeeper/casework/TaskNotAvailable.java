package dev.loopkeeper.casework;

import dev.loopkeeper.sharedkernel.Worded;
import dev.loopkeeper.sharedkernel.Words;

/**
 * The task cannot be worked by this user right now; the message says why, in English for the API and the log, and
 * its words say it to a user in their language.
 */
public class TaskNotAvailable extends RuntimeException implements Worded {

    private final transient Words words;

    public TaskNotAvailable(String message, Words words) {
        super(message);
        this.words = words;
    }

    @Override
    public Words words() {
        return words;
    }

    /** The task was completed or deleted meanwhile. */
    public static TaskNotAvailable gone() {
        return new TaskNotAvailable("This task is already done or no longer exists", Words.of("casework.refused.gone"));
    }
}
