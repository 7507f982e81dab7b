package dev.loopkeeper.sharedkernel.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** For a field the API does not have: the field the client probably meant, or else the ones there are. */
final class Suggestion {

    private Suggestion() {}

    static String among(String unknown, List<String> known) {
        String wanted = normalized(unknown);
        return known.stream()
                .filter(candidate -> Math.abs(normalized(candidate).length() - wanted.length()) <= 2)
                .filter(candidate -> distance(wanted, normalized(candidate)) <= (wanted.length() <= 4 ? 1 : 2))
                .min(Comparator.comparingInt(candidate -> distance(wanted, normalized(candidate))))
                .map(candidate -> "; did you mean " + candidate + "?")
                .orElseGet(() -> "; the fields here are "
                        + String.join(", ", known.stream().sorted().toList()));
    }

    /** respondedAt, responded_at and RESPONDED-AT are the same field to a human. */
    private static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[_\\-\\s]", "");
    }

    /** Edits from one to the other: insert, delete or change a letter, or swap two neighbours (emial, email). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + change);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
