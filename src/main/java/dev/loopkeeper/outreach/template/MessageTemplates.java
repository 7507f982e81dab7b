package dev.loopkeeper.outreach.template;

import dev.loopkeeper.outreach.MessageStep;
import dev.loopkeeper.sharedkernel.Segment;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The templates under {@code templates/outreach/}: {@code <step>-<segment>.html} where a segment needs its
 * own words, else {@code <step>.html}; SMS texts likewise under {@code sms/} as {@code .txt}. An email's
 * subject is its {@code <title>}, so wording and subject are edited in one file.
 */
@Component
public class MessageTemplates {

    private static final String ROOT = "templates/outreach/";
    private static final Pattern TITLE =
            Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    /** An email ready to send. */
    public record Email(String template, String subject, String html, String text) {}

    private final TemplateEngine engine = new TemplateEngine();

    MessageTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(ROOT);
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setTextTemplateModePatterns(Set.of("*.txt"));
        resolver.setCharacterEncoding("UTF-8");
        engine.setTemplateResolver(resolver);
    }

    /** The most specific email template there is for the step and segment, e.g. {@code thank-you-promoter}. */
    public String emailTemplate(MessageStep step, Segment segment) {
        return mostSpecific("", step, segment, ".html");
    }

    public String smsTemplate(MessageStep step, Segment segment) {
        return "sms/" + mostSpecific("sms/", step, segment, ".txt");
    }

    private static String mostSpecific(String folder, MessageStep step, Segment segment, String suffix) {
        if (segment != null) {
            String specific = step.key() + "-" + segment.key();
            if (exists(folder + specific + suffix)) {
                return specific;
            }
        }
        if (!exists(folder + step.key() + suffix)) {
            throw new IllegalStateException("No template " + ROOT + folder + step.key() + suffix);
        }
        return step.key();
    }

    private static boolean exists(String path) {
        return new ClassPathResource(ROOT + path).exists();
    }

    public Email email(String template, Map<String, Object> variables) {
        String html = engine.process(template + ".html", new Context(null, variables));
        Matcher title = TITLE.matcher(html);
        if (!title.find() || title.group(1).isBlank()) {
            throw new IllegalStateException("Template " + template + ".html needs a <title>: it is the subject");
        }
        String subject =
                HtmlUtils.htmlUnescape(title.group(1)).replaceAll("\\s+", " ").strip();
        return new Email(template, subject, html, PlainText.of(html));
    }

    public String text(String template, Map<String, Object> variables) {
        return engine.process(template + ".txt", new Context(null, variables)).strip();
    }

    /** A page of our own, such as the one a reply link opens. */
    public String page(String name, Map<String, Object> variables) {
        return engine.process("page/" + name + ".html", new Context(null, variables));
    }
}
