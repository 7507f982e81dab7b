package dev.loopkeeper.survey.web;

import static org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE;

import dev.loopkeeper.sharedkernel.Channel;
import dev.loopkeeper.sharedkernel.Segment;
import dev.loopkeeper.survey.AnswerForm;
import dev.loopkeeper.survey.AnswerReceipt;
import dev.loopkeeper.survey.InvitationStatus;
import dev.loopkeeper.survey.SurveyAnswerRefused;
import dev.loopkeeper.survey.SurveyInvitationView;
import dev.loopkeeper.survey.SurveyLinks;
import dev.loopkeeper.survey.SurveyLinks.InvalidSurveyLink;
import dev.loopkeeper.survey.SurveyLinks.Purpose;
import dev.loopkeeper.survey.SurveyLinks.SurveyLink;
import dev.loopkeeper.survey.SurveyPhrases;
import dev.loopkeeper.survey.SurveySettings;
import dev.loopkeeper.survey.Surveys;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The hosted answer page, {@code /survey/<token>}, and the unsubscribe page, {@code /survey/unsubscribe/<token>}:
 * public, no session, no script. A GET only shows (mail filters open every link in an email); the form's POST
 * records. The token is the credential: forged or expired links, and surveys answered before, get a page that says
 * so.
 */
@Controller
class SurveyPages {

    private final SurveyLinks links;
    private final Surveys surveys;
    private final SurveySettings settings;
    private final SurveyPhrases phrases;
    private final TemplateEngine engine = new TemplateEngine();

    SurveyPages(SurveyLinks links, Surveys surveys, SurveySettings settings, SurveyPhrases phrases) {
        this.links = links;
        this.surveys = surveys;
        this.settings = settings;
        this.phrases = phrases;
        engine.setMessageResolver(new PhrasesResolver(phrases));
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/survey/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        engine.setTemplateResolver(resolver);
    }

    @GetMapping("/survey/{token}")
    ResponseEntity<String> ask(
            @PathVariable String token, @RequestHeader(name = ACCEPT_LANGUAGE, required = false) String accepted) {
        return withInvitation(token, Purpose.ANSWER, accepted, (link, invitation, locale) -> {
            Integer score = link.score();
            return page(HttpStatus.OK, "answer", locale, form(score, null, null));
        });
    }

