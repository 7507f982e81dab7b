package dev.loopkeeper.survey;

import java.util.Locale;

/** The messages a survey sends, each with its own words per language. */
public enum SurveyMessage {
    INVITATION("The invitation"),
    RESURVEY("The re-survey after a case closed"),
    REMINDER("The one reminder");

    private final String label;

    SurveyMessage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** As stored and logged: {@code invitation}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
