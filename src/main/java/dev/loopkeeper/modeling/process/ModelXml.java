package dev.loopkeeper.modeling.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
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
 */
final class ModelXml {

    /** Entities and DTDs are refused before any of their content is looked at. */
    static final String DOCTYPE_REFUSED = "XML with a DOCTYPE or ENTITY declaration is refused (it could read files "
            + "or exhaust memory on the server)";

    private ModelXml() {
    }

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
        final StringBuilder text = new StringBuilder();

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

        String text() {
            return text.toString().strip();
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

    record Attribute(String namespace, String name, String value) {
    }

    /** Not well-formed, or carrying a DOCTYPE. */
    static final class Unreadable extends Exception {

        final int line;

        Unreadable(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    static Node parse(byte[] xml) throws Unreadable {
        TreeBuilder builder = new TreeBuilder();
        try {
            parser().parse(new ByteArrayInputStream(xml), builder);
        } catch (SAXParseException e) {
            String message = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? DOCTYPE_REFUSED : "Not well-formed XML: " + e.getMessage();
            throw new Unreadable(message, Math.max(e.getLineNumber(), 0));
        } catch (SAXException | IOException e) {
            throw new Unreadable("Not readable as XML: " + e.getMessage(), 0);
        }
        if (builder.root == null) {
            throw new Unreadable("Empty XML document", 0);
        }
        return builder.root;
    }

    private static SAXParser parser() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
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
                node.attributes.putIfAbsent(attributes.getLocalName(i), attributes.getValue(i));
                node.all.add(new Attribute(attributes.getURI(i), attributes.getLocalName(i), attributes.getValue(i)));
            }
            if (current == null) {
                root = node;
            } else {
                current.children.add(node);
            }
            current = node;
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            current = current.parent;
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (current != null) {
                current.text.append(ch, start, length);
            }
        }
    }
}
