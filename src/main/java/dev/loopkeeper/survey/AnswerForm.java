package dev.loopkeeper.survey;

import dev.loopkeeper.sharedkernel.Channel;

/**
 * What a customer filled in on the answer page.
 *
 * @param mayContact whether we may get in touch about the answer
 * @param channel    how they prefer to be reached, if they said
 */
public record AnswerForm(int score, String comment, boolean mayContact, Channel channel) {

    public AnswerForm {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("A score is 0 to 10, not " + score);
        }
        comment = comment == null || comment.isBlank() ? null : comment.strip();
        if (comment != null && comment.length() > 4000) {
            throw new IllegalArgumentException("A comment has at most 4000 characters");
        }
    }
}
