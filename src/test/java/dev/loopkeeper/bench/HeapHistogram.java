package dev.loopkeeper.bench;

import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * The live objects per class, as {@code jcmd <pid> GC.class_histogram} prints them (it collects first), read in
 * this JVM through the diagnostic command MBean; two of them tell which classes a change to the heap is made of.
 */
record HeapHistogram(Map<String, Long> bytesPerClass) {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    static HeapHistogram now() {
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "gcClassHistogram",
                            new Object[] {null},
                            new String[] {String[].class.getName()});
            Map<String, Long> bytes = new HashMap<>();
            for (String line : text.split("\n")) {
                Matcher row = ROW.matcher(line);
                if (row.find()) {
                    bytes.merge(row.group(3), Long.parseLong(row.group(2)), Long::sum);
                }
            }
            return new HeapHistogram(bytes);
        } catch (Exception e) {
            throw new IllegalStateException("No class histogram from this JVM", e);
        }
    }

    /** The classes that grew most from {@code before} to this one, in bytes divided by {@code per}, largest first. */
    Map<String, Long> grownSince(HeapHistogram before, int per, int top) {
        Map<String, Long> grown = new LinkedHashMap<>();
        bytesPerClass.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.bytesPerClass.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(top)
                .forEach(e -> grown.put(e.getKey(), e.getValue() / per));
        return grown;
    }
}
