package dev.loopkeeper.intake;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column of a CSV file holds which field, and which columns become which properties. Saved per source with its
 * first import and offered again for the next file of that source.
 *
 * @param columns    field: the column's name in the file's header
 * @param properties property name: the column's name
 * @param format     how times and decimals are written in the file
 */
public record ColumnMapping(Map<ImportField, String> columns, Map<String, String> properties) {

    public ColumnMapping {
        columns = columns == null || columns.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(columns));
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** The required fields that no column holds. */
    public List<ImportField> missing() {
        List<ImportField> missing = new ArrayList<>();
        for (ImportField field : ImportField.values()) {
            if (field.required() && !columns.containsKey(field)) {
                missing.add(field);
            }
        }
        return missing;
    }

    /** The same mapping, reduced to the columns this header has. */
    public ColumnMapping within(List<String> header) {
        Map<ImportField, String> kept = new EnumMap<>(ImportField.class);
        columns.forEach((field, column) -> {
            if (header.contains(column)) {
                kept.put(field, column);
            }
        });
        Map<String, String> keptProperties = new LinkedHashMap<>();
        properties.forEach((property, column) -> {
            if (header.contains(column)) {
                keptProperties.put(property, column);
            }
        });
        return new ColumnMapping(kept, keptProperties);
    }

    /**
     * A first mapping for a header: each field to the first column named like it (our layout's names, Delighted's
     * export's), {@code properties.NAME} columns to their property, and the properties Delighted's webhook maps (Region,
     * Product, Location) to ours.
     */
    public static ColumnMapping guess(List<String> header, Map<String, String> delightedProperties) {
        Map<ImportField, String> columns = new EnumMap<>(ImportField.class);
        for (ImportField field : ImportField.values()) {
            for (String alias : field.aliases()) {
                String found = header.stream()
                        .filter(column -> normal(column).equals(normal(alias)))
                        .findFirst()
                        .orElse(null);
                // A customer's email may be their id as well (Delighted's export has no other)
                if (found != null && (!columns.containsValue(found) || field == ImportField.EMAIL)) {
                    columns.put(field, found);
                    break;
                }
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (String column : header) {
            if (column.toLowerCase(Locale.ROOT).startsWith("properties.")) {
                properties.put(column.substring("properties.".length()), column);
            }
        }
        delightedProperties.forEach((ours, theirs) -> header.stream()
                .filter(column -> normal(column).equals(normal(theirs)) && !columns.containsValue(column))
                .findFirst()
                .ifPresent(column -> properties.putIfAbsent(ours, column)));
        return new ColumnMapping(columns, properties);
    }

    private static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }
}
