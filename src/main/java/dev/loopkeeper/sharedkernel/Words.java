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
        params = List.copyOf(params);
    }

    public static Words of(String key, Object... params) {
        return new Words(key, Arrays.asList(params));
    }
}
