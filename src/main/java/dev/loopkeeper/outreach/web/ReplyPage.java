package dev.loopkeeper.outreach.web;

import dev.loopkeeper.outreach.Outreach;
import dev.loopkeeper.outreach.ReplyLinks;
import dev.loopkeeper.outreach.ReplyLinks.InvalidReplyLink;
import dev.loopkeeper.outreach.template.MessageTemplates;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/**
 * {@code /reply/{token}}, the page a reply link opens; public, no session. The GET only asks; the reply is
 * recorded by the POST of its button: mail filters and link previews open every link in an email, and a
 * GET that counted would make customers "reply" who never saw the message.
 */
@Controller
class ReplyPage {

    private final ReplyLinks links;
    private final Outreach outreach;
    private final MessageTemplates templates;

    ReplyPage(ReplyLinks links, Outreach outreach, MessageTemplates templates) {
        this.links = links;
        this.outreach = outreach;
        this.templates = templates;
    }

    @GetMapping("/reply/{token}")
    ResponseEntity<String> ask(
            @PathVariable String token,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accepted) {
        String language = languageOf(accepted);
        try {
            links.verify(token);
            return page(HttpStatus.OK, "reply-ask", Map.of("token", token), language);
        } catch (InvalidReplyLink invalid) {
            return refused(invalid, language);
        }
    }

    /** A second POST publishes the reply again; listeners ignore replies they are not waiting for. */
    @PostMapping("/reply/{token}")
    ResponseEntity<String> reply(
            @PathVariable String token,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accepted) {
        String language = languageOf(accepted);
        try {
            ReplyLinks.Reply reply = links.verify(token);
            outreach.replyReceived(reply.caseId(), reply.channel(), null);
            return page(HttpStatus.OK, "reply-thanks", Map.of(), language);
        } catch (InvalidReplyLink invalid) {
            return refused(invalid, language);
        }
    }

    private ResponseEntity<String> refused(InvalidReplyLink invalid, String language) {
        return invalid.isExpired()
                ? page(HttpStatus.GONE, "reply-expired", Map.of(), language)
                : page(HttpStatus.NOT_FOUND, "reply-invalid", Map.of(), language);
    }

    /**
     * The language the browser asks for first ({@code de-AT,de;q=0.9} is German); none without the header, so a
     * server's own default never decides a customer's page.
     */
    static String languageOf(String accepted) {
        if (accepted == null || accepted.isBlank() || accepted.length() > 200) {
            return null;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(accepted);
            return ranges.isEmpty()
                    ? null
                    : Locale.forLanguageTag(ranges.get(0).getRange()).getLanguage();
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** In the language the customer's browser asks for first, where the page has it; English otherwise. */
    private ResponseEntity<String> page(
            HttpStatus status, String name, Map<String, Object> variables, String language) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .body(templates.page(name, variables, language));
    }
}
