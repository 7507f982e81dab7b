package dev.loopkeeper.survey;

import dev.loopkeeper.sharedkernel.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A survey template's text: literal words and {@code {{placeholder}}} (or {@code {{placeholder|words if empty}}})
 * from the fixed list of {@link Placeholder}s. There are no expressions, conditions or loops, so a template a
 * process owner writes can say anything but run nothing: a placeholder is looked up by name in our list, everything
 * else is text. {@link #check} refuses what would not work before it is saved; {@link #of} reads whatever is stored
 * (a row edited behind the screen's back included) and turns anything it does not know into text.
 */
final class TemplateText {

    /** A piece of a template: words as written, or a placeholder our code fills. */
    sealed interface Piece permits Words, Slot {}

    record Words(String text) implements Piece {}

    /** @param fallback what stands in for an empty value, as written (never interpreted either) */
    record Slot(Placeholder placeholder, String fallback) implements Piece {}

    private static final Pattern SLOT = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern INSIDE =
            Pattern.compile("\\s*([A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)?)\\s*(?:\\|([^{}|]*))?");
    /**
     * What other template languages evaluate (Thymeleaf, SpEL, JSP, EL, Jinja). Here it would only be text, but a
     * process owner who writes it expects it to work, so it is refused with a word of why.
     */
    private static final Pattern EXPRESSION = Pattern.compile("[$#*@~%]\\{|\\[\\[|\\[\\(|<%|\\{%");

    private final List<Piece> pieces;

    private TemplateText(List<Piece> pieces) {
        this.pieces = List.copyOf(pieces);
    }

    /** What is wrong with the text as this part of a template, in English; empty: fine. */
    static Optional<String> check(String source, TemplatePart part) {
        return problem(source, part).map(Reason::message);
    }

    /** What is wrong with the text as this part of a template, in words a process owner can act on; empty: fine. */
    static Optional<Reason> problem(String source, TemplatePart part) {
        if (source == null || source.isBlank()) {
            return Optional.of(Reason.of("Required", "survey.refused.template.required"));
        }
        if (source.length() > part.maxLength()) {
            return Optional.of(Reason.of(
                    "At most " + part.maxLength() + " characters, not " + source.length(),
                    "survey.refused.template.too-long",
                    part.maxLength(),
                    source.length()));
        }
        Matcher expression = EXPRESSION.matcher(source);
        if (expression.find()) {
            return Optional.of(Reason.of(
                    "\"" + expression.group()
                            + "…\" looks like an expression: templates have none, only placeholders such as "
                            + "{{customer.firstName}}",
                    "survey.refused.template.expression",
                    expression.group()));
        }
        Matcher slot = SLOT.matcher(source);
        int end = 0;
        boolean hasRequired = false;
        while (slot.find()) {
            Optional<Reason> stray = stray(source.substring(end, slot.start()));
            if (stray.isPresent()) {
                return stray;
            }
            end = slot.end();
            Matcher inside = INSIDE.matcher(slot.group(1));
            Optional<Placeholder> placeholder = inside.matches() ? Placeholder.of(inside.group(1)) : Optional.empty();
            if (placeholder.isEmpty()) {
                return Optional.of(Reason.of(
                        "Unknown placeholder " + slot.group() + ": use one of " + allowedIn(part),
                        "survey.refused.template.unknown",
                        slot.group(),
                        allowedIn(part)));
            }
            if (!placeholder.get().isAllowedIn(part)) {
                return Optional.of(Reason.of(
                        slot.group() + " cannot be used in the " + part.label().toLowerCase() + ": use one of "
                                + allowedIn(part),
                        "survey.refused.template.not-in." + part.key(),
                        slot.group(),
                        allowedIn(part)));
            }
            hasRequired |= part.required().equals(placeholder);
        }
        Optional<Reason> stray = stray(source.substring(end));
        if (stray.isPresent()) {
            return stray;
        }
        if (!hasRequired && part.required().isPresent()) {
            Placeholder needed = part.required().get();
            return Optional.of(Reason.of(
                    "Needs {{" + needed.key() + "}}: " + needed.meaning(),
                    "survey.refused.template.needs",
                    "{{" + needed.key() + "}}",
                    dev.loopkeeper.sharedkernel.Words.of(needed.wordsKey())));
        }
        return Optional.empty();
    }

    /** Reads a stored template: known placeholders become slots, anything else stays words. */
    static TemplateText of(String source, TemplatePart part) {
        List<Piece> pieces = new ArrayList<>();
        Matcher slot = SLOT.matcher(source == null ? "" : source);
        StringBuilder words = new StringBuilder();
        int end = 0;
        while (slot.find()) {
            words.append(source, end, slot.start());
            end = slot.end();
            Matcher inside = INSIDE.matcher(slot.group(1));
            Optional<Placeholder> placeholder = inside.matches()
                    ? Placeholder.of(inside.group(1)).filter(p -> p.isAllowedIn(part))
                    : Optional.empty();
            if (placeholder.isEmpty()) {
                words.append(slot.group());
                continue;
            }
            if (!words.isEmpty()) {
                pieces.add(new Words(words.toString()));
                words.setLength(0);
            }
            pieces.add(new Slot(
                    placeholder.get(),
                    inside.group(2) == null ? "" : inside.group(2).strip()));
        }
        if (source != null) {
            words.append(source.substring(end));
        }
        if (!words.isEmpty()) {
            pieces.add(new Words(words.toString()));
        }
        return new TemplateText(pieces);
    }

    List<Piece> pieces() {
        return pieces;
    }

    /**
     * The text with each piece written as the caller says: words escaped for HTML in an email, say, and each slot
     * by its value.
     */
    String render(Function<String, String> words, Function<Slot, String> slots) {
        StringBuilder out = new StringBuilder();
        for (Piece piece : pieces) {
            out.append(piece instanceof Slot slot ? slots.apply(slot) : words.apply(((Words) piece).text()));
        }
        return out.toString();
    }

    private static Optional<Reason> stray(String words) {
        if (words.contains("{{") || words.contains("}}")) {
            return Optional.of(Reason.of(
                    "A placeholder is not closed: write {{name}}, two braces on each side",
                    "survey.refused.template.not-closed"));
        }
        return Optional.empty();
    }

    static String allowedIn(TemplatePart part) {
        return Arrays.stream(Placeholder.values())
                .filter(p -> p.isAllowedIn(part))
                .map(p -> "{{" + p.key() + "}}")
                .collect(Collectors.joining(", "));
    }
}
