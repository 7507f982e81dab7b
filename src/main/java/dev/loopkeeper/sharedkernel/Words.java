package dev.loopkeeper.sharedkernel;

import java.util.Arrays;
import java.util.List;

/**
 * Something to say to a user, by key and parameters, for a screen to put into the reader's language: a service
 * that composes a sentence for people (a case's timeline) hands over its words with the English text, and the
 * view says them. A parameter may itself be {@code Words} (a channel's or an outcome's name).
 */
public record Words(String key, List<Object> params) {

    public Words {
        // a parameter may be missing (a case nobody held has no assignee): kept as null, written as the English is
        params = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(params));
    }

    public static Words of(String key, Object... params) {
        return new Words(key, Arrays.asList(params));
    }
}
