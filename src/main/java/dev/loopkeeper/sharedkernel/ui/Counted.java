package dev.loopkeeper.sharedkernel.ui;

/** A number with its noun, singular for one: "1 task", "3 tasks". */
public final class Counted {

    private Counted() {}

    public static String of(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
