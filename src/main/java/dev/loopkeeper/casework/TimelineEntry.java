package dev.loopkeeper.casework;

import dev.loopkeeper.sharedkernel.Words;
import java.time.Instant;

/**
 * One thing that happened to a case, for its timeline.
 *
 * @param kind        what sort of thing, for an icon: response, alert, attempt, email, sms, breach, extension,
 *                    comment, resolution, closed
 * @param title       in English, as the API and exports give it
 * @param titleWords  the title as a screen says it in the reader's language; none: the title as it is
 * @param detailWords the same for the detail; none: the detail as it is (a note, a comment)
 */
public record TimelineEntry(
        Instant at, String kind, String title, String detail, String who, Words titleWords, Words detailWords) {

    /** An entry whose words are data (a comment, a name): shown as they are, in every language. */
    public TimelineEntry(Instant at, String kind, String title, String detail, String who) {
        this(at, kind, title, detail, who, null, null);
    }

    /** The same entry, with the words a screen says its title and detail in, in the reader's language. */
    public TimelineEntry saying(Words title, Words detail) {
        return new TimelineEntry(at, kind, this.title, this.detail, who, title, detail);
    }
}
