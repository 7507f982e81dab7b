package dev.loopkeeper.survey.web;

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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(
                    "EEEE d MMMM, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final SurveyLinks links;
    private final Surveys surveys;
    private final SurveySettings settings;
    private final TemplateEngine engine = new TemplateEngine();

    SurveyPages(SurveyLinks links, Surveys surveys, SurveySettings settings) {
        this.links = links;
        this.surveys = surveys;
        this.settings = settings;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/survey/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        engine.setTemplateResolver(resolver);
    }

    @GetMapping("/survey/{token}")
    ResponseEntity<String> ask(@PathVariable String token) {
        return withInvitation(token, Purpose.ANSWER, (link, invitation) -> {
            Integer score = link.score();
            return page(HttpStatus.OK, "answer", form(score, null, null));
        });
    }

    @PostMapping("/survey/{token}")
    ResponseEntity<String> answer(
            @PathVariable String token,
            @RequestParam(required = false) Integer score,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) String contact,
            @RequestParam(required = false) String channel) {
        return withInvitation(token, Purpose.ANSWER, (link, invitation) -> {
            if (score == null || score < 0 || score > 10) {
                return page(
                        HttpStatus.BAD_REQUEST, "answer", form(null, comment, "Please choose a score from 0 to 10."));
            }
            if (comment != null && comment.length() > 4000) {
                return page(
                        HttpStatus.BAD_REQUEST,
                        "answer",
                        form(score, comment, "Please keep the comment under 4000 characters."));
            }
            boolean mayContact = "yes".equals(contact);
            AnswerReceipt receipt = surveys.answer(
                    invitation.invitationId(), new AnswerForm(score, comment, mayContact, channel(channel)));
            Map<String, Object> model = new HashMap<>();
            model.put("segment", receipt.segment().key());
            model.put("mayContact", mayContact);
            model.put("caller", receipt.caller());
            model.put("callBy", receipt.callBy() == null ? null : WHEN.format(receipt.callBy()));
            model.put(
                    "reviewUrl",
                    settings.reviewUrl() == null ? null : settings.reviewUrl().toString());
            return page(HttpStatus.OK, "thanks", model);
        });
    }

    @GetMapping("/survey/unsubscribe/{token}")
    ResponseEntity<String> askToUnsubscribe(@PathVariable String token) {
        return withLink(
                token,
                Purpose.UNSUBSCRIBE,
                link -> page(
                        HttpStatus.OK,
                        "unsubscribe",
                        Map.of("unsubscribed", surveys.isUnsubscribed(link.invitationId()))));
    }

    /** {@code again=yes} opts back in. */
    @PostMapping("/survey/unsubscribe/{token}")
    ResponseEntity<String> unsubscribe(@PathVariable String token, @RequestParam(required = false) String again) {
        return withLink(token, Purpose.UNSUBSCRIBE, link -> {
            if ("yes".equals(again)) {
                surveys.resubscribe(link.invitationId());
                return page(HttpStatus.OK, "resubscribed", Map.of());
            }
            surveys.unsubscribe(link.invitationId());
            return page(HttpStatus.OK, "unsubscribe", Map.of("unsubscribed", true, "justNow", true));
        });
    }

    private interface WithInvitation {
        ResponseEntity<String> show(SurveyLink link, SurveyInvitationView invitation);
    }

    private ResponseEntity<String> withInvitation(String token, Purpose purpose, WithInvitation action) {
        return withLink(token, purpose, link -> {
            Optional<SurveyInvitationView> invitation = surveys.find(link.invitationId());
            if (invitation.isEmpty()) {
                return page(HttpStatus.NOT_FOUND, "invalid", Map.of());
            }
            if (invitation.get().status() == InvitationStatus.ANSWERED) {
                return page(HttpStatus.GONE, "answered", Map.of());
            }
            try {
                return action.show(link, invitation.get());
            } catch (SurveyAnswerRefused refused) {
                return refused.isAnsweredBefore()
                        ? page(HttpStatus.GONE, "answered", Map.of())
                        : page(HttpStatus.NOT_FOUND, "invalid", Map.of());
            }
        });
    }

    private ResponseEntity<String> withLink(
            String token, Purpose purpose, java.util.function.Function<SurveyLink, ResponseEntity<String>> action) {
        SurveyLink link;
        try {
            link = links.verify(token, purpose);
        } catch (InvalidSurveyLink invalid) {
            return invalid.isExpired()
                    ? page(HttpStatus.GONE, "expired", Map.of())
                    : page(HttpStatus.NOT_FOUND, "invalid", Map.of());
        }
        try {
            return action.apply(link);
        } catch (SurveyAnswerRefused refused) {
            return page(HttpStatus.NOT_FOUND, "invalid", Map.of());
        }
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

    private ResponseEntity<String> page(HttpStatus status, String name, Map<String, Object> variables) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(engine.process(name, new Context(Locale.ENGLISH, variables)));
    }
}
