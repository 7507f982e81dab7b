package dev.loopkeeper.survey;

import dev.loopkeeper.sharedkernel.Actor;
import dev.loopkeeper.sharedkernel.Reason;
import dev.loopkeeper.sharedkernel.Refusal;
import dev.loopkeeper.sharedkernel.Words;
import dev.loopkeeper.survey.domain.Wording;
import dev.loopkeeper.survey.domain.Wordings;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The words of survey messages per language, which process owners edit, and the messages made of them. A template
 * is text with {@link Placeholder}s ({@link TemplateText}); our code fills each from a fixed list and escapes it for
 * HTML, and lays out the email around the words: the scores as buttons, and an unsubscribe line that no template can
 * leave out. A customer whose language has no words gets English.
 */
@Service
public class SurveyTemplates {

    /** Every language falls back to it, so its words cannot be missing. */
    public static final String ENGLISH = "en";

    private static final String SAMPLE_CUSTOMER = "Dana Doe";

    private final Wordings wordings;
    private final SurveyPhrases phrases;
    private final SurveyLinks links;
    private final SurveySettings settings;
    private final Clock clock;

    SurveyTemplates(Wordings wordings, SurveyPhrases phrases, SurveyLinks links, SurveySettings settings, Clock clock) {
        this.wordings = wordings;
        this.phrases = phrases;
        this.links = links;
        this.settings = settings;
        this.clock = clock;
    }

    /** The languages that have words of their own, English first. */
    @Transactional(readOnly = true)
    public List<String> languages() {
        List<String> languages = new ArrayList<>(wordings.languages());
        languages.remove(ENGLISH);
        languages.add(0, ENGLISH);
        return languages;
    }

    /** The touchpoints that have words of their own, in some language. */
    @Transactional(readOnly = true)
    public List<String> touchpoints() {
        return wordings.touchpoints();
    }

    /** The words in this language for every touchpoint; for a language without any yet, English to start from. */
    @Transactional(readOnly = true)
    public SurveyWording wording(String language, SurveyMessage message) {
        return wording(language, message, "");
    }

    /**
     * The words in this language for this touchpoint ({@code ""}: every touchpoint); where there are none yet, the
     * words a customer would get now, to start from.
     */
    @Transactional(readOnly = true)
    public SurveyWording wording(String language, SurveyMessage message, String touchpoint) {
        String tp = touchpoint == null ? "" : touchpoint.strip();
        Optional<Wording> own = wordings.findById(Wording.idOf(language, message.key(), tp));
        Wording words = own.orElseGet(() -> chosen(message, language, tp));
        return new SurveyWording(
                language,
                message,
                words.getEmailSubject(),
                words.getEmailBody(),
                words.getSmsText(),
                own.map(Wording::getUpdatedBy).orElse(null),
                own.map(Wording::getUpdatedAt).orElse(null),
                tp);
    }

    /** What is wrong with each part of the words, as {@link #save} would refuse them; empty: nothing. */
    public Map<TemplatePart, Reason> problems(SurveyWording wording) {
        Map<TemplatePart, Reason> problems = new EnumMap<>(TemplatePart.class);
        for (TemplatePart part : TemplatePart.values()) {
            TemplateText.problem(wording.part(part), part).ifPresent(problem -> problems.put(part, problem));
        }
        return problems;
    }

