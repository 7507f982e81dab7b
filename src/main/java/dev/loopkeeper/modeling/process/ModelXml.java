package dev.loopkeeper.modeling.process;

import dev.loopkeeper.modeling.ModelProblem;
import dev.loopkeeper.sharedkernel.Words;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A BPMN or DMN file read into a small tree that keeps each element's line, so a problem can point at
 * it. The parser refuses any DOCTYPE, which is how entity tricks (XXE, billion laughs) enter: a model
 * never needs one.
 * <p>
 * It reads the characters the engine reads. The engine parses BPMN with SAX from the same bytes (its
 * {@code util.xml.Parser}: namespace aware, {@code namespace-prefixes} on, secure processing, no DOCTYPE)
 * and appends every character chunk to the innermost open element ({@code ParseHandler}), so an element's
 * text is its own chunks around its children, across comments and CDATA ({@link Node#ownText()}). DMN is
 * read into a DOM by camunda-xml-model, whose {@code getTextContent()} is the text of all descendants
 * ({@link Node#deepText}). Both also validate against their XSD, which we do not: a schema only adds default
 * attributes of its own and normalises whitespace, neither of which adds a character an expression could
 * use; a schema the model names itself ({@code xsi:schemaLocation}) could add any attribute, and the rules
 * refuse those hints.
 */
final class ModelXml {

    /** Entities and DTDs are refused before any of their content is looked at. */
    static final String DOCTYPE_REFUSED = "XML with a DOCTYPE or ENTITY declaration is refused (it could read files "
            + "or exhaust memory on the server)";

    private ModelXml() {}

    /** The namespace of {@code xmlns} declarations, which {@code namespace-prefixes} reports as attributes. */
    static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    /** One element: namespace, local name, attributes by local name (any namespace), children and text. */
    static final class Node {

        final String namespace;
        final String name;
        final int line;
        final Node parent;
        /** By local name; where two namespaces use one name, the first stays here, both stay in {@link #all}. */
        final Map<String, String> attributes = new LinkedHashMap<>();
        /** Every attribute, so a scan over values misses none. */
        final List<Attribute> all = new ArrayList<>();

        final List<Node> children = new ArrayList<>();
        /** Text chunks ({@link StringBuilder}) and children ({@link Node}), in document order. */
        final List<Object> content = new ArrayList<>();

        Node(String namespace, String name, int line, Node parent) {
            this.namespace = namespace;
            this.name = name;
            this.line = line;
            this.parent = parent;
        }

        String attribute(String localName) {
            return attributes.get(localName);
        }

        String id() {
            return attributes.get("id");
        }

        /** The element's own text, stripped. */
        String text() {
            return ownText().strip();
        }

        /** Its own text chunks, joined: what the engine's BPMN parser keeps as the element's text. */
        String ownText() {
            StringBuilder own = new StringBuilder();
            content.stream().filter(StringBuilder.class::isInstance).forEach(own::append);
            return own.toString();
        }

        /**
         * All text below it in document order, as the DOM's {@code getTextContent()}, leaving out the subtrees
         * of the elements {@code skipped} says.
         */
        String deepText(Predicate<Node> skipped) {
            StringBuilder deep = new StringBuilder();
            appendDeepText(deep, skipped);
            return deep.toString();
        }

        private void appendDeepText(StringBuilder deep, Predicate<Node> skipped) {
            for (Object part : content) {
                if (part instanceof Node child) {
                    if (!skipped.test(child)) {
                        child.appendDeepText(deep, skipped);
                    }
                } else {
                    deep.append((CharSequence) part);
                }
            }
        }

        boolean hasElementChildren() {
            return !children.isEmpty();
        }

        /** A problem at this element: the nearest element with an id names it, the line is this element's. */
        ModelProblem problem(String resource, String message, Words words) {
            Node named = identified().orElse(null);
            return new ModelProblem(resource, named == null ? null : named.id(), line, message, words);
        }

        /** The nearest element with an id, itself included: what a problem points at. */
        Optional<Node> identified() {
            for (Node n = this; n != null; n = n.parent) {
                if (n.id() != null && !n.id().isBlank()) {
                    return Optional.of(n);
                }
            }
            return Optional.empty();
        }

        List<Node> children(String localName) {
            return children.stream().filter(c -> c.name.equals(localName)).toList();
        }

        Optional<Node> child(String localName) {
            return children.stream().filter(c -> c.name.equals(localName)).findFirst();
        }

        /** This element and everything below it, depth first, in document order. */
        void walk(Consumer<Node> visitor) {
            visitor.accept(this);
            for (Node child : children) {
                child.walk(visitor);
            }
        }

        List<Node> descendants(String localName) {
            List<Node> found = new ArrayList<>();
            walk(n -> {
                if (n.name.equals(localName)) {
                    found.add(n);
                }
            });
            return Collections.unmodifiableList(found);
        }
    }

    record Attribute(String namespace, String name, String value) {}

    /**
     * A {@code $} or {@code #} that ends one text chunk and an opening brace that starts the next, across an
     * element's tag: text that reads as an expression only when chunks of different elements are joined.
     */
    record SplitExpression(Node before, Node after) {}

    /** Not well-formed, or carrying a DOCTYPE. */
    static final class Unreadable extends Exception {

        final int line;
        final transient Words words;

        Unreadable(String message, Words words, int line) {
            super(message);
            this.words = words;
            this.line = line;
        }
    }

    static Node parse(byte[] xml) throws Unreadable {
        TreeBuilder builder = new TreeBuilder();
        try {
            parser().parse(new ByteArrayInputStream(xml), builder);
        } catch (SAXParseException e) {
            int line = Math.max(e.getLineNumber(), 0);
            if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
                throw new Unreadable(DOCTYPE_REFUSED, Words.of("modeling.rule.doctype"), line);
            }
            throw new Unreadable(
                    "Not well-formed XML: " + e.getMessage(),
                    Words.of("modeling.rule.not-well-formed", e.getMessage()),
                    line);
        } catch (SAXException | IOException e) {
            throw new Unreadable(
                    "Not readable as XML: " + e.getMessage(), Words.of("modeling.rule.unreadable", e.getMessage()), 0);
        }
        if (builder.root == null) {
            throw new Unreadable("Empty XML document", Words.of("modeling.rule.empty"), 0);
        }
        return builder.root;
    }

    /** Every place in the document where joining the text chunks of two elements forms an expression start. */
    static List<SplitExpression> splitExpressions(Node root) {
        List<SplitExpression> found = new ArrayList<>();
        List<Map.Entry<Node, StringBuilder>> chunks = new ArrayList<>();
        collectChunks(root, chunks);
        for (int i = 1; i < chunks.size(); i++) {
            StringBuilder before = chunks.get(i - 1).getValue();
            StringBuilder after = chunks.get(i).getValue();
            char last = before.charAt(before.length() - 1);
            if ((last == '$' || last == '#') && after.charAt(0) == '{') {
                found.add(new SplitExpression(
                        chunks.get(i - 1).getKey(), chunks.get(i).getKey()));
            }
        }
        return found;
    }

    private static void collectChunks(Node node, List<Map.Entry<Node, StringBuilder>> chunks) {
        for (Object part : node.content) {
            if (part instanceof Node child) {
                collectChunks(child, chunks);
            } else if (!((StringBuilder) part).isEmpty()) {
                chunks.add(Map.entry(node, (StringBuilder) part));
            }
        }
    }

    private static SAXParser parser() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://xml.org/sax/features/namespace-prefixes", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setXIncludeAware(false);
            return factory.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("The JDK's SAX parser lacks a security feature", e);
        }
    }

    private static final class TreeBuilder extends DefaultHandler {

        Node root;
        Node current;
        Locator locator;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            Node node = new Node(uri, localName, locator == null ? 0 : locator.getLineNumber(), current);
            for (int i = 0; i < attributes.getLength(); i++) {
                String name =
                        attributes.getLocalName(i).isEmpty() ? attributes.getQName(i) : attributes.getLocalName(i);
                boolean declaration = XMLNS.equals(attributes.getURI(i))
                        || attributes.getQName(i).equals("xmlns")
                        || attributes.getQName(i).startsWith("xmlns:");
                if (!declaration) {
                    node.attributes.putIfAbsent(name, attributes.getValue(i));
                }
                node.all.add(new Attribute(declaration ? XMLNS : attributes.getURI(i), name, attributes.getValue(i)));
            }
            if (current == null) {
                root = node;
            } else {
                current.children.add(node);
                current.content.add(node);
            }
            current = node;
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            current = current.parent;
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (current == null) {
                return;
            }
            List<Object> content = current.content;
            if (content.isEmpty() || !(content.get(content.size() - 1) instanceof StringBuilder)) {
                content.add(new StringBuilder());
            }
            ((StringBuilder) content.get(content.size() - 1)).append(ch, start, length);
        }
    }
}