    @PostMapping("/survey/{token}")
    ResponseEntity<String> answer(
            @PathVariable String token,
            @RequestParam(required = false) Integer score,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) String contact,
            @RequestParam(required = false) String channel,
            @RequestHeader(name = ACCEPT_LANGUAGE, required = false) String accepted) {
        return withInvitation(token, Purpose.ANSWER, accepted, (link, invitation, locale) -> {
            if (score == null || score < 0 || score > 10) {
                return page(HttpStatus.BAD_REQUEST, "answer", locale, form(null, comment, "page.answer.error.score"));
            }
            if (comment != null && comment.length() > 4000) {
                return page(
                        HttpStatus.BAD_REQUEST, "answer", locale, form(score, comment, "page.answer.error.comment"));
            }
            boolean mayContact = "yes".equals(contact);
            AnswerReceipt receipt = surveys.answer(
                    invitation.invitationId(), new AnswerForm(score, comment, mayContact, channel(channel)));
            Map<String, Object> model = new HashMap<>();
            model.put("segment", receipt.segment().key());
            model.put("mayContact", mayContact);
            model.put("caller", caller(receipt, locale));
            model.put(
                    "callBy",
                    receipt.callBy() == null
                            ? null
                            : DateTimeFormatter.ofPattern(phrases.get("page.when", locale), locale)
                                    .withZone(ZoneOffset.UTC)
                                    .format(receipt.callBy()));
            model.put(
                    "reviewUrl",
                    settings.reviewUrl() == null ? null : settings.reviewUrl().toString());
            return page(HttpStatus.OK, "thanks", locale, model);
        });
    }

    @GetMapping("/survey/unsubscribe/{token}")
    ResponseEntity<String> askToUnsubscribe(
            @PathVariable String token, @RequestHeader(name = ACCEPT_LANGUAGE, required = false) String accepted) {
        return withLink(
                token,
                Purpose.UNSUBSCRIBE,
                accepted,
                link -> page(
                        HttpStatus.OK,
                        "unsubscribe",
                        localeOf(link, accepted),
                        Map.of("unsubscribed", surveys.isUnsubscribed(link.invitationId()))));
    }

    /**
     * The page's button, and a mail client's one-click unsubscribe (RFC 8058: the {@code List-Unsubscribe} header's
     * link, POSTed with {@code List-Unsubscribe=One-Click}, no session, no cookie). {@code again=yes} opts back in.
     */
    @PostMapping("/survey/unsubscribe/{token}")
    ResponseEntity<String> unsubscribe(
            @PathVariable String token,
            @RequestParam(required = false) String again,
            @RequestHeader(name = ACCEPT_LANGUAGE, required = false) String accepted) {
        return withLink(token, Purpose.UNSUBSCRIBE, accepted, link -> {
            Locale locale = localeOf(link, accepted);
            if ("yes".equals(again)) {
                surveys.resubscribe(link.invitationId());
                return page(HttpStatus.OK, "resubscribed", locale, Map.of());
            }
            surveys.unsubscribe(link.invitationId());
            return page(HttpStatus.OK, "unsubscribe", locale, Map.of("unsubscribed", true, "justNow", true));
        });
    }

    private interface WithInvitation {
        ResponseEntity<String> show(SurveyLink link, SurveyInvitationView invitation, Locale locale);
    }

    private ResponseEntity<String> withInvitation(
            String token, Purpose purpose, String accepted, WithInvitation action) {
        return withLink(token, purpose, accepted, link -> {
            Optional<SurveyInvitationView> invitation = surveys.find(link.invitationId());
            if (invitation.isEmpty()) {
                return page(HttpStatus.NOT_FOUND, "invalid", localeOf(accepted), Map.of());
            }
            Locale locale = localeOf(invitation.get().language(), accepted);
            if (invitation.get().status() == InvitationStatus.ANSWERED) {
                return page(HttpStatus.GONE, "answered", locale, Map.of());
            }
            try {
                return action.show(link, invitation.get(), locale);
            } catch (SurveyAnswerRefused refused) {
                return refused.isAnsweredBefore()
                        ? page(HttpStatus.GONE, "answered", locale, Map.of())
                        : page(HttpStatus.NOT_FOUND, "invalid", locale, Map.of());
            }
        });
    }

    private ResponseEntity<String> withLink(
            String token,
            Purpose purpose,
            String accepted,
            java.util.function.Function<SurveyLink, ResponseEntity<String>> action) {
        SurveyLink link;
        try {
            link = links.verify(token, purpose);
        } catch (InvalidSurveyLink invalid) {
            return invalid.isExpired()
                    ? page(HttpStatus.GONE, "expired", localeOf(accepted), Map.of())
                    : page(HttpStatus.NOT_FOUND, "invalid", localeOf(accepted), Map.of());
        }
        try {
            return action.apply(link);
        } catch (SurveyAnswerRefused refused) {
            return page(HttpStatus.NOT_FOUND, "invalid", localeOf(accepted), Map.of());
        }
    }

    /** The survey's customer's language where we speak it; else what the browser asks for; else English. */
    private Locale localeOf(String language, String accepted) {
        if (language != null && SurveyPhrases.LANGUAGES.contains(language)) {
            return phrases.locale(language);
        }
        return localeOf(accepted);
    }

    private Locale localeOf(SurveyLink link, String accepted) {
        return localeOf(
                surveys.find(link.invitationId())
                        .map(SurveyInvitationView::language)
                        .orElse(null),
                accepted);
    }

    private Locale localeOf(String accepted) {
        if (accepted == null || accepted.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            String best = Locale.lookupTag(Locale.LanguageRange.parse(accepted), SurveyPhrases.LANGUAGES);
            return phrases.locale(best);
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    /** Who will call: the person who has the case, else its team, else our customer care team. */
    private String caller(AnswerReceipt receipt, Locale locale) {
        if (receipt.caller() != null) {
            return receipt.caller();
        }
        return receipt.callerTeam() != null
                ? phrases.get("page.caller.team", locale, receipt.callerTeam())
                : phrases.get("page.caller.default", locale);
    }

    private static Map<String, Object> form(Integer score, String comment, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("score", score);
        model.put("segment", score == null ? null : Segment.of(score).key());
        model.put("comment", comment);
        model.put("error", error);
        return model;
    }

    private static Channel channel(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Channel.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private ResponseEntity<String> page(HttpStatus status, String name, Locale locale, Map<String, Object> variables) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .cacheControl(CacheControl.noStore())
                .body(engine.process(name, new Context(locale, variables)));
    }
}
