package dev.loopkeeper.sharedkernel.persistence;

/**
 * How many rows a list holds, and whether that is counted or estimated (a search for a common word is estimated from
 * a sample: counting it exactly would read most of the table).
 */
public record Tally(long count, boolean estimated) {

    public static Tally counted(long count) {
        return new Tally(count, false);
    }

    /** "1 case", "12 cases", "about 480 000 cases". */
    public String describe(String one, String many) {
        String number = String.format(java.util.Locale.ROOT, "%,d", count).replace(',', ' ');
        return (estimated ? "about " : "") + number + " " + (count == 1 && !estimated ? one : many);
    }
}
