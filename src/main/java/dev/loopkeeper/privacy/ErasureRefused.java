package dev.loopkeeper.privacy;

/** An erasure that did not happen, and why: no such customer, or the confirmation typed was not theirs. */
public class ErasureRefused extends RuntimeException {

    public ErasureRefused(String reason) {
        super(reason);
    }
}
