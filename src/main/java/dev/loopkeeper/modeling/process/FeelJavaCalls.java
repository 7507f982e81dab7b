package dev.loopkeeper.modeling.process;

import camundajar.impl.fastparse.Parsed;
import camundajar.impl.scala.Product;
import camundajar.impl.scala.collection.Iterable;
import camundajar.impl.scala.collection.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.feel.impl.parser.FeelParser;
import org.camunda.feel.syntaxtree.JavaFunctionInvocation;

/**
 * Finds FEEL that would call Java: a function with an {@code external} body ({@code function(x) external
 * { java: { class: …, method signature: … } }}). Two ways, so that either alone refuses: the word
 * {@code external} as FEEL reads it (outside string literals, comments and backtick names, with unicode
 * escapes read as the characters they stand for), and the engine's own FEEL parser (feel-scala's
 * {@link FeelParser}, the one {@code ScalaFeelEngine} evaluates with) finding a Java function in the tree.
 */
final class FeelJavaCalls {

    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{6})");

    private FeelJavaCalls() {}

    /** Does the FEEL text use {@code external}, or parse into a call of a Java method? */
    static boolean callsJava(String feel) {
        return hasExternalKeyword(feel) || hasExternalKeyword(withUnicodeEscapesRead(feel)) || parsesToJavaCall(feel);
    }

    /** The keyword {@code external} in code: not in a string, a comment or a backtick name. */
    static boolean hasExternalKeyword(String feel) {
        int i = 0;
        int n = feel.length();
        while (i < n) {
            char c = feel.charAt(i);
            if (c == '"') {
                i = skipString(feel, i + 1);
            } else if (c == '`') {
                int end = feel.indexOf('`', i + 1);
                i = end < 0 ? n : end + 1;
            } else if (feel.startsWith("//", i)) {
                int end = feel.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (feel.startsWith("/*", i)) {
                int end = feel.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (isNameChar(c)) {
                int start = i;
                while (i < n && isNameChar(feel.charAt(i))) {
                    i++;
                }
                if (feel.substring(start, i).equals("external")) {
                    return true;
                }
            } else {
                i++;
            }
        }
        return false;
    }

    /** After the opening quote: feel-scala's string runs to the next quote, a backslash escaping any character. */
    private static int skipString(String feel, int i) {
        while (i < feel.length()) {
            char c = feel.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return i;
    }

    /** A character of a FEEL name, as feel-scala's parser reads one: a Java identifier part that is not FEEL whitespace. */
    private static boolean isNameChar(char c) {
        return Character.isJavaIdentifierPart(c) && !isFeelWhitespace(c);
    }

    /** feel-scala's {@code FeelWhitespace.isWhitespace}: the DMN 1.5 space characters. */
    private static boolean isFeelWhitespace(char c) {
        return switch (c) {
            case '\u0009',
                    '\u0020',
                    '\u0085',
                    '\u00A0',
                    '\u1680',
                    '\u180E',
                    '\u2000',
                    '\u2001',
                    '\u2002',
                    '\u2003',
                    '\u2004',
                    '\u2005',
                    '\u2006',
                    '\u2007',
                    '\u2008',
                    '\u2009',
                    '\u200A',
                    '\u200B',
                    '\u2028',
                    '\u2029',
                    '\u202F',
                    '\u205F',
                    '\u3000',
                    '\uFEFF',
                    '\n',
                    '\u000B',
                    '\u000C',
                    '\r' -> true;
            default -> false;
        };
    }

    private static String withUnicodeEscapesRead(String feel) {
        Matcher escape = UNICODE_ESCAPE.matcher(feel);
        StringBuilder read = new StringBuilder();
        while (escape.find()) {
            escape.appendReplacement(
                    read,
                    Matcher.quoteReplacement(
                            Character.toString(Integer.parseInt(escape.group(1).substring(1), 16))));
        }
        escape.appendTail(read);
        return read.toString();
    }

    /** Parsed as an expression and as unary tests (an input entry), as the engine would; a Java call anywhere. */
    static boolean parsesToJavaCall(String feel) {
        List<Function<String, Parsed<?>>> parsers = List.of(FeelParser::parseExpression, FeelParser::parseUnaryTests);
        for (Function<String, Parsed<?>> parser : parsers) {
            Parsed<?> parsed;
            try {
                parsed = parser.apply(feel);
            } catch (RuntimeException | StackOverflowError e) {
                return true; // what we cannot parse we cannot vouch for; the engine's parser is the same code
            }
            if (parsed instanceof Parsed.Success<?> success && containsJavaCall(success.value(), 0)) {
                return true;
            }
        }
        return false;
    }

    /** Walks the syntax tree generically (case classes, lists, options, tuples), so no node type is missed. */
    private static boolean containsJavaCall(Object node, int depth) {
        if (node instanceof JavaFunctionInvocation) {
            return true;
        }
        if (depth > 500) {
            return true;
        }
        Iterator<?> parts = node instanceof Product product
                ? product.productIterator()
                : node instanceof Iterable<?> iterable ? iterable.iterator() : null;
        while (parts != null && parts.hasNext()) {
            if (containsJavaCall(parts.next(), depth + 1)) {
                return true;
            }
        }
        return false;
    }
}
