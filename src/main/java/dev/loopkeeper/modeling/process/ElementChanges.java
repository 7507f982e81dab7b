package dev.loopkeeper.modeling.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loopkeeper.modeling.ModelDiff.Change;
import dev.loopkeeper.modeling.ModelDiff.ElementChange;
import dev.loopkeeper.modeling.ModelKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which elements with an id (tasks, events, flows, decision rules, form fields) differ between two versions
 * of a model. An element is compared without its children that have ids of their own, so a changed task
 * does not mark its subprocess as changed too. Diagram layout (BPMN DI, DMN DI) is left out: moving a shape
 * changes nothing the engine runs.
 */
public final class ElementChanges {

    private static final Set<String> LAYOUT_NAMESPACES = Set.of(
            "http://www.omg.org/spec/BPMN/20100524/DI", "https://www.omg.org/spec/DMN/20191111/DMNDI/",
            "http://www.omg.org/spec/DMN/20180521/DI/", "http://www.omg.org/spec/DD/20100524/DC",
            "http://www.omg.org/spec/DD/20100524/DI", "http://www.omg.org/spec/DMN/20180521/DC/");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ElementChanges() {}

    /** The changes from one file to the other; empty if either cannot be read. */
    public static List<ElementChange> between(ModelKind kind, String from, String to) {
        Map<String, Element> before;
        Map<String, Element> after;
        try {
            before = kind == ModelKind.FORM ? formFields(from) : elements(from);
            after = kind == ModelKind.FORM ? formFields(to) : elements(to);
        } catch (ModelXml.Unreadable | IOException unreadable) {
            return List.of();
        }
        List<ElementChange> changes = new ArrayList<>();
        before.forEach((id, element) -> {
            Element now = after.get(id);
            if (now == null) {
                changes.add(new ElementChange(id, element.type, element.name, Change.REMOVED));
            } else if (!now.canonical.equals(element.canonical)) {
                changes.add(new ElementChange(id, now.type, now.name, Change.CHANGED));
            }
        });
        after.forEach((id, element) -> {
            if (!before.containsKey(id)) {
                changes.add(new ElementChange(id, element.type, element.name, Change.ADDED));
            }
        });
        return changes;
    }

    private record Element(String type, String name, String canonical) {}

    private static Map<String, Element> elements(String xml) throws ModelXml.Unreadable {
        Map<String, Element> elements = new LinkedHashMap<>();
        ModelXml.parse(xml.getBytes(StandardCharsets.UTF_8)).walk(node -> {
            if (node.id() != null && !LAYOUT_NAMESPACES.contains(node.namespace) && !inLayout(node)) {
                String name = node.attribute("name") != null
                        ? node.attribute("name")
                        : node.child("description").map(ModelXml.Node::text).orElse(null);
                elements.put(node.id(), new Element(node.name, name, canonical(node)));
            }
        });
        return elements;
    }

    private static boolean inLayout(ModelXml.Node node) {
        for (ModelXml.Node n = node; n != null; n = n.parent) {
            if (LAYOUT_NAMESPACES.contains(n.namespace)) {
                return true;
            }
        }
        return false;
    }

    private static String canonical(ModelXml.Node node) {
        StringBuilder text = new StringBuilder(node.namespace).append(':').append(node.name);
        new TreeMap<>(node.attributes)
                .forEach((name, value) ->
                        text.append(' ').append(name).append('=').append(value));
        text.append('[').append(node.text()).append(']');
        for (ModelXml.Node child : node.children) {
            text.append('{')
                    .append(child.id() != null ? "#" + child.id() : canonical(child))
                    .append('}');
        }
        return text.toString();
    }

    private static Map<String, Element> formFields(String json) throws IOException {
        Map<String, Element> fields = new LinkedHashMap<>();
        collect(JSON.readTree(json).path("components"), fields);
        return fields;
    }

    private static void collect(JsonNode components, Map<String, Element> into) {
        for (JsonNode component : components) {
            if (component.hasNonNull("id")) {
                ObjectNode own = component.deepCopy();
                own.remove("components");
                into.put(
                        component.get("id").asText(),
                        new Element(
                                component.path("type").asText("field"),
                                component
                                        .path("label")
                                        .asText(component.path("key").asText(null)),
                                own.toString()));
            }
            collect(component.path("components"), into);
        }
    }
}
