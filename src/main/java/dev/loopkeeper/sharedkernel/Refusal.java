package dev.loopkeeper.sharedkernel;

/**
 * A value or a request the service refuses, said in English for the API and the log, and in words a screen says in
 * the user's language. An {@link IllegalArgumentException}, so callers that catch those catch it too.
 */
public class Refusal extends IllegalArgumentException implements Worded {

    private final transient Words words;

    public Refusal(String message, Words words) {
        super(message);
        this.words = words;
    }

    @Override
    public Words words() {
        return words;
    }
}
