package dev.loopkeeper.outreach.template;

import dev.loopkeeper.outreach.MessageStep;
import dev.loopkeeper.sharedkernel.Segment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The templates under {@code templates/outreach/}: {@code <step>-<segment>.html} where a segment needs its
 * own words, else {@code <step>.html}; SMS texts likewise under {@code sms/} as {@code .txt}. An email's
 * subject is its {@code <title>}, so wording and subject are edited in one file. English at the top; another
 * language in a folder of its own ({@code de/}, {@code sms/de/}), used for a customer who speaks it, English where
 * that language has no template for the step.
 */
@Component
public class MessageTemplates {

    private static final String ROOT = "templates/outreach/";
    /** A language as cases keep it: two or three lower-case letters, never a path. */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private static final Set<String> LANGUAGES = languages();
    private static final Map<String, Boolean> PRESENT = new ConcurrentHashMap<>();

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
        return emailTemplate(step, segment, null);
    }

    /** The same in the customer's language when there is one for the step, e.g. {@code de/thank-you-promoter}. */
    public String emailTemplate(MessageStep step, Segment segment, String language) {
        return inLanguage("", step, segment, ".html", language);
    }

    public String smsTemplate(MessageStep step, Segment segment) {
        return smsTemplate(step, segment, null);
    }

    public String smsTemplate(MessageStep step, Segment segment, String language) {
        return "sms/" + inLanguage("sms/", step, segment, ".txt", language);
    }

    private static String inLanguage(String folder, MessageStep step, Segment segment, String suffix, String language) {
        if (speaks(language)) {
            String own = folder + language + "/";
            if (exists(own + step.key() + suffix)
                    || (segment != null && exists(own + step.key() + "-" + segment.key() + suffix))) {
                return language + "/" + mostSpecific(own, step, segment, suffix);
            }
        }
        return mostSpecific(folder, step, segment, suffix);
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

    /** Whether there are templates in the language: one of our folders, never a path a caller made up. */
    private static boolean speaks(String language) {
        return language != null && !"en".equals(language) && LANGUAGES.contains(language);
    }

    /** Every send asks which templates there are; the class path does not change, so it is asked once per name. */
    private static boolean exists(String path) {
        return PRESENT.computeIfAbsent(path, p -> new ClassPathResource(ROOT + p).exists());
    }

    /** The languages with a folder of templates ({@code de/}, {@code sms/es/}, {@code page/de/}). */
    private static Set<String> languages() {
        try {
            Set<String> found = new TreeSet<>();
            for (Resource template :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:" + ROOT + "**/*.*")) {
                String[] path = template.getURL().getPath().split("/");
                String folder = path.length > 1 ? path[path.length - 2] : "";
                if (LANGUAGE.matcher(folder).matches()) {
                    found.add(folder);
                }
            }
            return Set.copyOf(found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return page(name, variables, null);
    }

    /** The same in the language given (the customer's browser's), where the page has words in it; else English. */
    public String page(String name, Map<String, Object> variables, String language) {
        String own = speaks(language) && exists("page/" + language + "/" + name + ".html")
                ? "page/" + language + "/"
                : "page/";
        return engine.process(own + name + ".html", new Context(null, variables));
    }
}
