package dev.loopkeeper.survey;

/** An answer that cannot be taken: the survey was answered before (its links work once), or there is no such one. */
public class SurveyAnswerRefused extends RuntimeException {

    private final boolean answeredBefore;

    SurveyAnswerRefused(String message, boolean answeredBefore) {
        super(message);
        this.answeredBefore = answeredBefore;
    }

    public boolean isAnsweredBefore() {
        return answeredBefore;
    }
}
