package dev.loopkeeper.casework;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.loopkeeper.sharedkernel.Words;
import java.util.function.Function;

/**
 * One field of a task's form with what is wrong with the value given for it: in English for the API, and as words
 * a screen says in the user's language (none: the message as it is).
 */
public record FieldProblem(
        String field, String message, @JsonIgnore Words words) {

    public FieldProblem(String field, String message) {
        this(field, message, null);
    }

    /** The same problem whatever its words: they say the message, they do not make it another one. */
    @Override
    public boolean equals(Object other) {
        return other instanceof FieldProblem that && field.equals(that.field) && message.equals(that.message);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(field, message);
    }

    /** What the problem says to a user, given how to say words. */
    public String said(Function<Words, String> say) {
        return words == null ? message : say.apply(words);
    }
}
