package dev.loopkeeper.privacy;

import dev.loopkeeper.sharedkernel.Worded;
import dev.loopkeeper.sharedkernel.Words;

/** An erasure that did not happen, and why: no such customer, or the confirmation typed was not theirs. */
public class ErasureRefused extends RuntimeException implements Worded {

    private final transient Words words;

    public ErasureRefused(String reason, Words words) {
        super(reason);
        this.words = words;
    }

    @Override
    public Words words() {
        return words;
    }
}
