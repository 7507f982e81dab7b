package dev.loopkeeper.modeling;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed between two versions of a model: the file line by line, and the elements (tasks, gateways,
 * rules, form fields) that were added, removed or changed.
 */
public record ModelDiff(List<Line> lines, List<ElementChange> elements) {

    public enum Change {
        SAME,
        ADDED,
        REMOVED,
        CHANGED
    }

    /** A line of the old file, the new file, or both. Line numbers are 0 where the line is not in that file. */
    public record Line(Change change, int oldNumber, int newNumber, String text) {}

    /** An element with an id whose definition differs. */
    public record ElementChange(String elementId, String type, String name, Change change) {}

    public ModelDiff {
        lines = List.copyOf(lines);
        elements = List.copyOf(elements);
    }

    public boolean identical() {
        return lines.stream().allMatch(l -> l.change() == Change.SAME);
    }

    /** The changed lines with this much unchanged context around each change, gaps marked by a null. */
    public List<Line> hunks(int context) {
        List<Line> shown = new ArrayList<>();
        int lastShown = -1;
        for (int i = 0; i < lines.size(); i++) {
            boolean near = false;
            for (int j = Math.max(0, i - context); j <= Math.min(lines.size() - 1, i + context) && !near; j++) {
                near = lines.get(j).change() != Change.SAME;
            }
            if (near) {
                if (lastShown >= 0 && i > lastShown + 1) {
                    shown.add(null);
                }
                shown.add(lines.get(i));
                lastShown = i;
            }
        }
        return shown;
    }

    /**
     * A line diff by longest common subsequence, after taking off the common head and tail (a model edit
     * usually touches a few lines, so the part compared in full is small).
     */
    static List<Line> lines(String from, String to) {
        String[] a = from.split("\r?\n", -1);
        String[] b = to.split("\r?\n", -1);
        int head = 0;
        while (head < a.length && head < b.length && a[head].equals(b[head])) {
            head++;
        }
        int tail = 0;
        while (tail < a.length - head
                && tail < b.length - head
                && a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) {
            tail++;
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            lines.add(new Line(Change.SAME, i + 1, i + 1, a[i]));
        }
        int n = a.length - head - tail;
        int m = b.length - head - tail;
        if ((long) n * m > 25_000_000L) {
            // Too different to align line by line: show the middle as replaced
            for (int i = 0; i < n; i++) {
                lines.add(new Line(Change.REMOVED, head + i + 1, 0, a[head + i]));
            }
            for (int j = 0; j < m; j++) {
                lines.add(new Line(Change.ADDED, 0, head + j + 1, b[head + j]));
            }
        } else {
            int[][] common = new int[n + 1][m + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    common[i][j] = a[head + i].equals(b[head + j])
                            ? common[i + 1][j + 1] + 1
                            : Math.max(common[i + 1][j], common[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < n || j < m) {
                if (i < n && j < m && a[head + i].equals(b[head + j])) {
                    lines.add(new Line(Change.SAME, head + i + 1, head + j + 1, a[head + i]));
                    i++;
                    j++;
                } else if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
                    lines.add(new Line(Change.ADDED, 0, head + j + 1, b[head + j]));
                    j++;
                } else {
                    lines.add(new Line(Change.REMOVED, head + i + 1, 0, a[head + i]));
                    i++;
                }
            }
        }
        for (int k = tail; k > 0; k--) {
            lines.add(new Line(Change.SAME, a.length - k + 1, b.length - k + 1, a[a.length - k]));
        }
        return lines;
    }
}
