package dev.loopkeeper.casework.ui;

import com.vaadin.flow.i18n.I18NProvider;
import dev.loopkeeper.casework.CaseOutcome;
import dev.loopkeeper.casework.CaseState;
import dev.loopkeeper.casework.ClosedLoop;
import dev.loopkeeper.casework.ContactOutcome;
import dev.loopkeeper.casework.TaskFilter;
import dev.loopkeeper.casework.TaskView;
import dev.loopkeeper.insight.ImprovementProcess;
import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.sharedkernel.persistence.Tally;
import dev.loopkeeper.sharedkernel.ui.Times;
import java.util.Locale;
import java.util.Map;

/**
 * The words for the kinds of things casework shows (saved views, states, outcomes, segments, channels) in the
 * language of the UI asking. A switch per kind, so that a new value does not compile without its words and the
 * completeness test sees every key; the enums' own labels stay English for logs, emails and the API.
 */
final class Labels {

    private Labels() {}

    static String of(TaskView view) {
        return switch (view) {
            case MY_WORK -> I18NProvider.translate("casework.view.my-work");
            case MINE -> I18NProvider.translate("casework.view.mine");
            case UNCLAIMED -> I18NProvider.translate("casework.view.unclaimed");
            case DUE_TODAY -> I18NProvider.translate("casework.view.due-today");
            case BREACHED -> I18NProvider.translate("casework.view.breached");
            case ALL_OPEN -> I18NProvider.translate("casework.view.all-open");
        };
    }

    static String of(CaseState state) {
        return switch (state) {
            case TO_DO -> I18NProvider.translate("casework.state.to-do");
            case WAITING_FOR_REPLY -> I18NProvider.translate("casework.state.waiting-for-reply");
            case WAITING_FOR_FIX -> I18NProvider.translate("casework.state.waiting-for-fix");
            case CLOSED -> I18NProvider.translate("casework.state.closed");
        };
    }

    /** An outcome as the filters offer it ("no follow-up"). */
    static String of(CaseOutcome outcome) {
        return switch (outcome) {
            case RESOLVED -> I18NProvider.translate("casework.outcome.resolved");
            case UNREACHABLE -> I18NProvider.translate("casework.outcome.unreachable");
            case THANKED -> I18NProvider.translate("casework.outcome.thanked");
            case NO_FOLLOW_UP -> I18NProvider.translate("casework.outcome.no-follow-up");
        };
    }

    /** An outcome as a closed case names it ("closed: no-follow-up"), the English being the outcome's key. */
    static String closedAs(CaseOutcome outcome) {
        return switch (outcome) {
            case RESOLVED -> I18NProvider.translate("casework.closed-as.resolved");
            case UNREACHABLE -> I18NProvider.translate("casework.closed-as.unreachable");
            case THANKED -> I18NProvider.translate("casework.closed-as.thanked");
            case NO_FOLLOW_UP -> I18NProvider.translate("casework.closed-as.no-follow-up");
        };
    }

    static String of(Segment segment) {
        return switch (segment) {
            case DETRACTOR -> I18NProvider.translate("casework.segment.detractor");
            case PASSIVE -> I18NProvider.translate("casework.segment.passive");
            case PROMOTER -> I18NProvider.translate("casework.segment.promoter");
        };
    }

    static String of(ContactOutcome outcome) {
        return switch (outcome) {
            case REACHED -> I18NProvider.translate("casework.contact-outcome.reached");
            case NO_ANSWER -> I18NProvider.translate("casework.contact-outcome.no-answer");
            case WRONG_CONTACT_DETAILS -> I18NProvider.translate("casework.contact-outcome.wrong-contact-details");
        };
    }

    /** A channel as a name ("Phone"). */
    static String of(Channel channel) {
        return switch (channel) {
            case PHONE -> I18NProvider.translate("casework.channel.phone");
            case EMAIL -> I18NProvider.translate("casework.channel.email");
            case SMS -> I18NProvider.translate("casework.channel.sms");
        };
    }

    /** A channel inside a sentence ("prefers phone"). */
    static String inSentence(Channel channel) {
        return switch (channel) {
            case PHONE -> I18NProvider.translate("casework.channel.in-sentence.phone");
            case EMAIL -> I18NProvider.translate("casework.channel.in-sentence.email");
            case SMS -> I18NProvider.translate("casework.channel.in-sentence.sms");
        };
    }

    /** A number of tasks, singular for one. */
    static String tasks(long n) {
        return n == 1
                ? I18NProvider.translate("casework.tasks.one", n)
                : I18NProvider.translate("casework.tasks.many", n);
    }

    /** How many tasks a list holds, or about how many where the count was estimated. */
    static String tasksFound(Tally tally) {
        if (tally.estimated()) {
            return I18NProvider.translate("casework.found.tasks.about", tally.count());
        }
        return tally.count() == 1
                ? I18NProvider.translate("casework.found.tasks.one", tally.count())
                : I18NProvider.translate("casework.found.tasks.many", tally.count());
    }

    static String casesFound(Tally tally) {
        if (tally.estimated()) {
            return I18NProvider.translate("casework.found.cases.about", tally.count());
        }
        return tally.count() == 1
                ? I18NProvider.translate("casework.found.cases.one", tally.count())
                : I18NProvider.translate("casework.found.cases.many", tally.count());
    }

    /**
     * A task's name in the user's language where it is one of ours as we named it; a name a process owner gave in
     * their own model stays theirs.
     */
    static String task(String name) {
        String key = TaskFilter.TASKS.entrySet().stream()
                .filter(task -> task.getValue().equals(name))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
        return key == null ? name : taskOfKey(key);
    }

    /** One of our tasks by its element id, for the tasklist's filter. */
    static String taskOfKey(String key) {
        return switch (key) {
            case ClosedLoop.CONTACT_CUSTOMER -> I18NProvider.translate("casework.task.contact-customer");
            case ClosedLoop.LOG_RESOLUTION -> I18NProvider.translate("casework.task.log-resolution");
            case ClosedLoop.THANK_PROMOTER -> I18NProvider.translate("casework.task.thank-promoter");
            case ClosedLoop.REVIEW_ESCALATION -> I18NProvider.translate("casework.task.review-escalation");
            case ImprovementProcess.IMPLEMENT -> I18NProvider.translate("casework.task.implement");
            case ImprovementProcess.VERIFY_FIX -> I18NProvider.translate("casework.task.verify-fix");
            default -> TaskFilter.TASKS.getOrDefault(key, key);
        };
    }

    /** A task's name inside a sentence: lower case, except in German, whose nouns keep their capital. */
    static String taskInSentence(String name) {
        String translated = task(name);
        return Times.locale().getLanguage().equals(Locale.GERMAN.getLanguage())
                ? translated
                : translated.toLowerCase(Times.locale());
    }
}