    /**
     * Stores the words for the language (a new language too), checked first.
     *
     * @throws TemplateRejected           naming each part that is wrong; nothing is stored then
     * @throws IllegalArgumentException   for a language that is not a two-letter code
     * @throws AccessDeniedException      for anyone but a process owner or an admin
     */
    @Transactional
    public SurveyWording save(SurveyWording wording, Actor actor) {
        if (!actor.mayChangeModels()) {
            throw new AccessDeniedException("Only process owners and admins change survey templates");
        }
        if (wording.language() == null || !wording.language().matches("[a-z]{2}")) {
            throw new Refusal(
                    "A language is a two-letter code such as en or de, not " + wording.language(),
                    Words.of("survey.refused.language", wording.language()));
        }
        Map<TemplatePart, Reason> problems = problems(wording);
        if (!problems.isEmpty()) {
            throw new TemplateRejected(problems);
        }
        if (!wording.touchpoint().isEmpty() && !wording.touchpoint().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,79}")) {
            throw new Refusal(
                    "A touchpoint is a word such as installation or check-in, not " + wording.touchpoint(),
                    Words.of("survey.refused.touchpoint", wording.touchpoint()));
        }
        wordings.findById(Wording.idOf(wording.language(), wording.message().key(), wording.touchpoint()))
                .ifPresentOrElse(
                        words -> words.rewrite(
                                wording.emailSubject(),
                                wording.emailBody(),
                                wording.smsText(),
                                actor.userId(),
                                clock.instant()),
                        () -> wordings.save(new Wording(
                                wording.language(),
                                wording.message().key(),
                                wording.touchpoint(),
                                wording.emailSubject(),
                                wording.emailBody(),
                                wording.smsText(),
                                actor.userId(),
                                clock.instant())));
        return wording(wording.language(), wording.message(), wording.touchpoint());
    }

    /** The words as a sample customer would get them, with links that lead nowhere. */
    public RenderedSurvey preview(SurveyWording wording) {
        String touchpoint = wording.touchpoint().isEmpty() ? "installation" : wording.touchpoint();
        return render(wording, new Addressee(SAMPLE_CUSTOMER, touchpoint, UUID.randomUUID(), clock.instant()));
    }

    /**
     * The message for this customer in their language (English where it has no words), in the words of the survey's
     * touchpoint where it has its own, with live links.
     */
    @Transactional(readOnly = true)
    RenderedSurvey compose(SurveyMessage message, Addressee addressee, String language) {
        Wording words = chosen(message, language, addressee.touchpoint());
        return render(
                new SurveyWording(
                        words.getLanguage(),
                        message,
                        words.getEmailSubject(),
                        words.getEmailBody(),
                        words.getSmsText(),
                        null,
                        null),
                addressee);
    }

    /** Who a message goes to, and the invitation its links answer until they expire. */
    record Addressee(String name, String touchpoint, UUID invitationId, java.time.Instant expiresAt) {}

    /**
     * The words a customer gets: the language matters more than the touchpoint, since they must understand them:
     * (language, touchpoint), (language), (English, touchpoint), (English).
     */
    private Wording chosen(SurveyMessage message, String language, String touchpoint) {
        String lang = language == null ? ENGLISH : language.toLowerCase(Locale.ROOT);
        String tp = touchpoint == null ? "" : touchpoint.strip();
        return Stream.of(
                        Wording.idOf(lang, message.key(), tp),
                        Wording.idOf(lang, message.key(), ""),
                        Wording.idOf(ENGLISH, message.key(), tp),
                        Wording.idOf(ENGLISH, message.key(), ""))
                .distinct()
                .map(wordings::findById)
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No English words for the survey " + message.key()));
    }

    private RenderedSurvey render(SurveyWording wording, Addressee to) {
        Locale locale = phrases.locale(wording.language());
        List<URI> scores = IntStream.rangeClosed(0, 10)
                .mapToObj(score -> links.answer(to.invitationId(), score, to.expiresAt()))
                .toList();
        URI answer = links.answer(to.invitationId(), null, to.expiresAt());
        // asking not to be asked again is never too late: the unsubscribe link outlives the survey's own
        URI unsubscribe = links.unsubscribe(to.invitationId(), to.expiresAt().plus(java.time.Duration.ofDays(365)));
        SurveyEmail email = new SurveyEmail(phrases, locale, values(to, locale), scores, answer, unsubscribe);
        String subject = email.subject(TemplateText.of(wording.emailSubject(), TemplatePart.EMAIL_SUBJECT));
        String sms = email.text(TemplateText.of(wording.smsText(), TemplatePart.SMS_TEXT))
                        .replaceAll("\\s+", " ")
                        .strip()
                + " " + phrases.get("sms.unsubscribe", locale, unsubscribe);
        return new RenderedSurvey(
                subject,
                email.html(wording.emailBody(), subject, wording.language()),
                email.text(wording.emailBody()),
                sms,
                unsubscribe,
                wording.language());
    }

    private Map<Placeholder, String> values(Addressee to, Locale locale) {
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        String name = to.name() == null ? "" : to.name().strip();
        values.put(Placeholder.CUSTOMER_NAME, name);
        values.put(Placeholder.CUSTOMER_FIRST_NAME, name.isEmpty() ? "" : name.split("\\s+")[0]);
        values.put(Placeholder.COMPANY, settings.company());
        values.put(Placeholder.QUESTION, phrases.get("question", locale));
        values.put(Placeholder.TOUCHPOINT, to.touchpoint() == null ? "" : to.touchpoint());
        return values;
    }
}
